import math

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from ivp.analysis import Series, changes, changes_frame, count_change, survey_change
from ivp.analysis.methods import (
    EXACT,
    EXACT_COUNTS,
    NO_TEST_EXPOSURE,
    NO_TEST_MARGIN,
    NO_TEST_MISSING,
    NO_TEST_ZERO,
)


def _scipy_reference(a, b, exposure_a, exposure_b):
    """The textbook conditional test, computed independently."""
    result = stats.binomtest(b, a + b, exposure_b / (exposure_a + exposure_b))
    ci = result.proportion_ci(method="exact")
    to_ratio = exposure_a / exposure_b
    return result.pvalue, (ci.low / (1 - ci.low) * to_ratio, ci.high / (1 - ci.high) * to_ratio)


@pytest.mark.parametrize(
    ("a", "b", "exposure_a", "exposure_b"),
    [(1374, 1204, 45376, 45472), (12, 25, 1000, 1100), (7, 3, 1.0, 1.0), (500, 560, 2.0, 1.0)],
)
def test_p_value_and_interval_are_the_exact_binomial_ones(a, b, exposure_a, exposure_b):
    change = count_change(a, b, exposure_a, exposure_b)
    p, (low, high) = _scipy_reference(a, b, exposure_a, exposure_b)
    assert change.p_value == pytest.approx(p, rel=1e-12)
    assert change.ci95 == pytest.approx((low, high), rel=1e-9)
    assert change.rate_ratio == pytest.approx((b / exposure_b) / (a / exposure_a))
    assert change.method == EXACT


def test_westerveld_2022_to_2023_is_stabiel_and_2022_to_2024_a_stijging(tidy_row):
    # 317 → 366 → 376: the single-year rise is within chance, the two-year rise is not
    for year, expected in ((2023, "stabiel"), (2024, "stijging")):
        before, after = tidy_row("GM1701", 2022), tidy_row("GM1701", year)
        a, b = before["geregistreerde_misdrijven"], after["geregistreerde_misdrijven"]
        ea, eb = before["bevolking_31dec"], after["bevolking_31dec"]
        change = count_change(a, b, ea, eb, from_period="2022", to_period=str(year))
        p, _ = _scipy_reference(a, b, ea, eb)
        assert change.p_value == pytest.approx(p, rel=1e-12)
        assert change.verdict == ("stijging" if p < 0.05 else "stabiel") == expected
        assert change.ci95[0] <= change.rate_ratio <= change.ci95[1]
        assert change.difference == b - a


def test_small_counts_stay_stabiel_large_ones_do_not():
    doubled = count_change(3, 6, 1000, 1000)
    assert doubled.verdict == "stabiel"
    assert doubled.rate_ratio == 2.0
    assert doubled.small_numbers
    assert doubled.ci95[0] < 1 < doubled.ci95[1]

    rise = count_change(300, 400, 1000, 1000)
    assert rise.verdict == "stijging"
    assert rise.percent_change == pytest.approx(100 / 3)
    assert not rise.small_numbers
    assert count_change(400, 300, 1000, 1000).verdict == "daling"


def test_population_growth_is_taken_into_account():
    # 10% more registrations with 10% more inhabitants is no change in rate
    change = count_change(1000, 1100, 10_000, 11_000)
    assert change.rate_ratio == pytest.approx(1.0)
    assert change.percent_change == pytest.approx(0.0, abs=1e-9)
    assert change.verdict == "stabiel"
    assert change.difference == 100


@pytest.mark.parametrize(
    ("a", "b", "ea", "eb", "method"),
    [
        (0, 0, 1, 1, NO_TEST_ZERO),
        (0, 50, 1, 1, NO_TEST_ZERO),
        (40, 0, 1, 1, NO_TEST_ZERO),
        (None, 5, 1, 1, NO_TEST_MISSING),
        (5, math.nan, 1, 1, NO_TEST_MISSING),
        (5, 6, None, 100, NO_TEST_EXPOSURE),
        (5, 6, 0, 100, NO_TEST_EXPOSURE),
    ],
)
def test_edge_cases_give_no_test_and_no_crash(a, b, ea, eb, method):
    change = count_change(a, b, ea, eb)
    assert change.verdict is None  # not tested is not stable
    assert change.p_value is None
    assert change.ci95 is None
    assert change.method == method
    assert change.to_dict()["method"] == method


def test_a_fall_to_zero_keeps_its_point_estimate():
    change = count_change(40, 0, 1, 1)
    assert change.rate_ratio == 0.0
    assert change.percent_change == -100.0


def test_without_exposures_counts_are_compared_as_they_are():
    change = count_change(100, 150)
    assert change.method == EXACT_COUNTS
    assert change.rate_ratio == 1.5
    assert change.verdict == "stijging"


def test_fractional_or_negative_counts_are_refused():
    with pytest.raises(ValueError):
        count_change(2.5, 3, 1, 1)
    with pytest.raises(ValueError):
        count_change(-1, 3, 1, 1)


def test_survey_change_with_margins_is_a_z_test():
    change = survey_change(6.5, 0.3, 6.9, 0.25)
    se = math.hypot(0.3 / 1.96, 0.25 / 1.96)
    assert change.difference == pytest.approx(0.4)
    assert change.p_value == pytest.approx(2 * stats.norm.sf(0.4 / se))
    assert change.ci95 == pytest.approx((0.4 - 1.96 * se, 0.4 + 1.96 * se))
    assert change.ci95_of == "difference"
    assert change.verdict == "stijging"
    assert survey_change(6.5, 0.3, 6.6, 0.3).verdict == "stabiel"
    assert survey_change(30.0, 1.0, 25.0, 1.2).verdict == "daling"


