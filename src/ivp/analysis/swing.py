"""The normal swing of registered counts between years, and changes judged against it.

Police registrations are no independent Poisson events: one case can add hundreds, capacity
and reporting shift from year to year. Between municipalities the year-to-year changes
scatter several times more than a Poisson count allows. That extra scatter is estimated as
an additive random effect τ² on the log rate ratio, per indicator and pair of periods, from
all areas that have both counts: DerSimonian–Laird on z-scores winsorised at 10% in each
tail (Spiegelhalter, Stat Med 2005;24:1185; QSHC 2005;14:347), their mean square scaled to
be consistent for normal scatter. A change is then
y = ln((b/e_b)/(a/e_a)) with variance 1/a + 1/b + τ²: z = y / √(1/a + 1/b + τ²), its p-value
and its 95% interval come from the same normal approximation, so they never disagree.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy import stats

MIN_AREAS = 30  # fewer areas sharing an indicator give no estimate of the swing
WINSOR = 0.10  # share of z-scores pulled in at each tail before the swing is estimated
Z95 = stats.norm.ppf(0.975)


def _winsorised_square(share: float) -> float:
    """E[z²] of a standard normal z pulled in to its `share` and 1 − `share` quantiles
    (0.68 at 10%): the winsorised mean square is divided by it, so that for normal scatter it
    estimates the dispersion itself. Without it τ comes out a quarter too small and a change
    of nothing gets a verdict one time in seven (measured in tests/analysis/test_swing.py)."""
    c = stats.norm.ppf(1 - share)
    inside = (1 - 2 * share) - 2 * c * stats.norm.pdf(c)
    return float(inside + 2 * share * c**2)


WINSORISED_SQUARE = _winsorised_square(WINSOR)


@dataclass(frozen=True)
class Swing:
    """τ² on the log rate ratio, estimated from `areas` areas."""

    tau2: float
    areas: int

    @property
    def tau(self) -> float:
        return math.sqrt(self.tau2)

    @property
    def percent(self) -> float:
        """The swing as a percentage of the rate: "gewone schommeling: ±x%"."""
        return (math.exp(self.tau) - 1) * 100


def log_ratios(a, b, exposure_a, exposure_b) -> tuple[np.ndarray, np.ndarray]:
    """y = ln of the rate ratio (b over a) and its Poisson variance 1/a + 1/b; NaN where a
    count is zero or missing or an exposure is unknown."""
    a, b, ea, eb = (
        np.atleast_1d(np.asarray(x, dtype=float)) for x in (a, b, exposure_a, exposure_b)
    )
    usable = (a > 0) & (b > 0) & (ea > 0) & (eb > 0)
    usable &= np.isfinite(a) & np.isfinite(b) & np.isfinite(ea) & np.isfinite(eb)
    with np.errstate(invalid="ignore", divide="ignore"):
        y = np.where(usable, np.log((b / eb) / (a / ea)), np.nan)
        variance = np.where(usable, 1 / a + 1 / b, np.nan)
    return y, variance


def swing_between_areas(a, b, exposure_a, exposure_b) -> Swing | None:
    """τ² from the areas' changes (one row per area); None when fewer than 30 can be used."""
    y, variance = log_ratios(a, b, exposure_a, exposure_b)
    usable = np.isfinite(y)
    y, variance = y[usable], variance[usable]
    n = len(y)
    if n < MIN_AREAS:
        return None
    weights = 1 / variance
    target = np.sum(weights * y) / np.sum(weights)  # the change all areas share
    z = (y - target) / np.sqrt(variance)
    low, high = np.quantile(z, [WINSOR, 1 - WINSOR])
    scatter = np.sum(np.clip(z, low, high) ** 2) / WINSORISED_SQUARE  # n times φ
    denominator = np.sum(weights) - np.sum(weights**2) / np.sum(weights)
    tau2 = max(0.0, (scatter - (n - 1)) / denominator) if denominator > 0 else 0.0
    return Swing(float(tau2), n)


def swing_tests(a, b, exposure_a, exposure_b, tau2) -> dict[str, np.ndarray]:
    """The change of each row judged against its swing τ² (NaN: no swing, not tested here):
    rate ratio, its 95% interval and the two-sided p-value of z."""
    y, variance = log_ratios(a, b, exposure_a, exposure_b)
    tau2 = np.broadcast_to(np.asarray(tau2, dtype=float), y.shape)
    with np.errstate(invalid="ignore"):
        se = np.sqrt(variance + tau2)
        z = y / se
    return {
        "rate_ratio": np.exp(y),
        "ci_low": np.exp(y - Z95 * se),
        "ci_high": np.exp(y + Z95 * se),
        "p_value": 2 * stats.norm.sf(np.abs(z)),
    }


def own_swing_tests(a, b, exposure_a, exposure_b, dispersion: float, df: int) -> dict:
    """A change judged against the area's own swing over its years: the Poisson variance
    times the dispersion of its yearly series (quasi-Poisson, never below 1), with the t
    distribution of the series' degrees of freedom."""
    y, variance = log_ratios(a, b, exposure_a, exposure_b)
    se = np.sqrt(variance * max(dispersion, 1.0))
    quantile = stats.t.ppf(0.975, df)
    with np.errstate(invalid="ignore"):
        p = 2 * stats.t.sf(np.abs(y / se), df)
    return {
        "rate_ratio": np.exp(y),
        "ci_low": np.exp(y - quantile * se),
        "ci_high": np.exp(y + quantile * se),
        "p_value": p,
    }


def swings_by_pair(
    frame: pl.DataFrame, by: Sequence[str] = ("indicator_id",)
) -> dict[tuple, dict[tuple[str, str], Swing]]:
    """The swing of every pair of periods (earlier, later) per group of `by`, from yearly
    counts of many areas. `frame`: by columns, area, period, value, inhabitants. A pair shared
    by fewer than 30 areas has no swing."""
    by = list(by)
    found: dict[tuple, dict[tuple[str, str], Swing]] = {}
    usable = frame.drop_nulls(["value", "inhabitants"])
    for key, group in usable.partition_by(by, as_dict=True).items() if by else [((), usable)]:
        periods = sorted(group["period"].unique().to_list())
        pairs = found.setdefault(key, {})
        for i, earlier in enumerate(periods):
            before = group.filter(pl.col("period") == earlier).select(
                "area", "value", "inhabitants"
            )
            for later in periods[i + 1 :]:
                after = group.filter(pl.col("period") == later).select(
                    "area", "value", "inhabitants"
                )
                both = before.join(after, on="area", suffix="_to")
                swing = swing_between_areas(
                    both["value"].to_numpy(), both["value_to"].to_numpy(),
                    both["inhabitants"].to_numpy(), both["inhabitants_to"].to_numpy(),
                )  # fmt: skip
                if swing is not None:
                    pairs[(earlier, later)] = swing
    return found
