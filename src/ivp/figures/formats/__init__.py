"""Recognise a figures file and hand it to the reader for its layout."""

from django.utils.translation import gettext as _

from ivp.common import upload_limits

from ..synthetic import is_synthetic
from . import odata, simple_csv, statline_symbols, veiligheidsmonitor
from .common import ParsedFigures, decode, refuse
from .geography import Geography

SEPARATORS = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}


def read_figures(
    file_name: str,
    raw: bytes,
    geography: Geography,
    *,
    edition: str | None = None,
    table_id: str | None = None,
) -> ParsedFigures:
    upload_limits.refuse_if_too_large(file_name, raw, upload_limits.national())
    if not raw.strip():
        refuse(file_name, _("the file is empty."))
    if raw[:2] == b"PK":
        refuse(
            file_name,
            _(
                "this is a spreadsheet (XLSX); official police and CBS tables are read as CSV. "
                "Use the import of own registrations for spreadsheets."
            ),
        )
    text = decode(file_name, raw)
    first_line = text[: text.find("\n")] if "\n" in text[:65536] else text[:65536]
    synthetic = is_synthetic(file_name)

    if statline_symbols.looks_like(text):
        return statline_symbols.read(
            file_name, text, geography, edition=edition, synthetic=synthetic
        )
    header = [cell.strip().strip('"') for cell in first_line.split(";")]
    if odata.looks_like(header):
        del text  # polars reads the bytes; the text of a national file is hundreds of MB
        return odata.read(
            file_name,
            raw,
            geography,
            edition=edition,
            table_id=table_id,
            synthetic=synthetic,
        )
    comma_header = [cell.strip().strip('"') for cell in first_line.split(",")]
    if veiligheidsmonitor.looks_like(comma_header):
        return veiligheidsmonitor.read(file_name, text, geography, edition=edition)
    if all(c in comma_header for c in simple_csv.TIDY_COLUMNS):
        frame = simple_csv.read_frame(file_name, raw)
        return simple_csv.read_tidy(file_name, frame, geography, edition=edition)
    if all(c in comma_header for c in simple_csv.NATIONAL_COLUMNS):
        frame = simple_csv.read_frame(file_name, raw)
        return simple_csv.read_national(file_name, frame, geography, edition=edition)
    _refuse_unknown(file_name, first_line)


def _refuse_unknown(file_name: str, first_line: str):
    for separator, name in SEPARATORS.items():
        cells = [c.strip().strip('"') for c in first_line.split(separator)]
        if separator != ";" and odata.looks_like(cells):
            refuse(
                file_name,
                _("the columns are separated by %(found)s; StatLine files use a semicolon (;).")
                % {"found": name},
                row=1,
            )
    refuse(
        file_name,
        _(
            "the layout is not recognised. Expected a StatLine export of a police or CBS crime "
            "table (CSV with statistical symbols, or typed CSV with SoortMisdrijf;RegioS;"
            "Perioden), the tidy 47013NED totals, or national totals per type."
        ),
        row=1,
    )


__all__ = ["Geography", "ParsedFigures", "read_figures"]
