"""The objective criterion of the prioritisation: how much worse a theme's figures are, not how
many tests happen to be significant (which rewards a large municipality for a small change).

Per count indicator of the theme two effects on the log scale, each shrunk for small counts
(empirical Bayes: own estimate × true spread / (true spread + own noise)):
- the change over the period, shrunk toward no change by the normal swing τ² between
  municipalities against its Poisson noise 1/a + 1/b;
- the level against the median of comparable municipalities, shrunk toward that median by how
  far the peers' levels really differ against the noise of one year's count (1/a + τ²/2).
The theme's score is 50 + 50·tanh(mean effect / ln 1,25): 50 is "as before and as its peers",
a quarter worse scores about 88, a quarter better about 12. The score weighs how large a change
is, not how certain: a large municipality's +6% within a swing of ±7% is "stabiel" on the page
and scores about 63 here, as large as it is. Effects that cannot be estimated are left out; a
theme with figures but no estimable effect has no score ("too few figures"), which counts as the
neutral 50 in the total, never as 0 ("far better than before").
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ivp.figures import formatting
from ivp.figures.drafting import peer_position

SCALE = math.log(1.25)
NEUTRAL = 50.0  # as before and as its peers: what an unknown objective counts for in the total


@dataclass
class Effect:
    size: float  # shrunk log ratio; > 0 is worse
    text: str


def theme_score(effects: list[Effect]) -> float | None:
    if not effects:
        return None
    mean = sum(e.size for e in effects) / len(effects)
    return 50 + 50 * math.tanh(mean / SCALE)


def indicator_effects(item) -> list[Effect]:
    """The shrunk change and level of one indicator's picture (count figures only)."""
    found = [_change_effect(item), _level_effect(item)]
    return [e for e in found if e is not None]


def _shrunk(log_ratio: float, spread2: float, noise: float) -> float:
    return log_ratio * spread2 / (spread2 + noise) if spread2 + noise > 0 else 0.0


def _percent(log_ratio: float) -> str:
    change = (math.exp(log_ratio) - 1) * 100
    sign = "+" if round(change, 1) > 0 else "−" if round(change, 1) < 0 else ""
    return sign + formatting.percent(abs(change))


def _change_effect(item) -> Effect | None:
    change = item.overall_change
    if change is None or change.swing is None or not change.rate_ratio:
        return None
    if not change.from_value or not change.to_value:
        return None
    y = math.log(change.rate_ratio)
    size = _shrunk(y, change.swing**2, 1 / change.from_value + 1 / change.to_value)
    return Effect(
        size,
        _("%(name)s %(first)s→%(last)s: %(change)s per 1,000 inhabitants, counted as %(shrunk)s")
        % {
            "name": item.indicator.name,
            "first": change.from_period,
            "last": change.to_period,
            "change": _percent(y),
            "shrunk": _percent(size),
        },
    )


def _year_swing(item) -> float:
    """τ between the last year and the one before, as the level was compared with."""
    last = item.last_period
    before = str(int(last) - 1) if last.isdigit() else ""
    change = next((c for c in item.changes if (c.from_period, c.to_period) == (before, last)), None)
    return change.swing if change is not None and change.swing is not None else 0.0


def _level_effect(item) -> Effect | None:
    peers = next((b for b in item.benchmarks if b.position is not None), None)
    if peers is None or peers.spread is None or not peers.rate_ratio or not peers.value:
        return None
    y = math.log(peers.rate_ratio)
    size = _shrunk(y, peers.spread**2, 1 / peers.value + _year_swing(item) ** 2 / 2)
    return Effect(
        size,
        _("%(name)s %(period)s: %(position)s, %(ratio)s times their median, counted as %(shrunk)s")
        % {
            "name": item.indicator.name,
            "period": item.last_period,
            "ratio": formatting.decimal(peers.rate_ratio, 2),
            "position": peer_position(peers),
            "shrunk": _percent(size),
        },
    )
