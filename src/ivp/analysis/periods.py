"""Period strings: "2024" (jaar), "2024-Q1" (kwartaal), "2024-03" (maand)."""

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

YEAR = "jaar"
QUARTER = "kwartaal"
MONTH = "maand"

_PATTERN = re.compile(r"^(?P<year>[0-9]{4})(?:-Q(?P<quarter>[1-4])|-(?P<month>0[1-9]|1[0-2]))?$")


@dataclass(frozen=True)
class Period:
    """A calendar span; `sort_key` orders by start, then longer spans first."""

    year: int
    start_month: int  # 1..12
    months: int  # 12, 3 or 1

    @property
    def granularity(self) -> str:
        return {12: YEAR, 3: QUARTER, 1: MONTH}[self.months]

    @property
    def text(self) -> str:
        if self.months == 12:
            return f"{self.year:04d}"
        if self.months == 3:
            return f"{self.year:04d}-Q{(self.start_month - 1) // 3 + 1}"
        return f"{self.year:04d}-{self.start_month:02d}"

    @property
    def days(self) -> int:
        return sum(
            calendar.monthrange(self.year, month)[1]
            for month in range(self.start_month, self.start_month + self.months)
        )

    @property
    def midpoint(self) -> float:
        """Middle of the period in (fractional) years, used as a time axis."""
        return self.year + (self.start_month - 1 + self.months / 2) / 12

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.start_month, -self.months)


def parse_period(text: str) -> Period:
    if not isinstance(text, str):
        raise ValueError(f"period must be a string, not {text!r}")
    match = _PATTERN.match(text)
    if match is None:
        raise ValueError(f"not a period: {text!r} (expected 2024, 2024-Q1 or 2024-03)")
    year = int(match["year"])
    if match["quarter"]:
        return Period(year, (int(match["quarter"]) - 1) * 3 + 1, 3)
    if match["month"]:
        return Period(year, int(match["month"]), 1)
    return Period(year, 1, 12)


def period_year(text: str) -> int:
    return parse_period(text).year


def granularity(text: str) -> str:
    return parse_period(text).granularity


def period_sort_key(text: str) -> tuple[int, int, int]:
    return parse_period(text).sort_key


def sort_periods(texts: Iterable[str]) -> list[str]:
    return sorted(texts, key=period_sort_key)


def common_granularity(texts: Iterable[str]) -> str:
    """The single granularity of a series; mixing years with months is refused."""
    kinds = {granularity(text) for text in texts}
    if len(kinds) != 1:
        raise ValueError(f"a series needs one granularity, got {sorted(kinds) or 'none'}")
    return kinds.pop()


def period_table(periods: Iterable[str] | pl.Series) -> pl.DataFrame:
    """One row per distinct period with its parts, for joining onto large frames.

    Columns: period, year (Int32), granularity, days, midpoint (years), order (Int64,
    sorts like `period_sort_key`). Parsing is per distinct period, so this stays cheap.
    """
    distinct = pl.Series("period", list(periods), dtype=pl.String).unique()
    if distinct.null_count():
        raise ValueError("a period is missing (null)")
    parsed = [parse_period(text) for text in distinct.to_list()]
    return pl.DataFrame(
        {
            "period": distinct.to_list(),
            "year": [p.year for p in parsed],
            "granularity": [p.granularity for p in parsed],
            "days": [p.days for p in parsed],
            "midpoint": [p.midpoint for p in parsed],
            "order": [p.year * 10_000 + p.start_month * 100 + (12 - p.months) for p in parsed],
        },
        schema={
            "period": pl.String,
            "year": pl.Int32,
            "granularity": pl.String,
            "days": pl.Int64,
            "midpoint": pl.Float64,
            "order": pl.Int64,
        },
    )
