"""The typed (OData) CSV of the police and CBS crime tables: codes, not names.

`"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1";…` with keys padded by
CBS (`"1.1.1 "`, `"GM1680  "`) and periods `2024JJ00`, `2024KW01`, `2024MM01`. Tables
47013NED (gemeente), 47018NED/47022NED (wijk en buurt, year/month) and 83648NED (CBS).
Read column-wise with polars: a national file has millions of rows.
"""

from dataclasses import dataclass

import polars as pl
from django.utils.translation import gettext as _

from ivp.common.importing import ImportFileError
from ivp.common.upload_limits import national

from .. import crime_types
from .area_sums import with_area_sums
from .common import (
    IndicatorSpec,
    ParsedFigures,
    Problems,
    SourceSpec,
    cbs_period_expression,
    check_duplicates,
    check_periods,
    parse_numbers,
    per_distinct,
    read_csv,
    read_header,
    refuse,
    without_margins,
)
from .geography import Geography, canonical_code, keep_known_areas
from .tables import TABLES, Table

CRIME_COLUMN = "SoortMisdrijf"
PERIOD_COLUMN = "Perioden"


def looks_like(header: list[str]) -> bool:
    return CRIME_COLUMN in header and PERIOD_COLUMN in header


def detect_table(file_name: str, header: list[str], table_id: str | None) -> Table:
    if table_id:
        table = TABLES.get(table_id.upper())
        if table is None:
            refuse(file_name, _("unknown table “%(id)s”.") % {"id": table_id})
        return table
    if "TotaalGeregistreerdeMisdrijven_1" in header:
        return TABLES["83648NED"]
    if "WijkenEnBuurten" in header:
        return TABLES["47018NED"]  # 47022NED is told apart by its monthly periods, below
    if "RegioS" in header:
        return TABLES["47013NED"]  # a missing value column is named by the caller
    refuse(
        file_name,
        _(
            "the columns do not match a police or CBS crime table; expected SoortMisdrijf, "
            "RegioS or WijkenEnBuurten, Perioden and GeregistreerdeMisdrijven_1."
        ),
        row=1,
    )


def read(
    file_name: str,
    raw: bytes,
    geography: Geography,
    *,
    edition: str | None,
    table_id: str | None = None,
    synthetic: bool = False,
) -> ParsedFigures:
    header = read_header(file_name, raw, separator=";")
    if not looks_like(header):
        refuse(
            file_name, _("this is not a typed StatLine file (no SoortMisdrijf and Perioden)."), 1
        )
    table = detect_table(file_name, header, table_id)
    missing = [c for c in (table.region_column, table.value_column) if c not in header]
    if missing:
        refuse(
            file_name,
            _("required column is missing; found: %(found)s.") % {"found": ", ".join(header)},
            row=1,
            column=missing[0],
        )
    # only the columns used: a national file's others would take hundreds of MB
    used = [CRIME_COLUMN, table.region_column, PERIOD_COLUMN, table.value_column]
    checked = _read_in_blocks(file_name, raw, geography, table, used)
    if checked is None:  # a small file, or one whose blocks cannot tell its problems: whole
        problems = Problems(file_name)
        frame = read_csv(file_name, raw, separator=";", columns=used)
        checked = _checked(frame, 2, geography, table, problems)
        check_duplicates(checked.frame, problems, CRIME_COLUMN)
        problems.raise_if_any()
        checked.frame = without_margins(checked.frame)
    frame, not_areas, rows_without_value = checked.frame, checked.not_areas, checked.without_value
    indicators = list(checked.indicators.values())
    if table.table_id == "47018NED" and checked.longest_period == 7:
        table = TABLES["47022NED"]

    skipped = []
    if not_areas:
        skipped.append(
            _("%(count)s rows for Buitenland or “niet in te delen” skipped.") % {"count": not_areas}
        )
    if rows_without_value:
        skipped.append(
            _("%(count)s rows without a published figure skipped.") % {"count": rows_without_value}
        )
    observations, summed = with_area_sums(frame, geography)
    return ParsedFigures(
        file_name=file_name,
        format_name=_("typed StatLine CSV (%(table)s)") % {"table": table.table_id},
        source=SourceSpec(
            publisher=table.publisher,
            table_id=table.table_id,
            title=table.title,
            edition=edition,
            url=table.url,
            synthetic=synthetic,
        ),
        indicators=indicators,
        observations=observations,
        skipped=skipped + summed,
        rows_skipped=not_areas + rows_without_value,
    )


