"""A municipality's own registrations and survey results, read through a column mapping.

Every municipality keeps its own lists (overlast per category per month, Meld Misdaad Anoniem
tips, brandincidenten, verkeersongevallen, survey scores per wave). The user says which
column holds the period, the value and optionally the category, the area and the margin;
everything else here is the same checking as for the official tables.
"""

import re
from dataclasses import asdict, dataclass
from datetime import date

import polars as pl
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ivp.common.tabular import read_table

from ..months import MONTH_NAMES
from .area_sums import with_area_sums
from .common import (
    LABEL,
    MAX_PROBLEMS_PER_KIND,
    NETHERLANDS,
    IndicatorSpec,
    ParsedFigures,
    Problems,
    SourceSpec,
    check_duplicates,
    parse_numbers,
    refuse,
)
from .geography import Geography

COUNT_KINDS = ("overlast", "incidenten", "eigen")
SURVEY_KINDS = ("enquetescore", "enquetepercentage")
UNITS = {"enquetescore": "rapportcijfer", "enquetepercentage": "procent"}
DATE = re.compile(
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2}([tT ].*)?|[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4})$"
)
PATTERNS = [
    (re.compile(r"^([0-9]{4})$"), lambda m: m[1]),
    (re.compile(r"^([0-9]{4})\s*(?:jj00)?$"), lambda m: m[1]),
    (re.compile(r"^([0-9]{4})[-/ ]?(?:mm|m)?([0-9]{1,2})$"), lambda m: _month(m[1], m[2])),
    (re.compile(r"^([0-9]{1,2})[-/ ]([0-9]{4})$"), lambda m: _month(m[2], m[1])),
    (re.compile(r"^([0-9]{4})[-/ ]?(?:kw|q)0?([1-4])$"), lambda m: f"{m[1]}-Q{m[2]}"),
    (re.compile(r"^(?:kw|q)([1-4])[-/ ]([0-9]{4})$"), lambda m: f"{m[2]}-Q{m[1]}"),
    (re.compile(r"^([a-z]+)\.?[-/ ]([0-9]{4})$"), lambda m: _month_name(m[2], m[1])),
    (re.compile(r"^([0-9]{4})[-/ ]([a-z]+)\.?$"), lambda m: _month_name(m[1], m[2])),
    (
        re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[t ].*)?$"),
        lambda m: _date(m[1], m[2], m[3]),
    ),
    (
        re.compile(r"^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$"),
        lambda m: _date(m[3], m[2], m[1]),
    ),
]


@dataclass(frozen=True)
class ColumnMapping:
    """Which column means what. `category` splits the file into indicators (one per value);
    without it the whole file is one indicator called `name`."""

    period: str
    value: str
    name: str
    kind: str = "eigen"
    category: str = ""
    area: str = ""
    margin: str = ""
    source: str = ""
    theme: str = ""  # code of a Kernbeleid Veiligheid theme, e.g. "jeugdoverlast"

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def is_survey(self) -> bool:
        return self.kind in SURVEY_KINDS


def _month(year: str, month: str) -> str | None:
    return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None


def _month_name(year: str, name: str) -> str | None:
    number = MONTH_NAMES.get(name)
    return f"{year}-{number:02d}" if number else None


def _date(year: str, month: str, day: str) -> str | None:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return None
    return f"{year}-{int(month):02d}"


def period_from_text(text: str) -> str | None:
    """'2024', '2024-03', 'maart 2024', 'mrt-2024', '03-2024', '2024M03', '2024 Q1',
    'kw1 2024', a date ('2024-03-15', '15-3-2024': its month). None when unreadable."""
    cleaned = " ".join(text.strip().casefold().split())
    for pattern, build in PATTERNS:
        match = pattern.match(cleaned)
        if match:
            return build(match)
    return None


