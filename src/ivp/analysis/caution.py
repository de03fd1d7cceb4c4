"""Small numbers: below this many registrations a rate jumps around by chance alone."""

import math

import polars as pl

SMALL_NUMBER_THRESHOLD = 20


def small_numbers(count: float | None) -> bool:
    """True when a count is known and below the threshold (the UI adds a caution)."""
    if count is None or (isinstance(count, float) and math.isnan(count)):
        return False
    return count < SMALL_NUMBER_THRESHOLD


def small_numbers_expr(column: str | pl.Expr) -> pl.Expr:
    expr = pl.col(column) if isinstance(column, str) else column
    return (expr < SMALL_NUMBER_THRESHOLD).fill_null(False)


def small_numbers_compared(*counts: float | None) -> bool:
    """True when any of the counts a change compares is small: the counts actually used, not
    the rate and not only the latest count."""
    return any(small_numbers(count) for count in counts)


# Municipalities where many people who are not inhabitants spend the day or the night: the
# Wadden islands (tourists outnumber residents many times over in summer) and the centres of
# the four big cities and Maastricht (shoppers, nightlife, commuters, students from abroad).
# What happens to and by visitors is registered there, but visitors are not in the population,
# so a rate per inhabitant overstates the risk to residents.
MANY_VISITORS = frozenset(
    {
        "GM0060",  # Ameland
        "GM0088",  # Schiermonnikoog
        "GM0093",  # Terschelling
        "GM0096",  # Vlieland
        "GM0448",  # Texel
        "GM0363",  # Amsterdam
        "GM0599",  # Rotterdam
        "GM0518",  # 's-Gravenhage
        "GM0344",  # Utrecht
        "GM0935",  # Maastricht
    }
)


def many_visitors(municipality_code: str) -> bool:
    return municipality_code.strip().upper() in MANY_VISITORS


# Police crime types where one case often makes many registrations: one fraudster with many
# victims, one online shop that never delivers, one hacked system (BVI codes of 47013NED).
ONE_CASE_MANY_TYPES = frozenset(
    {
        "3.7.4",  # cybercrime
        "3.9.1",  # horizontale fraude (oplichting, online aankoopfraude)
        "3.9.2",  # verticale fraude
        "3.9.3",  # fraude (overig)
    }
)
JUMP_RATIO = 1.5  # a count that grows by half or shrinks by a third between two periods
JUMP_COUNT = 100  # ... from or to fewer registrations than this


def one_case_many(classification: str, from_count: float | None, to_count: float | None) -> bool:
    """Whether one case may have made many of the registrations: a crime type known for it, or
    a large jump on a modest count. Below the small-numbers threshold chance alone moves a
    count that much, and the small-numbers caution says so."""
    if classification.strip() in ONE_CASE_MANY_TYPES:
        return True
    if from_count is None or to_count is None:
        return False
    low, high = sorted((from_count, to_count))
    if small_numbers(low) or low >= JUMP_COUNT:
        return False
    return high / low >= JUMP_RATIO
