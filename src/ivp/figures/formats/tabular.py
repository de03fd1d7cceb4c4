"""A municipality's own spreadsheet or CSV as plain rows of text, whatever its separator.

The first non-empty row is the header. XLSX is read with openpyxl (first sheet, values
only); Excel dates become ISO dates, whole numbers stay whole.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from .common import decode, refuse

MAX_ROWS = 1_000_000


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]  # data rows, each as long as the header
    first_row: int  # file row number of rows[0]


def read_table(file_name: str, raw: bytes) -> Table:
    if not raw.strip():
        refuse(file_name, _("the file is empty."))
    lines = _xlsx_rows(file_name, raw) if raw[:2] == b"PK" else _csv_rows(file_name, raw)
    numbered = enumerate(lines, start=1)
    found = next(((n, line) for n, line in numbered if any(c.strip() for c in line)), None)
    if found is None:
        refuse(file_name, _("the file holds no header row."))
    number, header = found[0], [cell.strip() for cell in found[1]]
    lines = (line for _n, line in numbered)
    if len(set(h for h in header if h)) != len([h for h in header if h]):
        refuse(file_name, _("two columns have the same name in the header."), row=number)
    rows = []
    for line in lines:
        if not any(cell.strip() for cell in line):
            rows.append([""] * len(header))  # kept so row numbers stay right; skipped later
            continue
        rows.append((line + [""] * len(header))[: len(header)])
        if len(rows) > MAX_ROWS:
            refuse(file_name, _("the file has more than a million rows."))
    return Table(header, rows, number + 1)


def _csv_rows(file_name: str, raw: bytes):
    text = decode(file_name, raw)
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_rows(file_name: str, raw: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # a damaged or foreign file: BadZipFile, KeyError, …
        refuse(file_name, _("the spreadsheet cannot be opened: %(error)s") % {"error": error})
    sheet = book.worksheets[0]
    rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
