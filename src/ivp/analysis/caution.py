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
