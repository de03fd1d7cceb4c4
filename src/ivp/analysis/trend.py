"""Trend over a whole series: quasi-Poisson regression of counts on time.

log E[count] = b0 + b1·t + log(exposure), t in years, so exp(b1) is the average rate ratio
per year whatever the granularity. Dispersion is the Pearson χ²/df, but never below 1: less
scatter than Poisson is chance with so few points, not extra precision. The standard error is
inflated by it and the t distribution (df = n - 2) is used throughout, as for
quasi-likelihood. Mann–Kendall on the rates is a distribution-free second opinion; with four
points it cannot reach 5% and is a description only.
"""

import warnings
from collections.abc import Sequence

import numpy as np
import polars as pl
from scipy import stats

from ivp.analysis import methods
from ivp.analysis.frames import refuse_duplicates, require_columns
from ivp.analysis.kendall import mann_kendall
from ivp.analysis.periods import YEAR, common_granularity, parse_period, period_table
from ivp.analysis.results import Trend
from ivp.analysis.verdicts import CHANGE_WORDS, change_verdict, verdict_array

MIN_POINTS = 4
LEVEL = 0.95


def _usable(value, exposure, with_exposure: bool) -> bool:
    if value is None or not np.isfinite(value):
        return False
    if not with_exposure:
        return True
    return exposure is not None and np.isfinite(exposure) and exposure > 0


def _inference(slope, se, dispersion, n):
    """Rate ratio, interval and p from a log-scale slope, quasi-likelihood style: the standard
    error inflated by the dispersion (never below 1) and the t distribution with n − 2 degrees
    of freedom throughout, so no verdict flips on one registration where the dispersion
    crosses 1."""
    df = n - 2
    se = se * np.sqrt(np.maximum(dispersion, 1.0))
    t = slope / se
    quantile = stats.t.ppf((1 + LEVEL) / 2, df)
    p = 2 * stats.t.sf(np.abs(t), df)
    return np.exp(slope), np.exp(slope - quantile * se), np.exp(slope + quantile * se), p


def _enough_counts(counts) -> bool:
    # with registrations at one time point only, the slope runs off to infinity
    return np.count_nonzero(np.asarray(counts) > 0) >= 2


def trend(
    periods: Sequence[str],
    counts: Sequence[float | None],
    exposures: Sequence[float | None] | None = None,
) -> Trend | None:
    """Trend over the points with a count (and, when exposures are given, a population).

    Exposures for quarters and months are multiplied by their days. None with fewer than
    four usable points.
    """
    from statsmodels.genmod import families
    from statsmodels.genmod.generalized_linear_model import GLM
    from statsmodels.tools.sm_exceptions import PerfectSeparationWarning

    if len(periods) != len(counts) or (exposures is not None and len(exposures) != len(counts)):
        raise ValueError("periods, counts and exposures differ in length")
    if len(set(periods)) != len(periods):
        raise ValueError("a period occurs twice in the series")
    for period in periods:
        parse_period(period)  # garbage is refused even where the count is missing
    exposure_list = list(exposures) if exposures is not None else [None] * len(periods)
    points = [
        (parse_period(p), float(c), None if e is None else float(e))
        for p, c, e in zip(periods, counts, exposure_list, strict=True)
        if _usable(
            None if c is None else float(c), None if e is None else float(e), exposures is not None
        )
    ]
    points.sort(key=lambda point: point[0].sort_key)
    if len(points) < MIN_POINTS:
        return None
    kind = common_granularity(p.text for p, _, _ in points)
    time = np.array([p.midpoint for p, _, _ in points])
    y = np.array([c for _, c, _ in points])
    if np.any(y < 0):
        raise ValueError("a count cannot be negative")
    days = np.array([1.0 if kind == YEAR else p.days for p, _, _ in points])
    population = np.array([1.0 if e is None else e for _, _, e in points])
    exposure = population * days
    method = methods.TREND if exposures is not None else methods.TREND_COUNTS
    tau, mk_p = stats.kendalltau(time, y / exposure)
    common = {
        "first_period": points[0][0].text,
        "last_period": points[-1][0].text,
        "n_points": len(points),
        "granularity": kind,
        "mann_kendall_tau": None if np.isnan(tau) else float(tau),
        "mann_kendall_p": None if np.isnan(mk_p) else float(mk_p),
    }
    if not _enough_counts(y):
        return Trend(**common, method=methods.NO_TEST_TOO_FEW)

    x = np.column_stack([np.ones_like(time), time - time.mean()])
    with warnings.catch_warnings():
        # a series that follows its population exactly is a fine answer, not a problem
        warnings.simplefilter("ignore", PerfectSeparationWarning)
        fit = GLM(y, x, family=families.Poisson(), offset=np.log(exposure)).fit(tol=1e-12)
    dispersion = float(np.sum(fit.resid_pearson**2) / (len(y) - 2))
    ratio, low, high, p = (
        float(v) for v in _inference(fit.params[1], fit.bse[1], dispersion, len(y))
    )
    return Trend(
        **common,
        rate_ratio_per_year=ratio,
        ci95=(low, high),
        percent_per_year=(ratio - 1) * 100,
        percent_ci95=((low - 1) * 100, (high - 1) * 100),
        p_value=p,
        verdict=change_verdict(p, low, high, null=1.0),
        dispersion=dispersion,
        method=method,
    )


