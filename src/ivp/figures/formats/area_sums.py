"""Totals a file leaves out: its buurten summed to their wijken, its wijken to the municipality.

The police publish 47018NED per buurt, and a municipality's own list may name only buurten or
wijken. For a wijk or municipality the file has no row for, the sum of its areas in the file
stands in. Those rows are marked `summed`: the import stores them under a source of their own
and never lets them replace a published figure (see services).
"""

import polars as pl
from django.utils.translation import gettext as _

from .geography import Geography

SUMMED = "summed"
SUMMED_TITLE_SUFFIX = " (opgeteld uit de buurten en wijken in het bestand)"
TITLE_LENGTH = 250  # Source.title
KEYS = ["indicator", "municipality_code", "period"]


def summed_title(title: str) -> str:
    """The title of the source the sums are stored under: the file's own, marked."""
    return title[: TITLE_LENGTH - len(SUMMED_TITLE_SUFFIX)] + SUMMED_TITLE_SUFFIX


def is_summed_title(title: str) -> bool:
    return title.endswith(SUMMED_TITLE_SUFFIX)


def wijk_of(buurt_code: pl.Expr) -> pl.Expr:
    """BU17080001 lies in WK170800: CBS codes a buurt as its wijk's code plus two digits."""
    return pl.lit("WK") + buurt_code.str.slice(2, 6)


def with_area_sums(frame: pl.DataFrame, geography: Geography) -> tuple[pl.DataFrame, list[str]]:
    """`frame` (observations with municipality_code) with a `summed` column, plus a row for
    every wijk and municipality that has areas in the file but no row of its own; and the
    notes that say so in the import report."""
    frame = frame.with_columns(pl.lit(False).alias(SUMMED))
    parts = pl.col("area_code").str.starts_with("BU") | pl.col("area_code").str.starts_with("WK")
    if not frame.select(parts.any()).item():
        return frame, []  # a file of municipalities (a national one): no filtered copies of it
    in_municipality = pl.col("municipality_code").is_not_null()
    buurten = frame.filter(in_municipality & pl.col("area_code").str.starts_with("BU"))
    buurten = buurten.with_columns(wijk_of(pl.col("area_code")).alias("wijk_code"))
    known = pl.col("wijk_code").is_in(list(_wijk_codes(geography))).fill_null(False)
    wijk_sums = _missing_totals(
        buurten.filter(known).with_columns(pl.col("wijk_code").alias("total_code")), frame
    )
    wijken = pl.concat(
        [
            frame.filter(in_municipality & pl.col("area_code").str.starts_with("WK")).select(
                *KEYS, "value"
            ),
            wijk_sums.select(*KEYS, "value"),
            buurten.filter(~known).select(*KEYS, "value"),  # a buurt of no known wijk
        ]
    )
    municipality_sums = _missing_totals(
        wijken.with_columns(pl.col("municipality_code").alias("total_code")), frame
    )
    added = pl.concat([wijk_sums, municipality_sums])
    if added.is_empty():
        return frame, []
    rows = added.select(
        "indicator",
        pl.col("total_code").alias("area_code"),
        "municipality_code",
        "period",
        "value",
        pl.lit(None, dtype=pl.Float64).alias("margin"),
        pl.lit(None, dtype=pl.Int64).alias("row"),
        pl.lit(True).alias(SUMMED),
    )
    return pl.concat([frame, rows], how="diagonal_relaxed"), _notes(
        wijk_sums, municipality_sums, buurten, geography
    )


def _wijk_codes(geography: Geography) -> set[str]:
    return {code for code in geography.municipality_of if code.startswith("WK")}


def _missing_totals(parts: pl.DataFrame, frame: pl.DataFrame) -> pl.DataFrame:
    """The sum of `parts` per total_code, indicator and period, where `frame` has no row of
    that total itself."""
    if parts.is_empty():
        return pl.DataFrame(
            schema={**{k: pl.String for k in (*KEYS, "total_code")}, "value": pl.Float64}
        )
    sums = parts.group_by(*KEYS, "total_code").agg(pl.col("value").sum())
    present = frame.select("indicator", pl.col("area_code").alias("total_code"), "period").unique()
    return sums.join(present, on=["indicator", "total_code", "period"], how="anti").sort(
        *KEYS, "total_code"
    )


def _notes(wijk_sums, municipality_sums, buurten, geography: Geography) -> list[str]:
    notes = []
    if wijk_sums.height:
        notes.append(
            _(
                "The file has no row for %(count)s wijken: their figures are the sums of their "
                "buurten in the file, stored as such."
            )
            % {"count": wijk_sums["total_code"].n_unique()}
        )
    codes = municipality_sums["total_code"].unique().sort().to_list()
    known = _buurten_per_municipality(geography, set(codes))
    for code in codes:
        in_file = buurten.filter(pl.col("municipality_code") == code)["area_code"].n_unique()
        notes.append(_municipality_note(code, in_file, known.get(code, 0)))
    return notes


def _buurten_per_municipality(geography: Geography, codes: set[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for area, owner in geography.municipality_of.items():
        if owner in codes and area.startswith("BU"):
            counts[owner] = counts.get(owner, 0) + 1
    return counts


def _municipality_note(code: str, in_file: int, known: int) -> str:
    note = _(
        "The file has no total for %(code)s: its figures are the sums of its wijken and buurten "
        "in the file, stored as such; a published total is never replaced by them."
    ) % {"code": code}
    if in_file and in_file < known:
        note += " " + _(
            "The file names %(found)s of its %(known)s buurten; a buurt not named counts as none."
        ) % {"found": in_file, "known": known}
    return note
