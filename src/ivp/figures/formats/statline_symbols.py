"""StatLine's "CSV met statistische symbolen": names instead of codes, dimensions in header lines.

"Geregistreerde misdrijven en aangiften; soort misdrijf, gemeente 2026"   title
"Soort misdrijf: Totaal misdrijven"                                        fixed dimension
""
"Onderwerp";"Geregistreerde misdrijven";…                                  one line per
"Perioden";"2022";"2023"                                                   column dimension
"Regio's";"aantal";"aantal"                                                row dimension; units
"Aa en Hunze";"657";"664"                                                  data
"Bron: Politie"
"""

import re
from datetime import date

import polars as pl
from django.utils.translation import gettext as _

from ivp.common.upload_limits import capped, csv_lines, national

from .. import crime_types
from ..months import MONTH_NAMES
from .common import (
    FIRST_YEAR,
    LABEL,
    ParsedFigures,
    Problems,
    SourceSpec,
    check_duplicates,
    parse_numbers,
    refuse,
    without_margins,
)
from .geography import NOT_AN_AREA_NAMES, Geography
from .tables import other_table_for_title, table_for_title

REGION_LINE = "regio's"
TOPIC_LINE = "onderwerp"
PERIOD_LINE = "perioden"
CRIME_LINE = "soort misdrijf"
REGISTERED = "geregistreerde misdrijven"
PERIOD_TEXT = re.compile(
    r"^(?P<year>[0-9]{4})(?:\s+(?:(?P<month>[a-z]+)|(?P<quarter>[1-4])e kwartaal))?\*?$"
)


def looks_like(text: str) -> bool:
    return any(line.strip('"').casefold().startswith(REGION_LINE) for line in _first_lines(text))