def yearly_dispersion(periods, counts, exposures) -> float | None:
    """`trend(periods, counts, exposures).dispersion` of usable yearly points, by the
    vectorised fit without a model object (an area's own swing is needed for every series of
    a page); None when too few counts allow no fit."""
    y = np.asarray(counts, dtype=float)
    if len(y) < MIN_POINTS or not _enough_counts(y):
        return None
    time = np.array([parse_period(p).midpoint for p in periods])
    offset = np.log(np.asarray(exposures, dtype=float))
    mask = np.ones((1, len(y)), dtype=bool)
    _, _, pearson = _poisson_slopes(
        y[None, :], offset[None, :], (time - time.mean())[None, :], mask
    )
    return float(pearson[0] / (len(y) - 2))


def _poisson_slopes(y, offset, x, mask, iterations: int = 100):
    """Poisson GLM with intercept and slope for every row at once (Newton = IRLS)."""
    w = mask.astype(float)
    y, offset, x = (np.where(mask, a, 0.0) for a in (y, offset, x))
    b0 = np.log(np.sum(w * y, axis=1) / np.sum(w * np.exp(offset), axis=1))
    b1 = np.zeros(len(y))
    for _ in range(iterations):
        mu = w * np.exp(b0[:, None] + b1[:, None] * x + offset)
        u0, u1 = np.sum(y - mu, axis=1), np.sum(x * (y - mu), axis=1)
        i00, i01, i11 = np.sum(mu, axis=1), np.sum(mu * x, axis=1), np.sum(mu * x * x, axis=1)
        det = i00 * i11 - i01**2
        d0 = np.clip((i11 * u0 - i01 * u1) / det, -2, 2)
        d1 = np.clip((i00 * u1 - i01 * u0) / det, -2, 2)
        b0, b1 = b0 + d0, b1 + d1
        if np.max(np.abs(d0) + np.abs(d1)) < 1e-12:
            break
    mu = np.exp(b0[:, None] + b1[:, None] * x + offset)
    i00, i01, i11 = (np.sum(w * mu * x**k, axis=1) for k in (0, 1, 2))
    se = np.sqrt(i00 / (i00 * i11 - i01**2))
    pearson = np.sum(w * (y - mu) ** 2 / mu, axis=1)
    return b1, se, pearson


