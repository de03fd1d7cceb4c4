"""Two plain comma-separated layouts found beside the official exports.

- the tidy join of 47013NED totals per municipality and year
  (`gemeentecode,gemeentenaam,provincie,jaar,geregistreerde_misdrijven,…`);
- the national totals per crime type or overlast type (`incident_type_code,year,incident_count`),
  where the type is written as its title (`1.1.1 Diefstal/inbraak woning`, `Melding overlast jeugd`).
"""

import polars as pl
from django.utils.translation import gettext as _

from .. import crime_types
from .common import (
    NETHERLANDS,
    ParsedFigures,
    Problems,
    SourceSpec,
    check_duplicates,
    check_periods,
    parse_numbers,
    read_csv,
    refuse,
)
from .geography import Geography, canonical_code, keep_known_areas
from .tables import TABLES

TIDY_COLUMNS = ("gemeentecode", "jaar", "geregistreerde_misdrijven")
NATIONAL_COLUMNS = ("incident_type_code", "year", "incident_count")
# Both layouts are known from one data set each, whose edition they therefore state (see the
# PROVENANCE.md beside the project's copies in data/): the tidy join was made from the 2026
# edition of 47013NED, the national totals per type are NSCR's of April 2024.
TIDY_EDITION = "2026"
NATIONAL_EDITION = "2024-04"


def read_frame(file_name: str, raw: bytes) -> pl.DataFrame:
    frame = read_csv(file_name, raw, separator=",")
    return frame.with_columns((pl.int_range(pl.len(), dtype=pl.Int64) + 2).alias("row"))


def _require(file_name: str, frame: pl.DataFrame, columns: tuple[str, ...]) -> None:
    """The layout was recognised on a plain split of the first line; a stray quote there makes
    the CSV reader see other columns."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        refuse(
            file_name,
            _("required column is missing; found: %(found)s.")
            % {"found": ", ".join(c for c in frame.columns if c != "row")[:200]},
            row=1,
            column=missing[0],
        )


def read_tidy(
    file_name: str, frame: pl.DataFrame, geography: Geography, *, edition: str | None
) -> ParsedFigures:
    _require(file_name, frame, TIDY_COLUMNS)
    problems = Problems(file_name)
    frame = frame.with_columns(
        canonical_code(pl.col("gemeentecode")).alias("area_code"),
        _year_period("jaar"),
        pl.lit(crime_types.crime_indicator_code(crime_types.CRIME_TOTAL)).alias("indicator"),
    )
    frame, not_areas = keep_known_areas(frame, geography, problems, "gemeentecode")
    check_periods(frame, "jaar", problems)
    frame = parse_numbers(frame, "geregistreerde_misdrijven", problems, counts=True)
    check_duplicates(frame, problems, "gemeentecode")
    problems.raise_if_any()
    table = TABLES["47013NED"]
    return ParsedFigures(
        file_name=file_name,
        format_name=_("tidy CSV of 47013NED totals"),
        source=SourceSpec(
            table.publisher, table.table_id, table.title, edition or TIDY_EDITION, url=table.url
        ),
        indicators=[crime_types.crime_indicator(crime_types.CRIME_TOTAL)],
        observations=_observations(frame, "geregistreerde_misdrijven"),
        skipped=[
            _("%(count)s rows for Buitenland or “niet in te delen” skipped.") % {"count": not_areas}
        ]
        if not_areas
        else [],
        rows_skipped=not_areas,
    )


def read_national(
    file_name: str, frame: pl.DataFrame, geography: Geography, *, edition: str | None
) -> ParsedFigures:
    _require(file_name, frame, NATIONAL_COLUMNS)
    problems = Problems(file_name)
    titles = frame["incident_type_code"].unique().drop_nulls().to_list()
    specs = {title: _spec_for_title(title) for title in titles}
    for row, title in (
        frame.filter(
            pl.col("incident_type_code").is_in([t for t, s in specs.items() if not s])
            | pl.col("incident_type_code").is_null()
        )
        .unique("incident_type_code", keep="first")
        .select("row", "incident_type_code")
        .iter_rows()
    ):
        problems.add(
            row,
            "incident_type_code",
            _("“%(title)s” is not a known police crime type or overlast type.")
            % {"title": title or ""},
            kind="type",
        )
    lookup = pl.DataFrame(
        {
            "incident_type_code": list(specs),
            "indicator": [s.code if s else None for s in specs.values()],
        },
        schema={"incident_type_code": pl.String, "indicator": pl.String},
    )
    frame = frame.join(lookup, on="incident_type_code", how="left").with_columns(
        pl.lit(NETHERLANDS).alias("area_code"), _year_period("year")
    )
    check_periods(frame, "year", problems)
    frame = parse_numbers(frame, "incident_count", problems, counts=True)
    frame, _dropped = keep_known_areas(frame, geography, problems, "incident_type_code")
    check_duplicates(frame, problems, "incident_type_code")
    problems.raise_if_any()
    indicators = {s.code: s for s in specs.values() if s}
    nuisance = all(s.kind == "overlast" for s in indicators.values())
    return ParsedFigures(
        file_name=file_name,
        format_name=_("national totals per type"),
        source=SourceSpec(
            "Politie",
            "" if nuisance else "47018NED",
            "Overlastregistraties, landelijke totalen per soort"
            if nuisance
            else "Geregistreerde misdrijven, landelijke totalen per soort misdrijf",
            edition or NATIONAL_EDITION,
        ),
        indicators=list(indicators.values()),
        observations=_observations(frame, "incident_count"),
    )


def _spec_for_title(title: str):
    text = title.strip()
    if text.casefold() == "totaal misdrijven":
        return crime_types.crime_indicator(crime_types.CRIME_TOTAL)
    code = crime_types.clean_code(text)
    if code in crime_types.known_crime_codes():
        return crime_types.crime_indicator(code)
    if text.casefold() == "totaal registraties overlast":
        return crime_types.nuisance_indicator(crime_types.CRIME_TOTAL)
    nuisance = crime_types.nuisance_code_for_title(text)
    return crime_types.nuisance_indicator(nuisance) if nuisance else None


def _year_period(column: str) -> pl.Expr:
    text = pl.col(column).str.strip_chars()
    return pl.when(text.str.contains(r"^[0-9]{4}$")).then(text).otherwise(None).alias("period")


def _observations(frame: pl.DataFrame, value_column: str) -> pl.DataFrame:
    return frame.select(
        "indicator",
        "area_code",
        "municipality_code",
        "period",
        pl.col(value_column).alias("value"),
        pl.lit(None, dtype=pl.Float64).alias("margin"),
        "row",
    )
