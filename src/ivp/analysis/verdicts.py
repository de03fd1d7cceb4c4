"""Verdict words and the rule: only a difference that chance cannot explain (95%) gets a direction,
and what was not tested gets no verdict at all (None), never "stable".

The verdict needs both p < 0.05 and a 95% interval that excludes "no difference": the exact
p-value and the Clopper–Pearson interval can disagree right at the border, and a UI that
says "stijging" next to an interval containing 1 would contradict itself.
"""

import numpy as np

ALPHA = 0.05

RISE = "stijging"
FALL = "daling"
STABLE = "stabiel"

HIGHER = "hoger"
LOWER = "lager"
SIMILAR = "vergelijkbaar"


def _decide(p, low, high, null, up, down, neutral) -> str | None:
    if p is None or low is None or high is None or p != p:
        return None  # not tested: never "stable" (the method says why)
    if not p < ALPHA:
        return neutral
    if low > null:
        return up
    if high < null:
        return down
    return neutral


def change_verdict(
    p: float | None, low: float | None, high: float | None, null: float
) -> str | None:
    """stijging/daling/stabiel for a change; `null` is 1 for ratios, 0 for differences."""
    return _decide(p, low, high, null, RISE, FALL, STABLE)


def comparison_verdict(
    p: float | None, low: float | None, high: float | None, null: float
) -> str | None:
    """hoger/lager/vergelijkbaar for an area against a reference."""
    return _decide(p, low, high, null, HIGHER, LOWER, SIMILAR)


def verdict_array(p, low, high, null: float, words: tuple[str, str, str]) -> np.ndarray:
    """Vectorised `_decide`; NaN means "not tested", whose verdict is None. `words` = (up,
    down, neutral)."""
    up, down, neutral = words
    p, low, high = (np.asarray(x, dtype=float) for x in (p, low, high))
    significant = p < ALPHA  # NaN compares False
    out = np.full(p.shape, neutral, dtype=object)
    out[np.isnan(p) | np.isnan(low) | np.isnan(high)] = None
    out[significant & (low > null)] = up
    out[significant & (high < null)] = down
    return out


CHANGE_WORDS = (RISE, FALL, STABLE)
COMPARISON_WORDS = (HIGHER, LOWER, SIMILAR)