@pytest.mark.parametrize("margins", [(None, 0.3), (0.3, None), (None, None), (0.0, 0.3)])
def test_survey_change_without_a_margin_is_not_tested(margins):
    change = survey_change(6.5, margins[0], 9.9, margins[1])
    assert change.verdict is None
    assert change.p_value is None
    assert change.ci95 is None
    assert change.method == NO_TEST_MARGIN
    assert change.difference == pytest.approx(3.4)


def test_changes_are_consecutive_pairs_then_first_to_last(tidy_row):
    rows = [tidy_row("GM1708", year) for year in (2024, 2022, 2023)]  # unordered on purpose
    series = Series(
        periods=tuple(str(r["jaar"]) for r in rows),
        values=tuple(r["geregistreerde_misdrijven"] for r in rows),
        exposures=tuple(r["bevolking_31dec"] for r in rows),
    )
    result = changes(series)
    assert [(c.from_period, c.to_period) for c in result] == [
        ("2022", "2023"),
        ("2023", "2024"),
        ("2022", "2024"),
    ]
    assert result[2].verdict == "daling"  # 30.3 → 24.8 per 1000
    two = changes(Series(periods=("2022", "2023"), values=(1.0, 2.0)))
    assert len(two) == 1


def test_monthly_changes_account_for_the_number_of_days():
    # the same count per day in February and March is no change
    result = changes(Series(periods=("2023-02", "2023-03"), values=(2800.0, 3100.0)))
    assert result[0].rate_ratio == pytest.approx(1.0)
    assert result[0].verdict == "stabiel"


def test_series_refuses_mixed_or_doubled_periods():
    with pytest.raises(ValueError):
        Series(periods=("2023", "2023-Q1"), values=(1.0, 2.0))
    with pytest.raises(ValueError):
        Series(periods=("2023", "2023"), values=(1.0, 2.0))
    with pytest.raises(ValueError):
        Series(periods=("2023",), values=(1.0, 2.0))


def test_survey_series():
    series = Series(
        periods=("2019", "2021", "2023"),
        values=(6.5, 6.9, 7.0),
        margins=(0.1, None, 0.1),
        kind="survey",
    )
    result = changes(series)
    assert [c.method for c in result][:2] == [NO_TEST_MARGIN, NO_TEST_MARGIN]
    assert result[2].verdict == "stijging"


def test_changes_frame_matches_changes_for_every_municipality(observations, population):
    from ivp.analysis import with_rates

    rated = with_rates(observations, population)
    frame = changes_frame(rated.select("area", "period", "value", "inhabitants"))
    assert frame.height == 344 * 3
    for area in ["GM1708", "GM1701", "GM1992", "GM0998", "GM0363", "GM0599"]:
        mine = frame.filter(pl.col("area") == area)
        expected = changes(Series.from_frame(rated.filter(pl.col("area") == area)))
        for row, change in zip(mine.iter_rows(named=True), expected, strict=True):
            assert (row["from_period"], row["to_period"]) == (change.from_period, change.to_period)
            assert row["verdict"] == change.verdict
            assert row["method"] == change.method
            if change.p_value is None:
                assert row["p_value"] is None
            else:
                assert row["p_value"] == pytest.approx(change.p_value, rel=1e-9)
                assert (row["ci_low"], row["ci_high"]) == pytest.approx(change.ci95, rel=1e-6)
                assert row["percent_change"] == pytest.approx(change.percent_change)


def test_changes_frame_for_surveys_and_groups():
    frame = pl.DataFrame(
        {
            "indicator": ["a", "a", "a", "b", "b"],
            "area": ["GM1"] * 5,
            "period": ["2019", "2021", "2023", "2021", "2023"],
            "value": [6.5, 6.9, 7.0, 30.0, 25.0],
            "margin": [0.1, None, 0.1, 1.0, 1.2],
        }
    )
    result = changes_frame(frame, by=("indicator", "area"), kind="survey")
    assert result["comparison"].to_list() == [
        "opeenvolgend",
        "opeenvolgend",
        "eerste-laatste",
        "opeenvolgend",
    ]
    assert result["verdict"].to_list() == [None, None, "stijging", "daling"]  # no margin: untested
    assert result["rate_ratio"].null_count() == 4


counts = st.integers(min_value=0, max_value=10**6)
exposures = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(counts, counts, exposures, exposures)
def test_count_change_properties(a, b, exposure_a, exposure_b):
    change = count_change(a, b, exposure_a, exposure_b)
    assert change.verdict in ("stijging", "daling", "stabiel", None)
    assert (change.verdict is None) == (change.p_value is None)  # untested: no verdict
    if change.p_value is not None and change.p_value >= 0.05:
        assert change.verdict == "stabiel"
    if change.ci95 is not None and change.rate_ratio is not None:
        low, high = change.ci95
        assert low <= change.rate_ratio <= high
        if change.verdict == "stijging":
            assert low > 1
        if change.verdict == "daling":
            assert high < 1
    assert change.to_dict()["verdict"] == change.verdict


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(counts, counts, exposures, exposures), min_size=1, max_size=20),
)
def test_vectorised_exact_test_equals_scipy(rows):
    from ivp.analysis.exact import exact_test, exact_tests

    a, b, ea, eb = (list(column) for column in zip(*rows, strict=True))
    tests = exact_tests(a, b, ea, eb)
    for i, row in enumerate(rows):
        single = exact_test(*row)
        assert tests["method"][i] == single.method
        if single.p_value is None:
            assert math.isnan(tests["p_value"][i])
        else:
            assert tests["p_value"][i] == pytest.approx(single.p_value, rel=1e-9, abs=1e-300)