BLOCK_BYTES = 32 * 1024 * 1024  # a large file is read and checked this much at a time
DUPLICATE_KEYS = ["indicator", "area_code", "period"]


@dataclass
class Checked:
    frame: pl.DataFrame  # the observations' columns
    not_areas: int
    without_value: int
    indicators: dict[str, IndicatorSpec]
    longest_period: int | None


def _checked(frame, first_row: int, geography, table: Table, problems: Problems) -> Checked:
    """The rows of `frame` (the file's rows from `first_row` on) checked and converted."""
    frame = frame.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + first_row).alias("row"),
        pl.col(CRIME_COLUMN),
        per_distinct(
            frame, table.region_column, canonical_code(pl.col(table.region_column)), pl.String
        ).alias("area_code"),
        pl.col(PERIOD_COLUMN),
        per_distinct(frame, PERIOD_COLUMN, cbs_period_expression(PERIOD_COLUMN), pl.String).alias(
            "period"
        ),
        pl.col(table.value_column),
    )
    longest_period = frame["period"].str.len_chars().max()

    # Empty cells are OData's "no figure published": skipped and counted, not invented as 0.
    empty = frame[table.value_column].is_null() | (
        frame[table.value_column].str.strip_chars() == ""
    )
    without_value = int(empty.sum())
    if without_value:
        frame = frame.filter(~empty)

    frame, not_areas = keep_known_areas(frame, geography, problems, table.region_column)
    frame, indicators = _crime_types(frame, table, problems)
    check_periods(frame, PERIOD_COLUMN, problems)
    frame = parse_numbers(frame, table.value_column, problems, counts=True)
    return Checked(
        frame.select(
            "indicator",
            "area_code",
            "municipality_code",
            "period",
            pl.col(table.value_column).alias("value"),
            "row",
        ).rechunk(),
        not_areas,
        without_value,
        {spec.code: spec for spec in indicators},
        longest_period,
    )


def _read_in_blocks(file_name, raw: bytes, geography, table: Table, used) -> Checked | None:
    """A large file read and checked BLOCK_BYTES of lines at a time, so that only one block's
    text columns and intermediate frames are alive at once. None when the file is small; also
    None when the problems of its blocks cannot be told as one reading of the whole file tells
    them (the same rows, counts and messages): then the whole file is read again. A file with
    problems is refused here otherwise, its blocks' rows let go as soon as one has a problem."""
    if len(raw) <= BLOCK_BYTES:
        return None
    parts: list[Checked] = []
    refused: list[Problems] = []  # of the blocks with problems
    hashes: list[pl.Series] = []  # of each row's key, for duplicates across blocks
    first_row = 2  # the header is row 1
    for block in _blocks(raw):
        problems = Problems(file_name)
        try:
            frame = read_csv(file_name, block, separator=";", columns=used)
        except ImportFileError:
            return None
        if first_row - 2 + frame.height > national().max_rows:
            return None
        part = _checked(frame, first_row, geography, table, problems)
        hashes.append(part.frame.select(pl.struct(DUPLICATE_KEYS).hash()).to_series())
        first_row += frame.height
        del frame
        if problems.items:
            refused.append(problems)
            parts.clear()  # refused: only the problems of the other blocks are still needed
        elif not refused:
            parts.append(part)
        del part  # not alive beside the next block
    rows = sum(len(h) for h in hashes)
    repeats = pl.concat(hashes).n_unique() < rows  # a repeated key, or two keys' hashes alike
    if refused:
        del hashes
        merged = None if repeats else Problems.of_consecutive_blocks(file_name, refused)
        if merged is None:
            return None  # one reading of the whole file names the repeats too, or their order
        merged.raise_if_any()
    # each block's columns in one piece: then the blocks' columns line up and no later frame
    # operation joins up all the rows at once (a second copy of them)
    whole = without_margins(pl.concat([part.frame for part in parts], rechunk=False))
    if repeats:
        duplicates = Problems(file_name)
        check_duplicates(whole, duplicates, CRIME_COLUMN)
        if duplicates.items:
            return None
    lengths = [p.longest_period for p in parts if p.longest_period is not None]
    return Checked(
        whole,
        sum(part.not_areas for part in parts),
        sum(part.without_value for part in parts),
        {code: spec for part in parts for code, spec in part.indicators.items()},
        max(lengths) if lengths else None,
    )


