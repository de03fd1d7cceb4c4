"""Old Veiligheidsmonitor results per province (CBS, 2015–2017), with their 95% margins.

    Onderwerp,Perioden,Waarde_Groningen (PV)_2015,…,Marges_Groningen (PV)_2015,…
    |||Voelt zich wel eens onveilig,%,"32,9",…

The first column is the question with StatLine's hierarchy marks (`|`), the second its unit
(in a column wrongly headed "Perioden"); values use a decimal comma.
"""

import re

import polars as pl
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ivp.common.upload_limits import capped, csv_lines, national

from .common import (
    LABEL,
    IndicatorSpec,
    ParsedFigures,
    Problems,
    SourceSpec,
    check_duplicates,
    parse_numbers,
    refuse,
)
from .geography import Geography

COLUMN = re.compile(r"^(Waarde|Marges)_(.+ \(PV\))_([0-9]{4})$")
# The layout is known from one export only, the results of 2015–2017 as published in 2018
# (data/veiligheidsmonitor-oud/PROVENANCE.md), so it states that edition.
EDITION = "2018"


# explicit: a file without a single figure must still give text columns
RECORD_SCHEMA = {
    "row": pl.Int64,
    "indicator": pl.String,
    "area_code": pl.String,
    "period": pl.String,
    "value": pl.String,
    "margin": pl.String,
    LABEL: pl.String,
}


def looks_like(header: list[str]) -> bool:
    return len(header) > 2 and header[0] == "Onderwerp" and any(COLUMN.match(h) for h in header)


def read(file_name: str, text: str, geography: Geography, *, edition: str | None) -> ParsedFigures:
    lines = list(
        capped(
            file_name,
            csv_lines(file_name, text),
            national().max_rows,
            max_cells=national().max_cells,
        )
    )
    header = lines[0]
    problems = Problems(file_name)
    columns = {}
    for position, name in enumerate(header[2:], start=2):
        match = COLUMN.match(name.strip())
        if not match:
            continue
        code = geography.code_for_name(match[2])
        if code is None:
            problems.add(1, name, _("“%(name)s” is not a province.") % {"name": match[2]})
            continue
        columns[position] = (match[1], code, match[3], name)

    records = {
        "row": [],
        "indicator": [],
        "area_code": [],
        "period": [],
        "value": [],
        "margin": [],
        LABEL: [],
    }
    specs = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line or not line[0].strip("| "):
            continue
        question, unit = line[0].strip("| ").strip(), (line[1].strip() if len(line) > 1 else "")
        spec = _spec(question, unit)
        specs[spec.code] = spec
        cells = {}
        for position, (what, code, year, name) in columns.items():
            cells.setdefault((code, year), {})[what] = (
                line[position] if position < len(line) else "",
                name,
            )
        for (code, year), parts in cells.items():
            value, value_column = parts.get("Waarde", ("", ""))
            margin = parts.get("Marges", ("", ""))[0]
            records["row"].append(number)
            records["indicator"].append(spec.code)
            records["area_code"].append(code)
            records["period"].append(year)
            records["value"].append(value)
            records["margin"].append(margin.strip() or None)
            records[LABEL].append(value_column)
    frame = parse_numbers(
        pl.DataFrame(records, schema=RECORD_SCHEMA),
        "value",
        problems,
        counts=False,
    )
    margins = frame.filter(pl.col("margin").is_not_null())
    parsed_margins = parse_numbers(margins, "margin", problems, counts=False)
    check_duplicates(frame, problems, header[0])
    problems.raise_if_any()
    if frame.is_empty():
        refuse(file_name, _("the file holds no rows with figures."))
    frame = frame.drop("margin").join(
        parsed_margins.select("row", "area_code", "period", "margin"),
        on=["row", "area_code", "period"],
        how="left",
    )
    return ParsedFigures(
        file_name=file_name,
        format_name=_("Veiligheidsmonitor per province (CBS)"),
        source=SourceSpec(
            "CBS",
            "VM-provincie",
            "Veiligheidsmonitor, veiligheidsbeleving per provincie",
            edition or EDITION,
            url="https://www.veiligheidsmonitor.nl",
        ),
        indicators=list(specs.values()),
        observations=frame.with_columns(
            pl.lit(None, dtype=pl.String).alias("municipality_code")
        ).select("indicator", "area_code", "municipality_code", "period", "value", "margin", "row"),
    )


def _spec(question: str, unit: str) -> IndicatorSpec:
    score = "rapportcijfer" in unit.casefold()
    name = f"{question} ({unit})" if unit and not score else question
    return IndicatorSpec(
        code=slugify(f"vm-{question}-{unit}")[:80],
        name=name,
        kind="enquetescore" if score else "enquetepercentage",
        unit="rapportcijfer" if score else "procent",
        theme_codes=("subjectieve-veiligheid",),
    )
