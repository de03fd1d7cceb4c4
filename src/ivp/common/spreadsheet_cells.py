"""Cells of exported CSV and XLSX files that a spreadsheet must not run (OWASP CSV injection).

Text that starts with =, +, -, @, a tab or a carriage return is a formula to Excel and
LibreOffice. Such text is written as text: with a leading single quote in CSV, as a string cell
with the quote prefix in XLSX (the reader sees the text unchanged). Numbers stay numbers, so a
negative amount is still a number.
"""

from numbers import Number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(formatted, original=None):
    """`formatted` as written to CSV; `original` is the value before formatting (an amount
    formatted as '-150,00' stays as it is)."""
    if isinstance(original, Number):
        return formatted
    return "'" + formatted if looks_like_formula(formatted) else formatted


def csv_cell_read(text: str) -> str:
    """A cell as `csv_cell` wrote it, read back: the quote that kept a formula out comes off."""
    quoted = text.startswith("'") and looks_like_formula(text[1:])
    return text[1:] if quoted else text


def xlsx_append(sheet, values) -> None:
    """sheet.append, but formula-like text becomes a string cell with the quote prefix
    (openpyxl would otherwise store text starting with = as a formula)."""
    sheet.append(["" if looks_like_formula(v) else v for v in values])
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if looks_like_formula(value):
            cell = sheet.cell(row=row, column=column)
            cell.value = value
            cell.data_type = "s"
            cell.quotePrefix = True
