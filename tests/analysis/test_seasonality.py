import calendar

import numpy as np
import polars as pl
import pytest

from ivp.analysis import seasonality

PERIODS = [f"{year}-{month:02d}" for year in range(2019, 2024) for month in range(1, 13)]
DAYS = np.array([calendar.monthrange(int(p[:4]), int(p[5:]))[1] for p in PERIODS])


def _monthly(values, periods=PERIODS) -> pl.DataFrame:
    return pl.DataFrame({"period": periods, "value": np.asarray(values, dtype=float)})


def test_a_planted_july_peak_is_found():
    rng = np.random.default_rng(11)
    july = np.array([p.endswith("-07") for p in PERIODS])
    counts = rng.poisson(2.0 * DAYS * np.where(july, 1.5, 1.0))
    result = seasonality(_monthly(counts))
    assert result.higher_months == (7,)
    assert result.lower_months == ()
    effect = result.months[6]
    assert effect.month == 7 and effect.verdict == "hoger"
    assert effect.seasonal_index == pytest.approx(1.5 * 11.5 / 12.5, rel=0.1)
    assert effect.ratio_to_mean > 1.3
    assert effect.p_adjusted < 0.05
    assert effect.n_years == 5


def test_a_single_exceptional_month_is_a_peak():
    rng = np.random.default_rng(12)
    counts = rng.poisson(2.0 * DAYS)
    counts[29] = counts[29] * 2 + 20  # 2021-06
    result = seasonality(_monthly(counts))
    assert [peak.period for peak in result.peaks] == ["2021-06"]
    assert result.peaks[0].count > result.peaks[0].expected


def test_counts_that_simply_follow_the_days_show_no_season():
    rng = np.random.default_rng(13)
    flagged = 0
    for _ in range(100):
        result = seasonality(_monthly(rng.poisson(1.5 * DAYS)))
        flagged += bool(result.higher_months or result.lower_months or result.peaks)
    assert flagged <= 12


def test_short_series_give_none_and_zeros_do_not_crash():
    assert seasonality(_monthly(np.ones(23), PERIODS[:23])) is None
    assert seasonality(_monthly([None] * 30 + [1.0] * 10, PERIODS[:40])) is None
    zeros = seasonality(_monthly(np.zeros(24), PERIODS[:24]))
    assert zeros.higher_months == () and zeros.peaks == ()
    assert zeros.to_dict()["months"][0]["p_value"] is None


def test_only_monthly_whole_counts():
    with pytest.raises(ValueError):
        seasonality(pl.DataFrame({"period": ["2020", "2021"], "value": [1.0, 2.0]}))
    with pytest.raises(ValueError):
        seasonality(_monthly(np.full(24, 1.5), PERIODS[:24]))


def test_one_registration_in_sixty_months_makes_no_month_stand_out():
    counts = np.zeros(len(PERIODS))
    counts[PERIODS.index("2021-04")] = 1
    result = seasonality(_monthly(counts))
    assert result.higher_months == () and result.lower_months == ()
    april = result.months[3]
    assert april.verdict is None and april.p_value is None  # under 5 expected: not judged


def test_holm_adjusts_step_down_and_never_below_the_raw_p():
    rng = np.random.default_rng(5)
    season = np.array([1.4 if p.endswith(("-07", "-08")) else 1.0 for p in PERIODS])
    result = seasonality(_monthly(rng.poisson(3.0 * DAYS * season)))
    tested = [m for m in result.months if m.p_value is not None]
    assert len(tested) == 12
    ranked = sorted(tested, key=lambda m: m.p_value)
    assert ranked[0].p_adjusted == pytest.approx(min(1.0, 12 * ranked[0].p_value), rel=1e-2)
    assert all(m.p_adjusted >= m.p_value for m in tested)
    adjusted = [m.p_adjusted for m in ranked]
    assert adjusted == sorted(adjusted)
    assert set(result.higher_months) == {7, 8}