def headers(file_name: str, raw: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the first rows, for the mapping step."""
    table = read_table(file_name, raw)
    return table.header, [row for row in table.rows if any(row)][:5]


def read_mapped(
    file_name: str,
    raw: bytes,
    geography: Geography,
    mapping: ColumnMapping,
    *,
    municipality_code: str,
    municipality_name: str,
    edition: str | None = None,
) -> ParsedFigures:
    table = read_table(file_name, raw)
    _check_mapping(file_name, table.header, mapping)
    if mapping.kind not in COUNT_KINDS + SURVEY_KINDS:
        refuse(file_name, _("unknown kind of figures “%(kind)s”.") % {"kind": mapping.kind})
    column = {name: table.header.index(name) for name in table.header if name}

    def cells(name: str) -> list[str]:
        return [row[column[name]] if name else "" for row in table.rows]

    frame = pl.DataFrame(
        {
            "row": list(range(table.first_row, table.first_row + len(table.rows))),
            "raw_period": cells(mapping.period),
            "raw_value": cells(mapping.value),
            "raw_category": cells(mapping.category) if mapping.category else [""] * len(table.rows),
            "raw_area": cells(mapping.area) if mapping.area else [""] * len(table.rows),
            "raw_margin": cells(mapping.margin) if mapping.margin else [""] * len(table.rows),
        },
        # a file with a header only gives empty lists: without a schema they are not text
        schema={
            "row": pl.Int64,
            **{c: pl.String for c in ("raw_period", "raw_value", "raw_category")},
            **{c: pl.String for c in ("raw_area", "raw_margin")},
        },
    ).filter(
        pl.any_horizontal(pl.col(c).str.strip_chars() != "" for c in ("raw_period", "raw_value"))
    )
    if frame.is_empty():
        refuse(file_name, _("the file holds no rows with figures."))
    problems = Problems(file_name)
    frame = _periods(frame, mapping, problems)
    frame = _areas(frame, mapping, geography, municipality_code, problems)
    frame = parse_numbers(
        frame.rename({"raw_value": "value"}).with_columns(pl.lit(mapping.value).alias(LABEL)),
        "value",
        problems,
        counts=not mapping.is_survey,
    ).drop(LABEL)
    frame = _margins(frame, mapping, problems)
    frame, indicators = _indicators(frame, mapping, municipality_code, problems)
    frame = _monthly_sums(frame, mapping)
    check_duplicates(frame, problems, mapping.period)
    problems.raise_if_any()
    observations = frame.select(
        "indicator", "area_code", "municipality_code", "period", "value", "margin", "row"
    )
    summed = []
    if not mapping.is_survey:  # scores and percentages do not add up
        observations, summed = with_area_sums(observations, geography)
    return ParsedFigures(
        file_name=file_name,
        format_name=_("own table with a column mapping"),
        source=SourceSpec(
            publisher=mapping.source or municipality_name,
            table_id="",
            title=f"{municipality_name}: {mapping.name}",
            edition=edition,
            licence="",
        ),
        indicators=indicators,
        observations=observations,
        skipped=summed,
    )


def _check_mapping(file_name: str, header: list[str], mapping: ColumnMapping) -> None:
    for role, name in (("period", mapping.period), ("value", mapping.value)):
        if not name:
            refuse(file_name, _("choose the column with the %(role)s.") % {"role": _(role)})
    for name in (mapping.period, mapping.value, mapping.category, mapping.area, mapping.margin):
        if name and name not in header:
            refuse(
                file_name,
                _("column “%(name)s” is not in the file; found: %(found)s.")
                % {"name": name, "found": ", ".join(h for h in header if h)},
                row=1,
                column=name,
            )
    if not mapping.name.strip():
        refuse(file_name, _("give the figures a name, e.g. “Meldingen overlast”."))


def _periods(frame: pl.DataFrame, mapping: ColumnMapping, problems: Problems) -> pl.DataFrame:
    texts = frame["raw_period"].to_list()
    periods = [period_from_text(text) for text in texts]
    this_year = date.today().year
    for row, text, period in zip(frame["row"], texts, periods, strict=True):
        if period is None:
            problems.add(
                row,
                mapping.period,
                _(
                    "“%(text)s” is not a period; write e.g. 2024, 2024-03, maart 2024, "
                    "2024 Q1 or a date."
                )
                % {"text": text},
                kind="period",
            )
        elif not 1995 <= int(period[:4]) <= this_year:
            problems.add(
                row,
                mapping.period,
                _("period “%(text)s” lies outside %(first)s–%(last)s.")
                % {"text": text, "first": 1995, "last": this_year},
                kind="period-range",
            )
    dated = [bool(DATE.match(" ".join(t.strip().split()))) for t in texts]
    return frame.with_columns(
        pl.Series("period", periods, dtype=pl.String), pl.Series("dated", dated, dtype=pl.Boolean)
    )


def _areas(frame, mapping, geography: Geography, municipality_code: str, problems) -> pl.DataFrame:
    """Without an area column everything is the municipality's; otherwise a CBS code or the
    name of one of its wijken or buurten (or, for surveys, any municipality, province or NL)."""
    if not mapping.area:
        return frame.with_columns(
            pl.lit(municipality_code).alias("area_code"),
            pl.lit(municipality_code).alias("municipality_code"),
        )
    named = _own_area_names(geography, municipality_code)
    texts = [text.strip() for text in frame["raw_area"]]
    level = _level_of_file(texts, named, geography)
    codes = []
    for row, cleaned in zip(frame["row"], texts, strict=True):
        code = cleaned.upper() if cleaned.upper() in geography.municipality_of else None
        candidates = [] if code else _at_level(named.get(cleaned.casefold(), []), level)
        if len(candidates) == 1:
            code = candidates[0]
        country = mapping.is_survey and geography.code_for_name(cleaned) == NETHERLANDS
        if len(candidates) > 1 or (candidates and country):
            problems.add(row, mapping.area, _ambiguous(cleaned, candidates, country), kind="area")
            codes.append(None)
            continue
        if code is None and mapping.is_survey:
            code = geography.code_for_name(cleaned) or (
                cleaned.upper() if cleaned.upper() in geography.other_codes else None
            )
        own = code and (
            geography.municipality_of.get(code) == municipality_code or mapping.is_survey
        )
        if not own:
            problems.add(
                row,
                mapping.area,
                _("“%(text)s” is not a wijk, buurt or code of this municipality.")
                % {"text": cleaned},
                kind="area",
            )
        codes.append(code if own else None)
    return frame.with_columns(
        pl.Series("area_code", codes, dtype=pl.String),
        pl.Series(
            "municipality_code",
            [geography.municipality_of.get(c) if c else None for c in codes],
            dtype=pl.String,
        ),
    )


def _own_area_names(geography: Geography, municipality_code: str) -> dict[str, list[str]]:
    """Name → codes of the municipality's wijken and buurten. A wijk of one buurt often shares
    its name with that buurt (Kalenberg, Nederland), so a name may have two codes."""
    named: dict[str, list[str]] = {}
    for code, name in sorted(geography.area_names.items()):
        if geography.municipality_of.get(code) == municipality_code:
            named.setdefault(name.casefold(), []).append(code)
    return named


def _level_of_file(texts: list[str], named: dict, geography: Geography) -> str | None:
    """'BU' or 'WK': the level of most of the file's areas that are certain (a code, or a name
    of one area only)."""
    levels = []
    for text in texts:
        if text.upper() in geography.municipality_of:
            levels.append(text.upper()[:2])
        elif len(named.get(text.casefold(), [])) == 1:
            levels.append(named[text.casefold()][0][:2])
    counts = {level: levels.count(level) for level in ("BU", "WK")}
    return max(counts, key=counts.get) if any(counts.values()) else None


def _at_level(codes: list[str], level: str | None) -> list[str]:
    """Of a name's codes, those at the file's level (when that leaves any)."""
    if level is None or len(codes) < 2:
        return codes
    return [code for code in codes if code.startswith(level)] or codes


def _ambiguous(text: str, codes: list[str], country: bool) -> str:
    options = ", ".join(codes + ([NETHERLANDS] if country else []))
    if country:
        return _(
            "“%(text)s” is the name of the country and of an area of this municipality; write "
            "the code instead (%(codes)s)."
        ) % {"text": text, "codes": options}
    return _(
        "“%(text)s” names more than one area of this municipality; write the code instead "
        "(%(codes)s)."
    ) % {"text": text, "codes": options}


def _margins(frame: pl.DataFrame, mapping: ColumnMapping, problems: Problems) -> pl.DataFrame:
    if not mapping.margin:
        return frame.with_columns(pl.lit(None, dtype=pl.Float64).alias("margin")).drop("raw_margin")
    given = frame.filter(pl.col("raw_margin").str.strip_chars() != "")
    parsed = parse_numbers(
        given.rename({"raw_margin": "margin"}).with_columns(pl.lit(mapping.margin).alias(LABEL)),
        "margin",
        problems,
        counts=False,
    )
    negative = parsed.filter(pl.col("margin") < 0)
    for row in negative["row"].head(MAX_PROBLEMS_PER_KIND):
        problems.add(row, mapping.margin, _("a margin cannot be negative."), kind="margin")
    return frame.drop("raw_margin").join(parsed.select("row", "margin"), on="row", how="left")


def _indicators(frame, mapping: ColumnMapping, municipality_code: str, problems: Problems):
    unit = UNITS.get(mapping.kind, "aantal")
    base = mapping.name.strip()
    names = (
        frame["raw_category"].str.strip_chars().to_list()
        if mapping.category
        else [""] * frame.height
    )
    for row, name in zip(frame["row"], names, strict=True):
        if mapping.category and not name:
            problems.add(row, mapping.category, _("the category is empty."), kind="category")
    specs, named = {}, {}
    first_row = {}
    for row, name in zip(frame["row"], names, strict=True):
        first_row.setdefault(name, row)
    for name in sorted({n for n in names if n or not mapping.category}):
        full = f"{base}: {name}" if name else base
        code = slugify(f"{municipality_code}-{full}")[:80] or municipality_code.lower()
        if code in named:  # 'Jeugd!' and 'jeugd' would become one indicator
            problems.add(
                first_row[name],
                mapping.category,
                _("categories “%(one)s” and “%(other)s” are too alike to tell apart; rename one.")
                % {"one": named[code], "other": name},
                kind="category-alike",
            )
            continue
        named[code] = name
        specs[name] = IndicatorSpec(
            code=code,
            name=full,
            kind=mapping.kind,
            unit=unit,
            theme_codes=(mapping.theme,) if mapping.theme else None,
        )
    lookup = pl.DataFrame(
        {"raw_category": list(specs), "indicator": [s.code for s in specs.values()]},
        schema={"raw_category": pl.String, "indicator": pl.String},
    )
    frame = frame.with_columns(pl.Series("raw_category", names, dtype=pl.String)).join(
        lookup, on="raw_category", how="left"
    )
    return frame, list(specs.values())


def _monthly_sums(frame: pl.DataFrame, mapping: ColumnMapping) -> pl.DataFrame:
    """A list with a date per row (one incident, one day) becomes one count per month.
    Without dates a repeated period stays a duplicate, which is refused; surveys never sum."""
    if mapping.is_survey or not frame["dated"].any() or frame["period"].is_null().any():
        return frame
    keys = ["indicator", "area_code", "municipality_code", "period"]
    return frame.group_by(keys, maintain_order=True).agg(
        pl.col("value").sum(), pl.col("margin").first(), pl.col("row").min()
    )
