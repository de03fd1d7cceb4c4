import itertools

import numpy as np
import polars as pl
import pytest

from ivp.analysis import trend, trend_frame
from ivp.analysis.methods import NO_TEST_TOO_FEW, TREND, TREND_COUNTS

YEARS = [str(year) for year in range(2018, 2024)]


def test_a_doubling_over_six_years_is_a_stijging():
    rng = np.random.default_rng(1)
    expected = 200 * 2 ** (np.arange(6) / 5)
    counts = rng.poisson(expected).astype(float)
    result = trend(YEARS, counts, [50_000] * 6)
    assert result.verdict == "stijging"
    assert result.method == TREND
    assert result.rate_ratio_per_year == pytest.approx(2 ** (1 / 5), rel=0.05)
    assert result.ci95[0] < 2 ** (1 / 5) < result.ci95[1]
    assert result.percent_ci95[0] > 0
    assert result.mann_kendall_tau > 0.8


def test_flat_poisson_noise_is_mostly_stabiel():
    rng = np.random.default_rng(20240601)
    false_positives = sum(
        trend(YEARS, rng.poisson(300, size=6).astype(float), [40_000] * 6).verdict != "stabiel"
        for _ in range(200)
    )
    assert false_positives / 200 < 0.12


def test_overdispersion_widens_the_interval():
    counts = [1000.0, 1150.0, 980.0, 1210.0, 1020.0, 1190.0]  # jumpy, but no trend to speak of
    result = trend(YEARS, counts, [80_000] * 6)
    assert result.dispersion > 1
    assert result.verdict == "stabiel"


def test_population_is_the_offset():
    # counts grow exactly with the population: the rate is flat
    population = [10_000, 11_000, 12_000, 13_000, 14_000]
    counts = [p / 10 for p in population]
    result = trend(YEARS[:5], counts, population)
    assert result.rate_ratio_per_year == pytest.approx(1.0)
    assert result.verdict == "stabiel"
    assert trend(YEARS[:5], counts).verdict == "stijging"  # as bare counts they do rise
    assert trend(YEARS[:5], counts).method == TREND_COUNTS


def test_fewer_than_four_usable_points_give_none():
    assert trend(YEARS[:3], [1.0, 2.0, 3.0]) is None
    assert trend(YEARS[:4], [1.0, None, 3.0, 4.0]) is None
    assert trend(YEARS[:4], [1.0, 2.0, 3.0, 4.0], [1, None, 1, 1]) is None


def test_zero_counts_do_not_crash():
    all_zero = trend(YEARS, [0.0] * 6, [1000] * 6)
    assert all_zero.verdict is None
    assert all_zero.p_value is None
    assert all_zero.method == NO_TEST_TOO_FEW
    assert all_zero.to_dict()["mann_kendall_p"] is None
    one_year = trend(YEARS, [0.0, 0, 0, 0, 0, 7], [1000] * 6)
    assert one_year.method == NO_TEST_TOO_FEW
    some = trend(YEARS, [0.0, 0, 1, 0, 2, 3], [1000] * 6)
    assert some.p_value is not None


def test_monthly_series_is_expressed_per_year():
    periods = [f"{year}-{month:02d}" for year in (2022, 2023) for month in range(1, 13)]
    rng = np.random.default_rng(3)
    monthly_growth = 1.5 ** (1 / 12)
    counts = rng.poisson(1000 * monthly_growth ** np.arange(24)).astype(float)
    result = trend(periods, counts, [100_000] * 24)
    assert result.granularity == "maand"
    assert result.rate_ratio_per_year == pytest.approx(1.5, rel=0.05)


def test_trend_frame_matches_trend():
    rng = np.random.default_rng(7)
    rows = []
    for index in range(60):
        length = int(rng.integers(2, 9))
        base = float(rng.choice([2, 40, 900]))
        growth = float(rng.choice([0.85, 1.0, 1.15]))
        for step in range(length):
            value = float(rng.poisson(base * growth**step)) if rng.random() > 0.05 else None
            people = int(rng.integers(9_000, 11_000)) if rng.random() > 0.05 else None
            rows.append((f"GM{index:04d}", str(2015 + step), value, people))
    frame = pl.DataFrame(rows, schema=["area", "period", "value", "inhabitants"], orient="row")
    result = trend_frame(frame)
    assert result.height > 20
    for row in result.iter_rows(named=True):
        series = frame.filter(pl.col("area") == row["area"])
        single = trend(series["period"], series["value"], series["inhabitants"])
        assert (row["n_points"], row["verdict"], row["method"]) == (
            single.n_points,
            single.verdict,
            single.method,
        )
        assert row["mann_kendall_p"] == pytest.approx(single.mann_kendall_p, nan_ok=True)
        if single.p_value is not None:
            assert row["rate_ratio_per_year"] == pytest.approx(single.rate_ratio_per_year, rel=1e-8)
            assert (row["ci_low"], row["ci_high"]) == pytest.approx(single.ci95, rel=1e-5)
            assert row["p_value"] == pytest.approx(single.p_value, rel=1e-4, abs=1e-12)
    shown = set(result["area"])
    for area in set(frame["area"]) - shown:
        series = frame.filter(pl.col("area") == area)
        assert trend(series["period"], series["value"], series["inhabitants"]) is None


def test_one_registration_more_never_jumps_the_verdict_where_the_dispersion_crosses_one():
    """One point moved a registration at a time, from a series that scatters less than
    Poisson to one that scatters more: the p-value moves smoothly (t with n − 2 degrees of
    freedom throughout), where a switch from normal to t at a dispersion of 1 jumped."""
    from ivp.analysis import trend

    periods = ["2020", "2021", "2022", "2023", "2024"]
    exposures = [50_000.0] * 5
    ps, dispersions = [], []
    for k in range(-120, 121):
        fitted = trend(periods, [1000.0, 1050.0, 1100.0 + k, 1160.0, 1210.0], exposures)
        ps.append(fitted.p_value)
        dispersions.append(fitted.dispersion)
    assert min(dispersions) <= 1 < max(dispersions)  # the sweep crosses a dispersion of 1
    steps = [abs(b - a) for a, b in itertools.pairwise(ps)]
    assert max(steps) < 0.01


@pytest.mark.parametrize("seed", range(5))
def test_the_yearly_dispersion_is_the_trends_without_a_model_fit(seed):
    from ivp.analysis.trend import yearly_dispersion

    rng = np.random.default_rng(seed)
    years = [str(y) for y in range(2012, 2024)]
    people = rng.integers(20_000, 900_000, len(years)).astype(float)
    counts = rng.poisson(people / 1000 * 50 * rng.lognormal(0, 0.1, len(years))).astype(float)
    fitted = trend(years, counts, people)
    assert yearly_dispersion(years, counts, people) == pytest.approx(fitted.dispersion, rel=1e-6)