def _first_lines(text: str, count: int = 12) -> list[str]:
    """The first `count` lines, without splitting the rest of a national file into lines."""
    end = -1
    for _line in range(count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text.splitlines()
    return text[:end].splitlines()


def period_from_text(text: str) -> str | None:
    """'2024' → '2024'; '2024 maart' → '2024-03'; '2024 1e kwartaal*' → '2024-Q1'."""
    match = PERIOD_TEXT.match(" ".join(text.strip().casefold().split()))
    if not match:
        return None
    year, month, quarter = match["year"], match["month"], match["quarter"]
    if month:
        return f"{year}-{MONTH_NAMES[month]:02d}" if month in MONTH_NAMES else None
    return f"{year}-Q{quarter}" if quarter else year


def read(
    file_name: str, text: str, geography: Geography, *, edition: str | None, synthetic=False
) -> ParsedFigures:
    # csv_lines refuses e.g. an unclosed quote that swallows the rest of the file
    lines = list(
        capped(
            file_name,
            csv_lines(file_name, text, delimiter=";"),
            national().max_rows,
            max_cells=national().max_cells,
        )
    )
    title = lines[0][0].strip() if lines and lines[0] else ""
    table = table_for_title(title)
    if table is None:
        other = other_table_for_title(title)
        message = (
            _("this file is table %(table)s, not a crime table.") % {"table": other}
            if other
            else _("title “%(title)s” is not a police or CBS crime table.") % {"title": title}
        )
        refuse(file_name, message, row=1)

    fixed, column_lines, region_index, header_rows = _header(file_name, lines)
    columns = _columns(file_name, lines, fixed, column_lines, region_index, header_rows)
    problems = Problems(file_name)
    records = {"row": [], "name": [], "indicator": [], "period": [], "value": [], LABEL: []}
    skipped_names: set[str] = set()
    for number, line in enumerate(lines[region_index + 1 :], start=region_index + 2):
        if not line or not line[0].strip():
            continue
        name = line[0].strip()
        if name.casefold().startswith("bron:"):
            break
        if name.casefold() in NOT_AN_AREA_NAMES:
            skipped_names.add(name)
            continue
        for position, (indicator, period, label) in columns.items():
            records["row"].append(number)
            records["name"].append(name)
            records["indicator"].append(indicator)
            records["period"].append(period)
            records["value"].append(line[position] if position < len(line) else "")
            records[LABEL].append(label)
    # A full schema: an export without region lines must not give null-typed columns.
    frame = pl.DataFrame(
        records,
        schema={
            "row": pl.Int64,
            "name": pl.String,
            "indicator": pl.String,
            "period": pl.String,
            "value": pl.String,
            LABEL: pl.String,
        },
    )
    frame = _resolve_names(frame, geography, problems)
    frame = parse_numbers(frame, "value", problems, counts=True)
    check_duplicates(frame, problems, _("region"))
    problems.raise_if_any()

    indicators = {spec.code: spec for spec in _indicator_specs(columns)}
    return ParsedFigures(
        file_name=file_name,
        format_name=_("StatLine CSV with statistical symbols (%(table)s)")
        % {"table": table.table_id},
        source=SourceSpec(
            publisher=table.publisher,
            table_id=table.table_id,
            title=table.title,
            edition=edition or _edition_from_title(title),
            url=table.url,
            synthetic=synthetic,
        ),
        indicators=list(indicators.values()),
        observations=without_margins(frame),
        skipped=[_("skipped: %(names)s.") % {"names": ", ".join(sorted(skipped_names))}]
        if skipped_names
        else [],
        rows_skipped=len(skipped_names),
    )


def _header(file_name: str, lines: list[list[str]]):
    fixed: dict[str, str] = {}
    column_lines: dict[str, list[str]] = {}
    rows: dict[str, int] = {}  # dimension → its line in the file (1-based), for messages
    for index, line in enumerate(lines[1:], start=1):
        first = line[0].strip() if line else ""
        key = first.casefold()
        if key == REGION_LINE:
            return fixed, column_lines, index, rows
        if len(line) == 1 and ":" in first:
            dimension, value = first.split(":", 1)
            fixed[dimension.strip().casefold()] = value.strip()
            rows[dimension.strip().casefold()] = index + 1
        elif len(line) > 1 and key:
            column_lines[key] = line
            rows[key] = index + 1
    refuse(file_name, _("no line starting with “Regio's”: regions must be the rows."))


def _columns(file_name, lines, fixed, column_lines, region_index, header_rows):
    """Data column position → (indicator code, period, label), for registered crimes only."""
    width = max(len(line) for line in lines[region_index : region_index + 2])
    if PERIOD_LINE not in column_lines:
        refuse(file_name, _("no line “Perioden”: periods must be the columns."), column="Perioden")
    columns = {}
    for position in range(1, width):
        topic = _cell(column_lines.get(TOPIC_LINE), position) or fixed.get(TOPIC_LINE, REGISTERED)
        if topic.casefold() != REGISTERED:
            continue
        period_text = _cell(column_lines[PERIOD_LINE], position)
        period = period_from_text(period_text)
        if period is None:
            refuse(
                file_name,
                _("“%(text)s” is not a period (e.g. 2024, 2024 maart, 2024 1e kwartaal).")
                % {"text": period_text},
                row=header_rows[PERIOD_LINE],
                column=str(position + 1),
            )
        if not FIRST_YEAR <= int(period[:4]) <= date.today().year:
            refuse(
                file_name,
                _("period “%(text)s” lies outside %(first)s–%(last)s.")
                % {"text": period_text, "first": FIRST_YEAR, "last": date.today().year},
                row=header_rows[PERIOD_LINE],
                column=str(position + 1),
            )
        crime = _cell(column_lines.get(CRIME_LINE), position) or fixed.get(CRIME_LINE, "")
        code = _crime_code(
            file_name,
            crime,
            row=header_rows.get(CRIME_LINE),
            column=str(position + 1) if CRIME_LINE in column_lines else None,
        )
        label = f"{crime} {period_text}".strip()
        columns[position] = (crime_types.crime_indicator_code(code), period, label)
    if not columns:
        refuse(file_name, _("no column with “Geregistreerde misdrijven”."), column="Onderwerp")
    return columns


def _crime_code(
    file_name: str, title: str, row: int | None = None, column: str | None = None
) -> str:
    if not title or title.casefold() == "totaal misdrijven":
        return crime_types.CRIME_TOTAL
    code = crime_types.clean_code(title)
    if code not in crime_types.known_crime_codes():
        refuse(
            file_name,
            _("unknown crime type “%(title)s”.") % {"title": title},
            row=row,
            column=column,
        )
    return code


def _indicator_specs(columns):
    for indicator, _period, _label in columns.values():
        code = indicator.removeprefix(crime_types.CRIME_PREFIX + "-")
        code = crime_types.CRIME_TOTAL if code == "totaal" else code.replace("-", ".")
        yield crime_types.crime_indicator(code)


def _resolve_names(frame: pl.DataFrame, geography: Geography, problems: Problems):
    names = frame["name"].unique().to_list()
    codes = {name: geography.code_for_name(name) for name in names}
    for row, name in (
        frame.filter(pl.col("name").is_in([n for n, c in codes.items() if not c]))
        .select("row", "name")
        .unique("name")
        .iter_rows()
    ):
        problems.add(
            row,
            _("region"),
            _("“%(name)s” is not a current municipality, province or police unit.")
            % {"name": name},
            kind="area",
        )
    lookup = pl.DataFrame(
        {"name": list(codes), "area_code": list(codes.values())},
        schema={"name": pl.String, "area_code": pl.String},
    )
    frame = frame.join(lookup, on="name", how="left")
    return frame.join(geography.frame(), on="area_code", how="left")


def _cell(line: list[str] | None, position: int) -> str:
    return line[position].strip() if line and position < len(line) else ""


def _edition_from_title(title: str) -> str | None:
    """StatLine appends the year of the table's edition to the title: '… gemeente 2026'."""
    match = re.search(r"([0-9]{4})\s*$", title)
    return match.group(1) if match else None
