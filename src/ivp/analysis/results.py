"""Result dataclasses. Full precision inside; `to_dict()` rounds for JSON and display."""

import math
from dataclasses import dataclass, field, fields

import numpy as np


def _significant(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    return round(x, digits - 1 - math.floor(math.log10(abs(x))))


def _value(x: float) -> float | int:
    x = round(x, 2)
    return int(x) if x.is_integer() else x


_ROUNDERS = {
    "value": _value,
    "rate": lambda x: _significant(x, 3),
    "ratio": lambda x: round(x, 3),
    "percent": lambda x: round(x, 1),
    "p": lambda x: _significant(x, 3),
    "dispersion": lambda x: round(x, 2),
}


def _plain(x, kind: str | None):
    if x is None:
        return None
    if isinstance(x, Result):
        return x.to_dict()
    if isinstance(x, tuple | list):
        return [_plain(item, kind) for item in x]
    if isinstance(x, bool | np.bool_):
        return bool(x)
    if isinstance(x, int | np.integer):
        return int(x)
    if isinstance(x, float | np.floating):
        x = float(x)
        if not math.isfinite(x):
            return None
        return _ROUNDERS[kind](x) if kind else x
    return x


def _num(kind: str):
    return field(default=None, metadata={"round": kind})


class Result:
    def to_dict(self) -> dict:
        """JSON-safe plain Python: rounded floats, lists for tuples, None for missing/inf."""
        return {
            f.name: _plain(getattr(self, f.name), f.metadata.get("round")) for f in fields(self)
        }


@dataclass(frozen=True, kw_only=True)
class Change(Result):
    """A change between two periods.

    For kind "count": `rate_ratio` = rate(to)/rate(from), `ci95` its interval,
    `percent_change` = (rate_ratio - 1) * 100 (population-adjusted) with `percent_ci95`.
    For kind "survey": `ci95` is the interval of `difference`; no rate ratio.
    `difference` is always to_value - from_value in the unit of the values.
    """

    kind: str
    from_period: str
    to_period: str
    from_value: float | None = _num("value")
    to_value: float | None = _num("value")
    difference: float | None = _num("value")
    percent_change: float | None = _num("percent")
    rate_ratio: float | None = _num("ratio")
    ci95: tuple[float, float] | None = _num("ratio")
    ci95_of: str = ""
    percent_ci95: tuple[float, float] | None = _num("percent")
    p_value: float | None = _num("p")
    verdict: str | None = None  # None: not tested, the method says why
    method: str = ""
    small_numbers: bool = False
    swing: float | None = _num("ratio")  # τ: the normal swing between years, log scale
    swing_percent: float | None = _num("percent")  # the same as ±x% of the rate


@dataclass(frozen=True, kw_only=True)
class Trend(Result):
    """Average change per year over the whole series (time axis in years, any granularity)."""

    first_period: str
    last_period: str
    n_points: int
    granularity: str
    rate_ratio_per_year: float | None = _num("ratio")
    ci95: tuple[float, float] | None = _num("ratio")
    percent_per_year: float | None = _num("percent")
    percent_ci95: tuple[float, float] | None = _num("percent")
    p_value: float | None = _num("p")
    verdict: str | None = None  # None: not tested, the method says why
    dispersion: float | None = _num("dispersion")  # Pearson χ²/df; tests use max(1, this)
    method: str = ""
    mann_kendall_tau: float | None = _num("ratio")
    mann_kendall_p: float | None = _num("p")


@dataclass(frozen=True, kw_only=True)
class Position(Result):
    """Where an area's rate stands among its comparable municipalities."""

    higher_than: int  # peers with a lower rate
    lower_than: int  # peers with a higher rate
    of: int  # peers with a rate


@dataclass(frozen=True, kw_only=True)
class Benchmark(Result):
    """An area's rate against a reference that excludes the area itself.

    Against comparable municipalities the reference is the median of their rates (never a
    pooled rate, which the largest peer would set): `reference_value` and
    `reference_exposure` are then None, `position` says where the area stands and `spread`
    how far the peers' own levels differ beyond chance (sd of log rates)."""

    label: str
    value: float | None = _num("value")
    exposure: float | None = _num("value")
    rate_per_1000: float | None = _num("rate")
    reference_value: float | None = _num("value")
    reference_exposure: float | None = _num("value")
    reference_rate_per_1000: float | None = _num("rate")
    rate_ratio: float | None = _num("ratio")
    ci95: tuple[float, float] | None = _num("ratio")
    p_value: float | None = _num("p")
    verdict: str | None = None  # None: not tested, the method says why
    method: str = ""
    small_numbers: bool = False
    position: Position | None = None
    spread: float | None = _num("ratio")  # peers: how far their levels really differ, log sd


@dataclass(frozen=True, kw_only=True)
class MonthEffect(Result):
    month: int  # 1..12
    n_years: int  # how many of this calendar month the series holds
    average_count: float | None = _num("value")
    ratio_to_mean: float | None = _num("ratio")  # average / mean of all months, raw
    seasonal_index: float | None = _num("ratio")  # observed / expected (days, year level)
    p_value: float | None = _num("p")
    p_adjusted: float | None = _num("p")  # Holm over the months tested
    verdict: str | None = None  # None: not tested, the method says why


@dataclass(frozen=True, kw_only=True)
class Peak(Result):
    period: str
    count: float = _num("value")
    expected: float = _num("value")
    p_value: float = _num("p")


@dataclass(frozen=True, kw_only=True)
class Seasonality(Result):
    first_period: str
    last_period: str
    n_months: int
    dispersion: float | None = _num("dispersion")  # Pearson χ²/df; tests use max(1, this)
    months: tuple[MonthEffect, ...] = ()
    higher_months: tuple[int, ...] = ()
    lower_months: tuple[int, ...] = ()
    peaks: tuple[Peak, ...] = ()
    method: str = ""
