"""Exact comparison of two Poisson counts.

Given n = a + b registrations, under "same rate" b ~ Binomial(n, π0) with
π0 = e_b / (e_a + e_b). The p-value is scipy's two-sided binomial test; the 95% interval
of the rate ratio comes from the Clopper–Pearson interval of π, transformed by
RR = π / (1 - π) · e_a / e_b. `exact_test` uses scipy.stats.binomtest itself;
`exact_tests` is the same test for whole arrays (for frames of hundreds of areas).
"""

from dataclasses import dataclass

import numpy as np
from scipy import special, stats

from ivp.analysis import methods

LEVEL = 0.95
_RERR = 1 + 1e-7  # binomtest's tolerance for "as likely as the observed count"


@dataclass(frozen=True)
class ExactResult:
    rate_ratio: float | None
    ci95: tuple[float, float] | None
    p_value: float | None
    method: str

    @property
    def tested(self) -> bool:
        return self.p_value is not None


def _as_float(values) -> np.ndarray:
    """Numbers as a float array; None becomes NaN ("missing")."""
    return np.atleast_1d(np.asarray(values, dtype=float))


def _untested_reasons(a, b, ea, eb) -> np.ndarray:
    """Why a row cannot be tested ("" when it can). Refuses negative or fractional counts."""
    for counts in (a, b):
        finite = counts[np.isfinite(counts)]
        wrong = finite[(finite < 0) | (finite != np.floor(finite))]
        if wrong.size:
            raise ValueError(f"counts must be whole numbers >= 0, got {wrong[:5].tolist()}")
    reasons = np.full(a.shape, "", dtype=object)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        share = eb / (ea + eb)
        bad_exposure = ~(np.isfinite(ea) & (ea > 0) & np.isfinite(eb) & (eb > 0))
        bad_exposure |= ~((share > 0) & (share < 1))
    zero = (a == 0) | (b == 0)
    reasons[zero] = methods.NO_TEST_ZERO
    reasons[bad_exposure] = methods.NO_TEST_EXPOSURE
    reasons[~np.isfinite(a) | ~np.isfinite(b)] = methods.NO_TEST_MISSING
    return reasons


def _point_ratio(a, b, ea, eb) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        ratio = (b / a) * (ea / eb)
    ratio[~np.isfinite(ratio) | ~(ea > 0) | ~(eb > 0)] = np.nan
    return ratio


def exact_test(a, b, exposure_a, exposure_b, method: str = methods.EXACT) -> ExactResult:
    """One comparison; b is the "new"/"area" side. The vectorised path on one row: the same
    numbers as scipy.stats.binomtest, without its root finding (a page tests hundreds)."""
    return exact_results([a], [b], [exposure_a], [exposure_b], method)[0]


def exact_results(a, b, exposure_a, exposure_b, method: str = methods.EXACT) -> list[ExactResult]:
    """`exact_test` for each row of the arrays, in one vectorised pass."""
    result = exact_tests(a, b, exposure_a, exposure_b, method)
    made = []
    for i in range(len(result["p_value"])):
        ratio, low, high, p = (
            float(result[k][i]) for k in ("rate_ratio", "ci_low", "ci_high", "p_value")
        )
        ratio_or_none = None if np.isnan(ratio) else ratio
        how = str(result["method"][i])
        made.append(
            ExactResult(ratio_or_none, None, None, how)
            if np.isnan(p)
            else ExactResult(ratio_or_none, (low, high), p, how)
        )
    return made


def _log_pmf(x, n, log_p, log_q):
    return (
        special.gammaln(n + 1)
        - special.gammaln(x + 1)
        - special.gammaln(n - x + 1)
        + x * log_p
        + (n - x) * log_q
    )


