"""A municipality's own spreadsheet or CSV as plain rows of text, whatever its separator.

Read by the import of a municipality's own figures and by the uploads of survey scores and
progress updates.

The first non-empty row is the header. XLSX is read with openpyxl (first sheet, values
only); Excel dates become ISO dates, whole numbers stay whole. A cell of several lines has
LF line endings.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

from . import upload_limits
from .importing import ImportFileError, decode, refuse
from .plain_text import line_endings
from .upload_limits import Limits, capped, csv_lines

# A header wider than this is no table a person made; it also bounds the work per XLSX row.
MAX_COLUMNS = 200


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]  # data rows, each as long as the header
    first_row: int  # file row number of rows[0]


def read_table(file_name: str, raw: bytes, *, limits: Limits | None = None) -> Table:
    """Rows are read one at a time; the file is refused at the first row past the cap."""
    limits = limits or upload_limits.table()
    upload_limits.refuse_if_too_large(file_name, raw, limits)
    if not raw.strip():
        refuse(file_name, _("the file is empty."))
    if raw[:2] == b"PK":
        return _xlsx_table(file_name, raw, limits)
    return _table(file_name, _csv_rows(file_name, raw), limits)


def _table(file_name: str, lines: Iterator[list[str]], limits: Limits) -> Table:
    numbered = enumerate(capped(file_name, lines, limits.max_rows), start=1)
    found = next(((n, line) for n, line in numbered if any(c.strip() for c in line)), None)
    if found is None:
        refuse(file_name, _("the file holds no header row."))
    number, header = found[0], [cell.strip() for cell in found[1]]
    _check_header(file_name, header, number)
    rows = []
    for _n, line in numbered:
        if not any(cell.strip() for cell in line):
            rows.append([""] * len(header))  # kept so row numbers stay right; skipped later
            continue
        # A quoted CSV cell or an Excel cell may hold several lines, with CRLF or CR.
        cells = [line_endings(cell) for cell in line]
        rows.append((cells + [""] * len(header))[: len(header)])
    return Table(header, rows, number + 1)


def _check_header(file_name: str, header: list[str], number: int) -> None:
    if len(header) > MAX_COLUMNS:
        refuse(
            file_name,
            _("the header has %(count)s columns; at most %(limit)s are allowed.")
            % {"count": len(header), "limit": MAX_COLUMNS},
            row=number,
        )
    if len(set(h for h in header if h)) != len([h for h in header if h]):
        refuse(file_name, _("two columns have the same name in the header."), row=number)


def _csv_rows(file_name: str, raw: bytes) -> Iterator[list[str]]:
    text = decode(file_name, raw)
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    return csv_lines(file_name, text, delimiter=delimiter)


def _xlsx_table(file_name: str, raw: bytes, limits: Limits) -> Table:
    from openpyxl import load_workbook

    upload_limits.check_zip(file_name, raw, limits)
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # a damaged or foreign file: BadZipFile, KeyError, …
        refuse(file_name, _("the spreadsheet cannot be opened: %(error)s") % {"error": error})
    try:
        if not book.worksheets:
            refuse(file_name, _("the spreadsheet holds no sheet."))
        sheet = book.worksheets[0]
        # First the header (and its width), then the rows no wider than it: read-only sheets
        # pad every row to the width asked for, which a forged dimension makes 16,384.
        head = _guarded(file_name, sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1))
        header_row, width = 0, 0
        for number, values in enumerate(capped(file_name, head, limits.max_rows), start=1):
            cells = [_cell_text(v) for v in values]
            if any(cells):
                header_row = number
                width = max(i for i, c in enumerate(cells, start=1) if c)
                break
        if not header_row:
            refuse(file_name, _("the file holds no header row."))
        lines = sheet.iter_rows(values_only=True, min_row=header_row, max_col=width)
        numbered = capped(
            file_name,
            _guarded(file_name, lines),
            limits.max_rows - header_row + 1,
            first_row=header_row,
        )
        rows = ([_cell_text(v) for v in values] for values in numbered)
        table = _table(file_name, rows, Limits(limits.max_bytes, limits.max_rows, 0))
        table.first_row += header_row - 1
        return table
    finally:
        book.close()


def _guarded(file_name: str, rows):
    """A truncated or malformed sheet fails only while its rows are read."""
    try:
        yield from rows
    except Exception as error:  # zlib.error, lxml's XMLSyntaxError, KeyError, ValueError, …
        if isinstance(error, ImportFileError):
            raise
        refuse(file_name, _("the spreadsheet cannot be read: %(error)s") % {"error": error})


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
