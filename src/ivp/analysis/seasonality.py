"""Seasonal pattern and exceptional months in a monthly series of registrations.

Without seasonality a month expects its year's level per day times its number of days.
Per calendar month the observed total is compared with that expectation: exactly, as a
binomial share of its years' totals (the larger quasi-Poisson p where the series scatters more
than Poisson), only when at least five registrations are expected, with Holm's correction over
the months tested. Peaks are single months above what
their year and calendar month predict (Poisson upper tail, or negative binomial when the
series scatters more than Poisson), at 0.05 divided by the number of months.
"""

import numpy as np
import polars as pl
from scipy import stats

from ivp.analysis import methods
from ivp.analysis.exact import binom_two_sided_p
from ivp.analysis.frames import refuse_duplicates, require_columns
from ivp.analysis.periods import MONTH, period_table
from ivp.analysis.results import MonthEffect, Peak, Seasonality
from ivp.analysis.verdicts import ALPHA, HIGHER, LOWER, SIMILAR

MIN_MONTHS = 24
MIN_EXPECTED = 5  # registrations a calendar month must expect over the series to be judged


def _sum_by(index: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(index, weights=values, minlength=size)


def _seasonal_fit(y, days, year, month, n_years, iterations=500):
    """Poisson fit with a factor per year and per calendar month (iterative proportional
    fitting of both margins, which is the maximum-likelihood fit)."""
    year_total, month_total = _sum_by(year, y, n_years), _sum_by(month, y, 12)
    level, season = np.ones(n_years), np.ones(12)
    with np.errstate(invalid="ignore", divide="ignore"):
        for _ in range(iterations):
            fitted = level[year] * season[month] * days
            level = np.nan_to_num(level * year_total / _sum_by(year, fitted, n_years))
            fitted = level[year] * season[month] * days
            previous, season = (
                season,
                np.nan_to_num(season * month_total / _sum_by(month, fitted, 12)),
            )
            if np.allclose(previous, season, rtol=1e-10, atol=0):
                break
    return level[year] * season[month] * days


def _upper_tail(count, mean, dispersion):
    """P(X >= count): Poisson, or negative binomial with variance dispersion × mean."""
    if dispersion <= 1:
        return stats.poisson.sf(count - 1, mean)
    return stats.nbinom.sf(count - 1, mean / (dispersion - 1), 1 / dispersion)


def _holm(p: np.ndarray, tested: np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment over the tested months (NaN for the others)."""
    adjusted = np.full(p.shape, np.nan)
    order = [i for i in np.argsort(p) if tested[i]]
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (len(order) - rank) * p[i]))
        adjusted[i] = running
    return adjusted


def _none(x) -> float | None:
    return None if x is None or not np.isfinite(x) else float(x)


def seasonality(monthly: pl.DataFrame) -> Seasonality | None:
    """monthly: period ("YYYY-MM") and value (registrations) of one area and indicator.

    Months without a value are skipped; None with fewer than 24 months with a value.
    """
    require_columns(monthly, ["period", "value"], "monthly")
    refuse_duplicates(monthly, ["period"], "monthly")
    table = period_table(monthly["period"])
    if (table["granularity"] != MONTH).any():
        raise ValueError("seasonality needs monthly periods (YYYY-MM)")
    data = (
        monthly.select("period", pl.col("value").cast(pl.Float64))
        .join(table, on="period", how="left")
        .filter(pl.col("value").is_finite())
        .sort("order")
    )
    if data.height < MIN_MONTHS:
        return None
    y = data["value"].to_numpy()
    if np.any(y < 0) or np.any(y != np.floor(y)):
        raise ValueError("seasonality needs whole counts >= 0")
    periods = data["period"].to_list()
    days = data["days"].to_numpy().astype(float)
    year_values = data["year"].to_numpy()
    years, year = np.unique(year_values, return_inverse=True)
    month = np.array([int(p[5:7]) - 1 for p in periods])
    n = len(y)

    # expectation without seasonality: the year's level per day × days in the month
    with np.errstate(invalid="ignore", divide="ignore"):
        year_days = _sum_by(year, days, len(years))
        level = _sum_by(year, y, len(years)) / year_days
        expected = level[year] * days
        share = days / year_days[year]  # the month's part of its (observed) year

    fitted = _seasonal_fit(y, days, year, month, len(years))
    present = np.unique(month)
    df = n - len(present) - len(years) + 1
    used = fitted > 0
    pearson = float(np.sum((y[used] - fitted[used]) ** 2 / fitted[used]))
    dispersion = pearson / df if df > 0 else None
    scatter = max(1.0, dispersion or 1.0)  # less scatter than Poisson is chance, not precision

    observed_m = _sum_by(month, y, 12)
    expected_m = _sum_by(month, expected, 12)
    # given the year totals, a month's count varies binomially: var = E × (1 − share)
    variance_m = scatter * _sum_by(month, expected * (1 - share), 12)
    count_m = np.bincount(month, minlength=12)
    overall_mean = y.mean()
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (observed_m - expected_m) / np.sqrt(variance_m)
        index = observed_m / expected_m
        average = observed_m / count_m
        ratio_to_mean = average / overall_mean
    # exact: given the year totals, the month's count is binomial with its expected share;
    # where the series scatters more than Poisson, the quasi-Poisson p when that is larger
    year_m = _sum_by(month, _sum_by(year, y, len(years))[year], 12) / np.maximum(count_m, 1)
    total_m = year_m * count_m  # registrations in the years this calendar month is part of
    with np.errstate(invalid="ignore", divide="ignore"):
        share_m = np.clip(expected_m / total_m, 1e-12, 1 - 1e-12)
    exact_p = np.ones(12)
    can = (count_m > 0) & (total_m > 0)
    exact_p[can] = binom_two_sided_p(observed_m[can], np.round(total_m[can]), share_m[can])
    p = np.maximum(exact_p, 2 * stats.norm.sf(np.abs(z))) if scatter > 1 else exact_p
    enough = expected_m >= MIN_EXPECTED  # no claim from one or two registrations
    tested_m = (count_m > 0) & enough & np.isfinite(p)
    adjusted = _holm(p, tested_m)

    effects = []
    for m in range(12):
        tested = bool(tested_m[m])
        verdict = SIMILAR if tested else None
        if tested and adjusted[m] < ALPHA:
            verdict = HIGHER if observed_m[m] > expected_m[m] else LOWER
        effects.append(
            MonthEffect(
                month=m + 1,
                n_years=int(count_m[m]),
                average_count=_none(average[m]) if count_m[m] else None,
                ratio_to_mean=_none(ratio_to_mean[m]) if count_m[m] else None,
                seasonal_index=_none(index[m]) if count_m[m] else None,
                p_value=_none(p[m]) if tested else None,
                p_adjusted=_none(adjusted[m]) if tested else None,
                verdict=verdict,
            )
        )

    # A peak's own scatter is left out of the dispersion it is judged with, so one wild
    # month cannot hide itself. Its expectation still includes it: conservative.
    threshold = ALPHA / n
    residual = (y - fitted) ** 2 / np.where(fitted > 0, fitted, np.inf)
    peaks = []
    for i in np.flatnonzero((y > fitted) & (fitted > 0)):
        dispersion_i = max(1.0, (pearson - residual[i]) / (df - 1)) if df > 1 else 1.0
        tail = float(_upper_tail(y[i], fitted[i], dispersion_i))
        if tail < threshold:
            peaks.append(
                Peak(period=periods[i], count=float(y[i]), expected=float(fitted[i]), p_value=tail)
            )

    return Seasonality(
        first_period=periods[0],
        last_period=periods[-1],
        n_months=n,
        dispersion=dispersion,
        months=tuple(effects),
        higher_months=tuple(e.month for e in effects if e.verdict == HIGHER),
        lower_months=tuple(e.month for e in effects if e.verdict == LOWER),
        peaks=tuple(peaks),
        method=methods.SEASONALITY,
    )
