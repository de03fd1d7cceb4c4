import numpy as np
import polars as pl
import pytest
from scipy import stats

from ivp.analysis import benchmark, benchmark_frame, exclude_area, with_rates
from ivp.analysis.methods import EXACT, NO_TEST_MISSING, NO_TEST_REFERENCE, NO_TEST_ZERO


def test_exclude_area_subtracts_and_refuses_nonsense():
    assert exclude_area(800_000, 18_000_000, 1374, 45_376) == (800_000 - 1374, 18_000_000 - 45_376)
    assert exclude_area(None, 1, 1, 1) == (None, None)
    with pytest.raises(ValueError):
        exclude_area(10, 100, 20, 50)


def test_benchmark_is_the_exact_conditional_test():
    result = benchmark(1374, 45_376, 800_027, 17_590_672, "Nederland", reference_includes_area=True)
    rest_count, rest_people = 800_027 - 1374, 17_590_672 - 45_376
    expected = stats.binomtest(1374, 1374 + rest_count, 45_376 / (45_376 + rest_people))
    assert result.p_value == pytest.approx(expected.pvalue, rel=1e-10)
    assert result.reference_value == rest_count
    assert result.rate_per_1000 == pytest.approx(30.28, abs=0.01)
    assert result.rate_ratio == pytest.approx(
        (1374 / 45_376) / (rest_count / rest_people), rel=1e-12
    )
    assert result.verdict == "lager"  # 30.3 against about 45 per 1000
    assert result.method == EXACT
    assert benchmark(110, 1000, 1000, 10_000).verdict == "vergelijkbaar"
    assert benchmark(150, 1000, 1000, 10_000).verdict == "hoger"


def test_benchmark_edge_cases():
    assert benchmark(0, 1000, 500, 10_000).method == NO_TEST_ZERO
    assert benchmark(None, 1000, 500, 10_000).method == NO_TEST_MISSING
    unknown = benchmark(5, 1000, None, None, "peers")
    assert unknown.method == NO_TEST_REFERENCE
    assert unknown.verdict is None
    assert unknown.small_numbers
    assert unknown.to_dict()["reference_rate_per_1000"] is None


def _national(observations, population):
    return with_rates(observations, population).filter(pl.col("value").is_not_null())


def test_benchmark_frame_matches_benchmark_against_the_rest_of_the_country(
    observations, population
):
    rated = _national(observations, population)
    frame = benchmark_frame(rated, by=["period"], label="rest van Nederland")
    assert frame.height == rated.height
    totals = (
        rated.filter(pl.col("inhabitants") > 0)
        .group_by("period")
        .agg(pl.col("value").sum(), pl.col("inhabitants").sum())
    )
    for area in ["GM1708", "GM0363", "GM1701", "GM1992", "GM0999"]:
        for row in frame.filter(pl.col("area") == area).iter_rows(named=True):
            total = totals.filter(pl.col("period") == row["period"]).row(0, named=True)
            own_known = row["inhabitants"] is not None
            single = benchmark(
                row["value"],
                row["inhabitants"],
                total["value"],
                total["inhabitants"],
                reference_includes_area=own_known,
            )
            assert row["verdict"] == single.verdict
            assert row["method"] == single.method
            if single.p_value is not None:
                assert row["p_value"] == pytest.approx(single.p_value, rel=1e-9, abs=1e-300)
                assert (row["ci_low"], row["ci_high"]) == pytest.approx(single.ci95, rel=1e-6)
                assert row["reference_value"] == single.reference_value
    amsterdam = frame.filter((pl.col("area") == "GM0363") & (pl.col("period") == "2024"))
    assert amsterdam["verdict"].item() == "hoger"


def test_a_reference_per_area_such_as_a_peer_group():
    frame = pl.DataFrame({"area": ["A", "B"], "value": [50.0, 30.0], "inhabitants": [1000, 1000]})
    peers = pl.DataFrame(
        {"area": ["A", "B"], "value": [200.0, 310.0], "inhabitants": [10_000, 10_000]}
    )
    result = benchmark_frame(
        frame, peers, label="vergelijkbare gemeenten", reference_includes_areas=False
    )
    assert result["verdict"].to_list() == ["hoger", "vergelijkbaar"]
    assert result["reference_value"].to_list() == [200.0, 310.0]


def test_a_reference_smaller_than_the_area_is_not_tested():
    frame = pl.DataFrame({"area": ["A"], "value": [30.0], "inhabitants": [1000]})
    reference = pl.DataFrame({"value": [20.0], "inhabitants": [900]})
    result = benchmark_frame(frame, reference)
    assert result["method"].to_list() == [NO_TEST_REFERENCE]
    assert result["reference_value"].to_list() == [None]


def test_all_municipalities_times_many_indicators_agree_with_one_at_a_time(
    observations, population
):
    """The whole-country frame (speed: bench/) gives each row what `benchmark` gives it alone."""
    rng = np.random.default_rng(0)
    scales = [1.0, 0.3, 0.05, 0.01, 0.002, 0.15, 0.6, 0.02]
    national = _national(observations, population)
    many = pl.concat(
        national.with_columns(
            indicator=pl.lit(f"i{index}"),
            value=pl.Series(rng.poisson(national["value"].to_numpy() * scale)).cast(pl.Float64),
        )
        for index, scale in enumerate(scales)
    ).drop("year", "inhabitants", "rate_per_1000")
    result = benchmark_frame(with_rates(many, population), by=["indicator", "period"])
    assert result.height == many.height > 8000
    for row in (
        result.filter(pl.col("p_value").is_not_null()).gather_every(500).iter_rows(named=True)
    ):
        alone = benchmark(row["value"], row["inhabitants"], row["reference_value"],
                          row["reference_inhabitants"])  # fmt: skip
        assert row["p_value"] == pytest.approx(alone.p_value, rel=1e-9, abs=1e-15)
        assert row["verdict"] == alone.verdict


def test_a_level_is_judged_against_half_the_swing_between_years():
    """Steenwijkerland 2024 against the rest of the country: with the swing of one year's level
    (τ/√2) added, the interval widens and p grows; both still agree about 5%."""
    from ivp.analysis import Swing, methods

    plain = benchmark(1133, 45_700, 800_027, 17_590_672, "rest van Nederland",
                      reference_includes_area=True)  # fmt: skip
    swung = benchmark(1133, 45_700, 800_027, 17_590_672, "rest van Nederland",
                      reference_includes_area=True, swing=Swing(0.06**2, 342))  # fmt: skip
    assert swung.method == methods.BENCHMARK_SWING
    assert swung.rate_ratio == pytest.approx(plain.rate_ratio)
    assert swung.ci95[0] < plain.ci95[0] and swung.ci95[1] > plain.ci95[1]
    assert swung.p_value > plain.p_value
    assert (swung.p_value < 0.05) == (swung.ci95[1] < 1 or swung.ci95[0] > 1)
