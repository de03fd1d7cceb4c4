"""An area's rate against its comparable municipalities: position and the peers' median.

A pooled peer rate would be set by the largest peer; the median of the peers' own rates is
what "comparable municipalities" means to a reader, and the position ("higher than 7 of the
10") says the rest without a test. The median is taken as a fixed level: the test asks
whether the area's own count, with the normal swing of one year's level, is further from it
than chance and that swing explain.
"""

import math

import numpy as np
import polars as pl
from scipy import stats

from ivp.analysis import methods
from ivp.analysis.caution import small_numbers
from ivp.analysis.frames import require_columns
from ivp.analysis.results import Benchmark, Position
from ivp.analysis.swing import Z95, Swing
from ivp.analysis.verdicts import comparison_verdict


def peer_rates(peers: pl.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Counts and rates per 1,000 of the peers that have a count and inhabitants."""
    require_columns(peers, ["value", "inhabitants"], "peers")
    usable = peers.filter(pl.col("value").is_not_null() & (pl.col("inhabitants") > 0))
    counts = usable["value"].cast(pl.Float64).to_numpy()
    return counts, counts / usable["inhabitants"].cast(pl.Float64).to_numpy() * 1000


def true_spread(counts: np.ndarray, rates: np.ndarray) -> float | None:
    """How far the peers' levels really differ (sd of log rates, log scale): their observed
    spread less what their own Poisson counts add (method of moments, never below 0)."""
    usable = counts > 0
    if usable.sum() < 3:
        return None
    observed = np.var(np.log(rates[usable]), ddof=1)
    return math.sqrt(max(0.0, observed - np.mean(1 / counts[usable])))


def median_variance(rates: np.ndarray) -> float:
    """The sampling variance of the median of the peers' log rates (large-sample, normal)."""
    logs = np.log(rates[rates > 0])
    if len(logs) < 3:
        return 0.0
    return math.pi / 2 * float(np.var(logs, ddof=1)) / len(logs)


def position(own_rate: float, rates: np.ndarray) -> Position:
    return Position(
        higher_than=int((rates < own_rate).sum()),
        lower_than=int((rates > own_rate).sum()),
        of=len(rates),
    )


def peer_benchmark(
    area_count: float | None,
    area_exposure: float | None,
    peers: pl.DataFrame,
    label: str,
    *,
    swing: Swing | None = None,
) -> Benchmark:
    """The area against the median rate of `peers` (area, value, inhabitants; the area itself
    not among them). With the swing between years: z on ln(rate / median) with variance
    1/count + τ²/2 + the median's own variance (ten peers give a median that is itself only
    an estimate, π/2 · var(log rates) / n); without the swing, or with no registrations, the
    exact Poisson test of the count against the median's expected count (p and interval both
    from the central tails, so they never disagree about 5%; stricter, as its method says)."""
    counts, rates = peer_rates(peers)
    known = area_count is not None and area_exposure is not None and area_exposure > 0
    own_rate = area_count / area_exposure * 1000 if known else None
    if own_rate is None or len(rates) == 0:
        method = methods.NO_TEST_EXPOSURE if own_rate is None else methods.NO_TEST_REFERENCE
        return Benchmark(label=label, value=area_count, exposure=area_exposure,
                         rate_per_1000=own_rate, method=method)  # fmt: skip
    median = float(np.median(rates))
    expected = median * area_exposure / 1000
    if expected <= 0:
        ratio, ci, p, method = None, None, None, methods.NO_TEST_ZERO
    elif swing is not None and area_count > 0:
        ratio, ci, p = _with_swing(area_count, expected, swing.tau2 / 2 + median_variance(rates))
        method = methods.PEER_MEDIAN_SWING
    else:
        ratio, ci, p = _exact(area_count, expected)
        method = methods.PEER_MEDIAN_EXACT if swing is None else methods.PEER_MEDIAN_EXACT_ZERO
    return Benchmark(
        label=label,
        value=float(area_count),
        exposure=float(area_exposure),
        rate_per_1000=own_rate,
        reference_rate_per_1000=median,
        rate_ratio=ratio,
        ci95=ci,
        p_value=p,
        verdict=comparison_verdict(p, *(ci or (None, None)), null=1.0),
        method=method,
        small_numbers=small_numbers(area_count),
        position=position(own_rate, rates),
        spread=true_spread(counts, rates),
    )


def _with_swing(count: float, expected: float, tau2: float):
    y = math.log(count / expected)
    se = math.sqrt(1 / count + tau2)
    p = float(2 * stats.norm.sf(abs(y / se)))
    return math.exp(y), (math.exp(y - Z95 * se), math.exp(y + Z95 * se)), p


def _exact(count: float, expected: float):
    """Two-sided exact Poisson test (twice the smaller tail) with the Garwood interval."""
    lower_tail = stats.poisson.cdf(count, expected)
    upper_tail = stats.poisson.sf(count - 1, expected)
    p = float(min(1.0, 2 * min(lower_tail, upper_tail)))
    low = stats.chi2.ppf(0.025, 2 * count) / 2 if count > 0 else 0.0
    high = stats.chi2.ppf(0.975, 2 * count + 2) / 2
    return count / expected, (low / expected, high / expected), p
