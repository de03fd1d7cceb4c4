"""The typed (OData) CSV of the police and CBS crime tables: codes, not names.

`"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1";…` with keys padded by
CBS (`"1.1.1 "`, `"GM1680  "`) and periods `2024JJ00`, `2024KW01`, `2024MM01`. Tables
47013NED (gemeente), 47018NED/47022NED (wijk en buurt, year/month) and 83648NED (CBS).
Read column-wise with polars: a national file has millions of rows.
"""

import polars as pl
from django.utils.translation import gettext as _

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
    read_csv,
    refuse,
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
    frame = read_csv(file_name, raw, separator=";")
    header = frame.columns
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

    problems = Problems(file_name)
    frame = frame.select(
        (pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias("row"),
        pl.col(CRIME_COLUMN),
        canonical_code(pl.col(table.region_column)).alias("area_code"),
        pl.col(PERIOD_COLUMN),
        cbs_period_expression(PERIOD_COLUMN).alias("period"),
        pl.col(table.value_column),
    )
    if table.table_id == "47018NED" and frame["period"].str.len_chars().max() == 7:
        table = TABLES["47022NED"]

    # Empty cells are OData's "no figure published": skipped and counted, not invented as 0.
    empty = frame[table.value_column].is_null() | (
        frame[table.value_column].str.strip_chars() == ""
    )
    rows_without_value = int(empty.sum())
    frame = frame.filter(~empty)

    frame, not_areas = keep_known_areas(frame, geography, problems, table.region_column)
    frame, indicators = _crime_types(frame, table, problems)
    check_periods(frame, PERIOD_COLUMN, problems)
    frame = parse_numbers(frame, table.value_column, problems, counts=True)
    check_duplicates(frame, problems, CRIME_COLUMN)
    problems.raise_if_any()

    skipped = []
    if not_areas:
        skipped.append(
            _("%(count)s rows for Buitenland or “niet in te delen” skipped.") % {"count": not_areas}
        )
    if rows_without_value:
        skipped.append(
            _("%(count)s rows without a published figure skipped.") % {"count": rows_without_value}
        )
    observations, summed = with_area_sums(
        frame.select(
            "indicator",
            "area_code",
            "municipality_code",
            "period",
            pl.col(table.value_column).alias("value"),
            pl.lit(None, dtype=pl.Float64).alias("margin"),
            "row",
        ),
        geography,
    )
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


def _crime_types(frame: pl.DataFrame, table: Table, problems: Problems):
    """Attach an indicator code per row; police tables must use known BVI codes."""
    codes = frame.select(pl.col(CRIME_COLUMN).str.strip_chars().alias("code"))["code"].unique()
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
    mapping = pl.DataFrame(
        {"code": list(indicators), "indicator": [spec.code for spec in indicators.values()]},
        schema={"code": pl.String, "indicator": pl.String},
    )
    frame = frame.with_columns(pl.col(CRIME_COLUMN).str.strip_chars().alias("code")).join(
        mapping, on="code", how="left"
    )
    return frame.drop("code"), list(indicators.values())


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
