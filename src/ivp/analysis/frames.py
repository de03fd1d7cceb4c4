"""Small checks shared by the frame functions."""

from collections.abc import Iterable

import polars as pl


def require_columns(frame: pl.DataFrame, columns: Iterable[str], name: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {missing}; it has {frame.columns}")


def refuse_columns(frame: pl.DataFrame, columns: Iterable[str], name: str) -> None:
    present = [column for column in columns if column in frame.columns]
    if present:
        raise ValueError(f"{name} already has column(s) {present}")


def refuse_duplicates(frame: pl.DataFrame, keys: list[str], name: str) -> None:
    duplicated = frame.filter(frame.select(keys).is_duplicated())
    if duplicated.height:
        first = duplicated.select(keys).row(0, named=True)
        raise ValueError(f"{name} has more than one row for {first}")
