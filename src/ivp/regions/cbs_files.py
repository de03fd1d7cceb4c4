"""Readers for the CBS and Politie files the regions are built from.

Each reader takes the file's name and text, validates everything and returns plain records;
it raises ImportFileError (file, row, column, reason) before anything is written.
"""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _

from ivp.common.importing import ImportFileError, ImportProblem
from ivp.common.upload_limits import capped, csv_lines, national

YEAR = re.compile(r"^[0-9]{4}$")
FIRST_YEAR = 1900  # CBS population series reach back to 1900


def read_text(path: Path) -> str:
    return decode(path.name, path.read_bytes())


def decode(file_name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            [
                ImportProblem(
                    file_name, None, None, _("the file is not UTF-8 text (%s).") % exc.reason
                )
            ]
        ) from exc


def _rows(file_name: str, text: str, delimiter: str) -> list[list[str]]:
    lines = csv_lines(file_name, text, delimiter=delimiter)
    limits = national()
    return list(capped(file_name, lines, limits.max_rows, max_cells=limits.max_cells)) or [[]]


def _require_columns(file_name: str, header: list[str], required: list[str], row: int) -> dict:
    header = header or []
    index = {name.strip(): i for i, name in enumerate(header)}
    missing = [name for name in required if name not in index]
    if missing:
        raise ImportFileError(
            [
                ImportProblem(
                    file_name,
                    row,
                    name,
                    _("required column is missing; found: %(found)s.")
                    % {"found": ", ".join(h for h in header if h) or _("nothing")},
                )
                for name in missing
            ]
        )
    return index


MAX_COUNT = 100_000_000  # more than the Netherlands has inhabitants, dwellings or hectares


def _optional_int(file_name: str, row: int, column: str, raw: str, problems: list) -> int | None:
    """A count: empty or CBS's '.' means not available; anything else must be a whole number ≥ 0."""
    value = raw.strip()
    if value in ("", ".", "NA", "-"):
        return None
    if not (value.isascii() and value.isdigit()):
        problems.append(
            ImportProblem(
                file_name,
                row,
                column,
                _(
                    "“%(value)s” is not a whole number of zero or more (write 19983, not 19.983 or -3)."
                )
                % {"value": raw},
            )
        )
        return None
    number = int(value)
    if number > MAX_COUNT:
        problems.append(
            ImportProblem(
                file_name, row, column, _("%(value)s is implausibly large.") % {"value": raw}
            )
        )
        return None
    return number


def _cell(row: list[str], index: int) -> str:
    """A cell of a short row reads as empty instead of failing."""
    return row[index] if index < len(row) else ""


@dataclass(frozen=True)
class CodedName:
    code: str
    title: str


def statline_metadata_regions(file_name: str, text: str) -> list[CodedName]:
    """The RegioS section of a StatLine metadata export (sections stacked in one ';' file)."""
    rows = _rows(file_name, text, ";")
    start = next((i for i, r in enumerate(rows) if r and r[0] == "RegioS" and not any(r[1:])), None)
    if start is None:
        raise ImportFileError(
            [
                ImportProblem(
                    file_name, None, "RegioS", _("no section “RegioS” in this metadata file.")
                )
            ]
        )
    _require_columns(file_name, rows[start + 1], ["Key", "Title"], start + 2)
    regions = []
    for row in rows[start + 2 :]:
        if len(row) >= 2 and row[0] and not any(row[1:]):
            break  # next section
        if len(row) >= 2 and row[0].strip():
            regions.append(CodedName(row[0].strip(), row[1].strip()))
    return regions


def province_per_municipality(file_name: str, text: str) -> dict[str, str]:
    """municipality_id (4 digits, no GM) → province name."""
    rows = _rows(file_name, text, ",")
    index = _require_columns(file_name, rows[0], ["municipality_id", "province_lab"], 1)
    result = {}
    for row in rows[1:]:
        if not row:
            continue
        code = _cell(row, index["municipality_id"]).strip().zfill(4)
        result[f"GM{code}"] = _cell(row, index["province_lab"]).strip()
    return result


@dataclass(frozen=True)
class AreaRecord:
    code: str
    title: str
    municipality_code: str


UNKNOWN_MUNICIPALITY = "GM0000"  # CBS's placeholder "Gemeente/Wijk/Buurt onbekend"


def wijken_en_buurten(file_name: str, text: str) -> list[AreaRecord]:
    """Wijken and buurten of the 47018NED region list, without CBS's 'onbekend' placeholders."""
    rows = _rows(file_name, text, ",")
    index = _require_columns(file_name, rows[0], ["Key", "Title", "Municipality"], 1)
    records = []
    for row in rows[1:]:
        code = _cell(row, index["Key"]).strip()
        municipality = _cell(row, index["Municipality"]).strip()
        if code.startswith(("WK", "BU")) and municipality != UNKNOWN_MUNICIPALITY:
            records.append(AreaRecord(code, _cell(row, index["Title"]).strip(), municipality))
    return records


