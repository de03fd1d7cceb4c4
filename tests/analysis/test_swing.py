"""The normal swing between years (DerSimonian–Laird on winsorised z-scores) and changes judged
against it: recovered from counts made with a known swing, nil for pure Poisson counts, one
method for p and interval, and the same numbers whether one area or all are analysed."""

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ivp.analysis import (
    Series,
    changes,
    changes_frame,
    methods,
    swing_between_areas,
    swings_by_pair,
)
from ivp.analysis.swing import MIN_AREAS, swing_tests


def _areas(rng, n: int, tau: float):
    """Counts of n areas in two years with a true change of 0 and a swing of `tau`."""
    inhabitants = rng.integers(5_000, 900_000, n).astype(float)
    rate = rng.uniform(0.02, 0.08, n)
    a = rng.poisson(inhabitants * rate)
    b = rng.poisson(inhabitants * rate * np.exp(rng.normal(0, tau, n)))
    return a, b, inhabitants, inhabitants


def test_a_known_swing_is_recovered_and_pure_poisson_counts_have_almost_none():
    rng = np.random.default_rng(7)
    swung = swing_between_areas(*_areas(rng, 342, 0.06))
    assert swung.areas == 342
    assert swung.tau == pytest.approx(0.06, abs=0.012)
    assert swung.percent == pytest.approx(6.2, abs=1.3)
    calm = swing_between_areas(*_areas(rng, 342, 0.0))
    assert calm.tau < 0.01


def test_with_the_swing_a_change_of_nothing_gets_a_verdict_about_one_time_in_twenty():
    rng = np.random.default_rng(11)
    a, b, ea, eb = _areas(rng, 342, 0.06)
    swing = swing_between_areas(a, b, ea, eb)
    judged = swing_tests(a, b, ea, eb, swing.tau2)
    exact = swing_tests(a, b, ea, eb, 0.0)  # as if counts were Poisson
    assert np.mean(judged["p_value"] < 0.05) < 0.10
    assert np.mean(exact["p_value"] < 0.05) > 0.5  # what ivp claimed before


def test_fewer_than_thirty_areas_give_no_swing_and_the_change_says_so():
    rng = np.random.default_rng(3)
    assert swing_between_areas(*_areas(rng, MIN_AREAS - 1, 0.06)) is None
    series = Series(("2022", "2023"), (900.0, 1000.0), (50_000.0, 50_000.0))
    judged = changes(series, swings={})[0]
    assert judged.method == methods.EXACT_NO_SWING and judged.swing is None
    assert changes(series)[0].method == methods.EXACT  # an area of its own kind


@settings(max_examples=200, deadline=None)
@given(
    a=st.integers(1, 100_000),
    b=st.integers(1, 100_000),
    tau=st.floats(0.0, 0.3),
)
def test_p_and_interval_never_disagree_about_five_percent(a, b, tau):
    judged = {k: float(v[0]) for k, v in swing_tests([a], [b], [1e5], [1e5], tau**2).items()}
    excludes_one = judged["ci_low"] > 1 or judged["ci_high"] < 1
    if abs(judged["p_value"] - 0.05) > 1e-9:
        assert (judged["p_value"] < 0.05) == excludes_one


def test_one_area_and_all_areas_give_the_same_change(observations, population):
    rates = observations.join(
        population.with_columns(period=pl.col("year").cast(pl.String)), on=["area", "period"]
    ).with_columns(indicator_id=pl.lit(1))
    frame = changes_frame(
        rates.select("indicator_id", "area", "period", "value", "inhabitants"),
        by=["indicator_id", "area"],
        swing_by=["indicator_id"],
    )
    swings = swings_by_pair(rates.select("indicator_id", "area", "period", "value", "inhabitants"))[
        (1,)
    ]
    for code in ("GM0363", "GM0344", "GM0088", "GM1708"):
        own = rates.filter(pl.col("area") == code).sort("period")
        series = Series(
            tuple(own["period"]), tuple(own["value"]), tuple(own["inhabitants"].cast(pl.Float64))
        )
        one = changes(series, swings)
        many = frame.filter(pl.col("area") == code).sort("to_period")
        for change in one:
            row = many.filter(
                (pl.col("from_period") == change.from_period)
                & (pl.col("to_period") == change.to_period)
            ).row(0, named=True)
            assert row["verdict"] == change.verdict
            assert row["p_value"] == pytest.approx(change.p_value, rel=1e-9)
            assert row["swing"] == pytest.approx(change.swing, rel=1e-9)


def test_without_other_areas_five_years_of_its_own_give_the_swing():
    """A municipality's own registrations: no other area has them, so the swing comes from
    how much its own yearly counts scatter around their trend (quasi-Poisson, t with n − 2
    degrees of freedom); with four years there is none and the exact test says so."""
    periods = ("2020", "2021", "2022", "2023", "2024")
    values = (800.0, 1010.0, 820.0, 1050.0, 1150.0)  # scatters far more than Poisson
    series = Series(periods, values, (40_000.0,) * 5)
    last = changes(series, swings={})[3]  # 2023 → 2024: +9.5%
    assert last.method == methods.OWN_SWING
    assert last.verdict == "stabiel"
    assert changes(series)[3].verdict == "stijging"  # the exact test, for an area of its own kind
    assert (last.p_value < 0.05) == (last.ci95[0] > 1 or last.ci95[1] < 1)
    short = Series(periods[1:], values[1:], (40_000.0,) * 4)
    assert changes(short, swings={})[2].method == methods.EXACT_NO_SWING