def trend_frame(frame: pl.DataFrame, by: Sequence[str] = ("area",)) -> pl.DataFrame:
    """`trend` for every group in `by` at once (same numbers, no per-group model fits).

    Input: by columns, period, value, optional inhabitants. Groups with fewer than four
    usable points are left out. Output: by columns, first_period, last_period, n_points,
    granularity, rate_ratio_per_year, ci_low, ci_high, percent_per_year, p_value, verdict,
    dispersion, method, mann_kendall_tau, mann_kendall_p. Unrounded.
    """
    by = list(by)
    require_columns(frame, [*by, "period", "value"], "frame")
    refuse_duplicates(frame, [*by, "period"], "frame")
    with_population = "inhabitants" in frame.columns
    table = period_table(frame["period"])
    days = pl.when(pl.col("granularity") == YEAR).then(1.0).otherwise(pl.col("days"))
    population = pl.col("inhabitants").cast(pl.Float64) if with_population else pl.lit(1.0)
    keys = by or [pl.lit(0).alias("_all")]
    data = (
        frame.join(table, on="period", how="left")
        .with_columns(value=pl.col("value").cast(pl.Float64), exposure=population * days)
        .filter(pl.col("value").is_finite() & (pl.col("exposure") > 0))
        .sort([*by, "order"])
        .with_columns(
            _n=pl.len().over(keys),
            _kinds=pl.col("granularity").n_unique().over(keys),
        )
        .filter(pl.col("_n") >= MIN_POINTS)
    )
    if data.height and data["_kinds"].max() > 1:
        raise ValueError("a series needs one granularity")
    if data.height and data["value"].min() < 0:
        raise ValueError("a count cannot be negative")
    data = data.with_columns(
        _group=pl.struct(keys).rank("dense") - 1 if by else pl.lit(0, pl.UInt32),
        _position=pl.int_range(pl.len()).over(keys),
    ).sort("_group", "_position")
    groups = data.group_by("_group", maintain_order=True).agg(
        *(pl.col(c).first() for c in by),
        first_period=pl.col("period").first(),
        last_period=pl.col("period").last(),
        n_points=pl.len(),
        granularity=pl.col("granularity").first(),
    )
    g, t = groups.height, int(data["_position"].max() + 1) if data.height else 0
    rows, cols = data["_group"].to_numpy(), data["_position"].to_numpy()

    def matrix(values):
        out = np.zeros((g, t))
        out[rows, cols] = values
        return out

    mask = np.zeros((g, t), dtype=bool)
    mask[rows, cols] = True
    y = matrix(data["value"].to_numpy())
    exposure = matrix(data["exposure"].to_numpy())
    time = matrix(data["midpoint"].to_numpy())
    n = mask.sum(axis=1)
    time = np.where(mask, time - np.sum(time, axis=1, keepdims=True) / np.maximum(n, 1)[:, None], 0)
    tau, mk_p = mann_kendall(np.where(mask, y / np.where(mask, exposure, 1.0), 0.0), mask)

    fit = np.sum(mask & (y > 0), axis=1) >= 2
    ratio = np.full(g, np.nan)
    low, high, p, dispersion = (np.full(g, np.nan) for _ in range(4))
    if fit.any():
        log_exposure = np.log(np.where(mask[fit], exposure[fit], 1.0))
        slope, se, pearson = _poisson_slopes(y[fit], log_exposure, time[fit], mask[fit])
        dispersion[fit] = pearson / (n[fit] - 2)
        ratio[fit], low[fit], high[fit], p[fit] = _inference(slope, se, dispersion[fit], n[fit])
    tested_method = methods.TREND if with_population else methods.TREND_COUNTS
    verdict = verdict_array(p, low, high, 1.0, CHANGE_WORDS)

    def column(name, values):
        return pl.Series(name, values, dtype=pl.Float64, nan_to_null=True)

    return groups.select(
        *by,
        "first_period",
        "last_period",
        pl.col("n_points").cast(pl.Int64),
        "granularity",
        column("rate_ratio_per_year", ratio),
        column("ci_low", low),
        column("ci_high", high),
        column("percent_per_year", (ratio - 1) * 100),
        column("p_value", p),
        pl.Series("verdict", verdict.tolist(), dtype=pl.String),
        column("dispersion", dispersion),
        pl.Series("method", np.where(fit, tested_method, methods.NO_TEST_TOO_FEW), dtype=pl.String),
        column("mann_kendall_tau", tau),
        column("mann_kendall_p", mk_p),
    )
