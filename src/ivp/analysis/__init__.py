"""Veiligheidsbeeld: honest statistics over police/CBS figures, as pure functions.

Frames in (polars), frames and frozen dataclasses out; no Django, no database. Every
result dataclass has `to_dict()` giving rounded, JSON-safe plain Python.

Input shapes
------------
observations
    `area` (str: "GM1708", "WK170800", "NL01", "PV21"), `period` (str: "2024" year,
    "2024-Q1" quarter, "2024-03" month), `value` (Float64, may be null) and optionally
    `margin` (Float64, survey 95% half-width, null when unknown). Frame functions take
    extra grouping columns (e.g. `indicator`) through their `by` argument.
population
    `area` (str), `year` (Int32/Int64), `inhabitants` (Int64): CBS population on 1 January
    of the year (37230ned's 31 December of the year before). An observation uses the
    population of its period's calendar year.
municipalities (for peer groups)
    `area`, `inhabitants`, `density` (inhabitants per km²).

The rule
--------
A change is a "stijging" or "daling", and an area "hoger" or "lager" than a reference,
only when chance is ruled out at 95% (p < 0.05 and the 95% interval excludes "no
difference"); otherwise "stabiel"/"vergelijkbaar". The interval is always reported.
Counts are registrations, treated as Poisson counts (exact tests; quasi-Poisson when a
series scatters more). Counts below 20 are flagged `small_numbers`. Every result carries
a Dutch `method` saying which test was used, or why none was possible.
"""

from ivp.analysis.areas import compare_areas
from ivp.analysis.benchmark import benchmark, benchmark_frame, exclude_area
from ivp.analysis.caution import SMALL_NUMBER_THRESHOLD, small_numbers
from ivp.analysis.changes import Series, changes, changes_frame, count_change, survey_change
from ivp.analysis.peer_comparison import peer_benchmark
from ivp.analysis.peers import peer_group
from ivp.analysis.periods import (
    Period,
    granularity,
    parse_period,
    period_sort_key,
    period_table,
    period_year,
    sort_periods,
)
from ivp.analysis.rates import with_rates
from ivp.analysis.results import (
    Benchmark,
    Change,
    MonthEffect,
    Peak,
    Position,
    Seasonality,
    Trend,
)
from ivp.analysis.seasonality import seasonality
from ivp.analysis.swing import Swing, swing_between_areas, swings_by_pair
from ivp.analysis.trend import trend, trend_frame

__all__ = [
    "SMALL_NUMBER_THRESHOLD",
    "Benchmark",
    "Change",
    "MonthEffect",
    "Peak",
    "Period",
    "Position",
    "Seasonality",
    "Series",
    "Swing",
    "Trend",
    "benchmark",
    "benchmark_frame",
    "changes",
    "changes_frame",
    "compare_areas",
    "count_change",
    "exclude_area",
    "granularity",
    "parse_period",
    "peer_benchmark",
    "peer_group",
    "period_sort_key",
    "period_table",
    "period_year",
    "seasonality",
    "small_numbers",
    "sort_periods",
    "survey_change",
    "swing_between_areas",
    "swings_by_pair",
    "trend",
    "trend_frame",
    "with_rates",
]