def _blocks(raw: bytes):
    """The header line with each next BLOCK_BYTES of whole lines. Typed StatLine cells never
    hold a line break; a file whose quotes do is refused or read again whole by the caller."""
    start = raw.find(b"\n") + 1
    header = raw[:start]
    while start < len(raw):
        end = raw.find(b"\n", start + BLOCK_BYTES)
        end = len(raw) if end < 0 else end + 1
        yield b"".join((header, memoryview(raw)[start:end]))  # one copy of the block
        start = end


def _crime_types(frame: pl.DataFrame, table: Table, problems: Problems):
    """Attach an indicator code per row; police tables must use known BVI codes."""
    # in file order: indicators new to the database get ids in the order the file lists them
    codes = frame.select(pl.col(CRIME_COLUMN).str.strip_chars().alias("code"))["code"].unique(
        maintain_order=True
    )
    empty = frame.filter(pl.col(CRIME_COLUMN).str.strip_chars().fill_null("") == "")
    if empty.height:
        problems.add_from_frame(
            empty, CRIME_COLUMN, lambda raw: _("the crime type is empty."), kind="crime-type-empty"
        )
    codes = codes.drop_nulls()
    codes = codes.filter(codes != "")
    if table.publisher == "CBS":
        indicators = {code: cbs_crime_indicator(table, code) for code in codes.to_list()}
    else:
        known = crime_types.known_crime_codes()
        indicators = {
            code: crime_types.crime_indicator(code) for code in codes.to_list() if code in known
        }
        code = pl.col(CRIME_COLUMN).str.strip_chars()
        unknown = frame.filter(~code.is_in(list(known)) & (code != ""))
        if unknown.height:
            problems.add_from_frame(
                unknown,
                CRIME_COLUMN,
                lambda raw: (
                    _(
                        "“%(code)s” is not a police crime-type code (known: 0.0.0 and 1.1.1 to 3.9.3)."
                    )
                    % {"code": raw.strip()}
                ),
                kind="crime-type",
            )
    indicator = (
        pl.col(CRIME_COLUMN)
        .str.strip_chars()
        .replace_strict(
            pl.Series(list(indicators), dtype=pl.String),
            pl.Series([spec.code for spec in indicators.values()], dtype=pl.String),
            default=None,
            return_dtype=pl.String,
        )
    )
    return frame.with_columns(indicator.alias("indicator")), list(indicators.values())


def cbs_crime_indicator(table: Table, code: str) -> IndicatorSpec:
    name = (
        "Geregistreerde misdrijven (CBS), totaal"
        if code == "T001161"
        else f"Geregistreerde misdrijven (CBS), {code}"
    )
    return IndicatorSpec(
        code=f"cbs-{table.table_id[:5]}-{code.lower()}",
        name=name,
        kind="misdrijven",
        classification=code,
        description=_(
            "CBS rounds these counts to multiples of 5; they differ from the police tables."
        ),
    )