@dataclass(frozen=True)
class PopulationRow:
    row: int
    name: str
    values: dict[int, int | None]


def statline_population(file_name: str, text: str) -> list[PopulationRow]:
    """A StatLine 37230ned export: `Regio's;Onderwerp;;2002;…;2024`, one row per region."""
    rows = _rows(file_name, text, ";")
    header_at = next((i for i, r in enumerate(rows) if r and r[0].strip() == "Regio's"), None)
    if header_at is None:
        raise ImportFileError(
            [
                ImportProblem(
                    file_name,
                    None,
                    "Regio's",
                    _(
                        "no header row starting with “Regio's”: is this a CBS StatLine export of "
                        "table 37230ned (population per region)?"
                    ),
                )
            ]
        )
    header = rows[header_at]
    problems = []
    if len(header) < 2 or header[1].strip() != "Onderwerp":
        found = header[1] if len(header) > 1 else ""
        problems.append(
            ImportProblem(
                file_name,
                header_at + 1,
                found or _("(second column)"),
                _("expected the column “Onderwerp” here."),
            )
        )
    year_columns = {}
    for i, name in enumerate(header[3:], start=3):
        label = name.strip().rstrip("*")
        if not label:
            continue
        if YEAR.match(label) and FIRST_YEAR <= int(label) <= date.today().year:
            year_columns[i] = int(label)
        elif YEAR.match(label):
            problems.append(
                ImportProblem(
                    file_name,
                    header_at + 1,
                    name,
                    _("year %(year)s lies outside %(first)s–%(last)s.")
                    % {"year": label, "first": FIRST_YEAR, "last": date.today().year},
                )
            )
        else:
            problems.append(
                ImportProblem(
                    file_name, header_at + 1, name, _("a year column must be a year such as 2024.")
                )
            )
    if not year_columns and not problems:
        problems.append(ImportProblem(file_name, header_at + 1, None, _("no year columns found.")))
    if problems:
        raise ImportFileError(problems)

    records = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not row or not row[0].strip() or len(row) == 1:
            continue  # blank lines and the closing "Bron: CBS"
        values = {
            year: _optional_int(
                file_name, number, str(year), row[i] if i < len(row) else "", problems
            )
            for i, year in year_columns.items()
        }
        records.append(PopulationRow(number, row[0].strip(), values))
    if problems:
        raise ImportFileError(problems)
    return records


KWB_COLUMNS = {
    "AantalInwoners_5": "inhabitants",
    "Mannen_6": "men",
    "Vrouwen_7": "women",
    "Bevolkingsdichtheid_34": "density",
    "Woningvoorraad_35": "dwellings",
    "OppervlakteTotaal_122": "area_total_ha",
    "OppervlakteLand_123": "area_land_ha",
    "OppervlakteWater_124": "area_water_ha",
}


@dataclass(frozen=True)
class KeyFigureRow:
    row: int
    code: str
    municipality_code: str
    values: dict[str, int | None]


def kwb_key_figures(file_name: str, text: str) -> list[KeyFigureRow]:
    """Kerncijfers wijken en buurten, one row per gemeente or wijk."""
    rows = _rows(file_name, text, ",")
    index = _require_columns(file_name, rows[0], ["regiocode", "gemeentecode", *KWB_COLUMNS], 1)
    problems: list[ImportProblem] = []
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        values = {
            field: _optional_int(file_name, number, column, _cell(row, index[column]), problems)
            for column, field in KWB_COLUMNS.items()
        }
        records.append(
            KeyFigureRow(
                number,
                _cell(row, index["regiocode"]).strip(),
                _cell(row, index["gemeentecode"]).strip(),
                values,
            )
        )
    if problems:
        raise ImportFileError(problems)
    return records


def kwb_buurt_inhabitants(file_name: str, text: str) -> list[KeyFigureRow]:
    """Inhabitants per buurt (`nhood_id,population`); municipality comes from the buurt code."""
    rows = _rows(file_name, text, ",")
    index = _require_columns(file_name, rows[0], ["nhood_id", "population"], 1)
    problems: list[ImportProblem] = []
    records = []
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        code = _cell(row, index["nhood_id"]).strip()
        value = _optional_int(
            file_name, number, "population", _cell(row, index["population"]), problems
        )
        records.append(KeyFigureRow(number, code, "GM" + code[2:6], {"inhabitants": value}))
    if problems:
        raise ImportFileError(problems)
    return records