def _other_tail_edge(k, n, p, upper: bool) -> np.ndarray:
    """Where the opposite tail starts (upper) or ends (lower): the first x above the mean
    (or last x below it) that is no likelier than k. Binary search on the monotone side
    of the pmf, all rows at once, starting from a bracket a few standard deviations wide."""
    log_p, log_q = np.log(p), np.log1p(-p)
    log_threshold = _log_pmf(k, n, log_p, log_q) + np.log(_RERR)
    mean, spread = p * n, 5 * np.sqrt(n * p * (1 - p)) + 5

    def unlikely(x):
        return _log_pmf(x, n, log_p, log_q) <= log_threshold

    if upper:  # answer in [lo, hi]; hi = n + 1 means "no such x"
        lo = np.ceil(mean)
        guess = np.minimum(np.ceil(2 * mean - k + spread), n)
        hi = np.where(unlikely(guess), guess, n + 1)
    else:  # answer in [lo, hi]; lo = -1 means "no such x"
        hi = np.floor(mean)
        guess = np.maximum(np.floor(2 * mean - k - spread), 0)
        lo = np.where(unlikely(guess), guess, -1)
    active = lo < hi
    while active.any():
        index = np.flatnonzero(active)
        low, high = lo[index], hi[index]
        mid = (low + high) // 2 if upper else (low + high + 1) // 2
        below = _log_pmf(mid, n[index], log_p[index], log_q[index]) <= log_threshold[index]
        if upper:
            hi[index] = np.where(below, mid, high)
            lo[index] = np.where(below, low, mid + 1)
        else:
            lo[index] = np.where(below, mid, low)
            hi[index] = np.where(below, high, mid - 1)
        active[index] = lo[index] < hi[index]
    return lo


def binom_two_sided_p(k, n, p) -> np.ndarray:
    """scipy.stats.binomtest(k, n, p).pvalue for arrays (n >= 1, 0 < p < 1): the total
    probability of all outcomes no likelier than k."""
    k, n, p = (np.atleast_1d(np.asarray(x, dtype=float)) for x in (k, n, p))
    pvalue = np.ones(k.shape)
    below, above = k < p * n, k > p * n
    if below.any():
        kb, nb, pb = k[below], n[below], p[below]
        start = _other_tail_edge(kb, nb, pb, upper=True)
        pvalue[below] = stats.binom.cdf(kb, nb, pb) + stats.binom.sf(start - 1, nb, pb)
    if above.any():
        ka, na, pa = k[above], n[above], p[above]
        end = _other_tail_edge(ka, na, pa, upper=False)
        left = np.where(end >= 0, stats.binom.cdf(np.maximum(end, 0), na, pa), 0.0)
        pvalue[above] = left + stats.binom.sf(ka - 1, na, pa)
    return np.minimum(pvalue, 1.0)


def clopper_pearson(k, n, level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    k, n = np.asarray(k, dtype=float), np.asarray(n, dtype=float)
    tail = (1 - level) / 2
    low = np.where(k > 0, stats.beta.ppf(tail, np.maximum(k, 1), n - k + 1), 0.0)
    high = np.where(k < n, stats.beta.ppf(1 - tail, k + 1, np.maximum(n - k, 1)), 1.0)
    return low, high


def exact_tests(a, b, exposure_a, exposure_b, method: str = methods.EXACT) -> dict:
    """`exact_test` for arrays. Returns arrays rate_ratio, ci_low, ci_high, p_value (NaN when
    untested) and method (object array of the Dutch method strings)."""
    a, b, ea, eb = (_as_float(x) for x in (a, b, exposure_a, exposure_b))
    a, b, ea, eb = np.broadcast_arrays(a, b, ea, eb)
    reasons = _untested_reasons(a, b, ea, eb)
    tested = reasons == ""
    ratio = _point_ratio(a, b, ea, eb)
    low = np.full(a.shape, np.nan)
    high = np.full(a.shape, np.nan)
    pvalue = np.full(a.shape, np.nan)
    if tested.any():
        at, bt, eat, ebt = a[tested], b[tested], ea[tested], eb[tested]
        n = at + bt
        pvalue[tested] = binom_two_sided_p(bt, n, ebt / (eat + ebt))
        pi_low, pi_high = clopper_pearson(bt, n)
        scale = eat / ebt
        low[tested] = pi_low / (1 - pi_low) * scale
        high[tested] = pi_high / (1 - pi_high) * scale
    return {
        "rate_ratio": ratio,
        "ci_low": low,
        "ci_high": high,
        "p_value": pvalue,
        "method": np.where(tested, method, reasons).astype(object),
    }
