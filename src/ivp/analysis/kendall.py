"""Mann–Kendall trend test for many short series at once (same numbers as scipy.stats.kendalltau
with time as x; time points are distinct, so only ties in the values need care)."""

import math
from functools import lru_cache

import numpy as np
from scipy import stats

_EXACT_MAX_N = 33  # scipy's 'auto' switch to the exact null distribution


@lru_cache(maxsize=4096)
def _exact_p(n: int, c: int) -> float:
    """Two-sided exact p for n points with c = min(discordant, concordant) pairs."""
    if n <= 2:
        return 1.0
    if c == 0:
        return 2.0 / math.factorial(n) if n < 171 else 0.0
    if c == 1:
        return 2.0 / math.factorial(n - 1) if n < 172 else 0.0
    if 4 * c == n * (n - 1):
        return 1.0
    counts = np.zeros(c + 1)
    counts[0:2] = 1.0
    for j in range(3, n + 1):  # permutations of j items by number of inversions (<= c)
        counts = np.cumsum(counts) if n < 171 else np.cumsum(counts) / j
        if j <= c:
            counts[j:] -= counts[: c + 1 - j]
    prob = 2.0 * counts.sum() / math.factorial(n) if n < 171 else counts.sum()
    return float(np.clip(prob, 0.0, 1.0))


def mann_kendall(values: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Kendall's tau-b and two-sided p for each row of `values` (G×T, ordered in time).

    `mask` marks the points that exist; rows may have different lengths. NaN where every
    value is equal (tau undefined).
    """
    valid_pair = mask[:, :, None] & mask[:, None, :]
    later = np.triu(np.ones(values.shape[1:] * 2, dtype=bool), k=1)[None]  # i < j
    pair = valid_pair & later
    diff = values[:, None, :] - values[:, :, None]  # v_j - v_i
    concordant = np.sum(pair & (diff > 0), axis=(1, 2))
    discordant = np.sum(pair & (diff < 0), axis=(1, 2))
    n = mask.sum(axis=1)
    total = n * (n - 1) // 2
    tied = total - concordant - discordant
    equal_to = np.sum(valid_pair & (diff == 0), axis=2)  # per point, itself included
    tie_term = np.sum(np.where(mask, (equal_to - 1) * (2 * equal_to + 5), 0), axis=1)

    s = (concordant - discordant).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        tau = np.clip(s / np.sqrt(total) / np.sqrt(total - tied), -1.0, 1.0)
        m = n * (n - 1.0)
        z = s / np.sqrt((m * (2 * n + 5) - tie_term) / 18)
    p = 2 * stats.norm.sf(np.abs(z))
    exact = (tied == 0) & ((n <= _EXACT_MAX_N) | (np.minimum(discordant, concordant) <= 1))
    for row in np.flatnonzero(exact):
        p[row] = _exact_p(int(n[row]), int(min(discordant[row], concordant[row])))
    undefined = (tied == total) | (n < 2)
    tau[undefined] = np.nan
    p[undefined] = np.nan
    return tau, p
