"""A plan file read by the reader its kind calls for and drafted: ivp's own JSON comes back as
it was exported; Word, PDF, text and Markdown go through the structure drafter. A file is
refused before it is read when it is too large, a Word archive that unpacks to too much, or a
PDF of too many pages; every refusal is in Dutch and names the file."""

import io
from pathlib import Path

import pdfplumber
from django.conf import settings

from ivp.common import tabular, upload_limits
from ivp.common.importing import ImportFileError

from .blocks import Block, Kind, Place
from .drafting import Register, Theme, draft_plan
from .readers.docx import read_docx
from .readers.pdf import read_pdf
from .readers.plan_json import PlanFileError, read_plan_json
from .readers.text import read_text

TEXT = (".txt", ".md", ".markdown")
SPREADSHEETS = (".xlsx", ".csv")
READABLE = (".json", ".docx", ".pdf", *TEXT)
READABLE_ACTIONS = (".docx", ".pdf", *TEXT, *SPREADSHEETS)
THEME_COLUMNS = ("thema", "prioriteit", "theme", "speerpunt")


def draft_from_file(
    file_name: str, content: bytes, *, register: Register, themes: list[Theme] = ()
) -> dict:
    if Path(file_name).suffix.lower() == ".json":
        return read_plan_json(content, file_name)
    return draft_plan(blocks_of(file_name, content), register=register, themes=themes)


def blocks_of(file_name: str, content: bytes) -> list[Block]:
    """The blocks of a document, by the reader its kind calls for."""
    limits = upload_limits.plan_document()
    suffix = Path(file_name).suffix.lower()
    try:
        upload_limits.refuse_if_too_large(file_name, content, limits)
        if suffix == ".docx":
            upload_limits.check_zip(file_name, content, limits)
            return read_docx(content, file_name)
        if suffix == ".pdf":
            _check_pages(file_name, content)
            return read_pdf(content, file_name)
        if suffix in SPREADSHEETS:
            return _spreadsheet(file_name, tabular.read_table(file_name, content))
    except ImportFileError as error:
        raise PlanFileError(str(error)) from None
    except ValueError as error:  # the readers' Dutch refusal of a file they cannot open
        raise PlanFileError(str(error)) from None
    if suffix in TEXT:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")  # text saved by older Windows tools
        return read_text(text, file_name)
    raise PlanFileError(
        f"{file_name}: ivp leest plannen uit Word (.docx), PDF, tekst (.txt), Markdown (.md) "
        "en het .json-bestand van ivp."
    )


def _spreadsheet(file_name: str, table: tabular.Table) -> list[Block]:
    """A sheet of actions as the blocks of a document: a theme column becomes a heading above
    each theme's rows (an empty cell: the theme above, as merged cells read); without one, a
    row with only its first cell filled is a theme's heading."""
    keys = [h.casefold().strip() for h in table.header]
    theme_at = next((i for i, key in enumerate(keys) if key in THEME_COLUMNS), None)
    header = tuple(h for i, h in enumerate(table.header) if i != theme_at)
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    current = None

    def close(line: int) -> None:
        if rows:
            blocks.append(Block(Kind.TABLE, current or "", Place(file_name, line),
                                rows=(header, *rows)))  # fmt: skip
            rows.clear()

    for number, row in enumerate(table.rows, start=table.first_row):
        if not any(cell.strip() for cell in row):
            continue
        if theme_at is not None:
            theme = row[theme_at].strip() or current
            cells = tuple(c for i, c in enumerate(row) if i != theme_at)
        elif row[0].strip() and not any(c.strip() for c in row[1:]):
            theme, cells = row[0].strip(), None
        else:
            theme, cells = current, tuple(row)
        if theme != current:
            close(number)
            current = theme
            blocks.append(Block(Kind.HEADING, theme, Place(file_name, number), level=1))
        if cells is not None:
            rows.append(cells)
    close(table.first_row + len(table.rows))
    return blocks


def _check_pages(file_name: str, content: bytes) -> None:
    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            pages = len(pdf.pages)
    except Exception:  # pdfminer raises many kinds for a damaged file
        raise PlanFileError(f"{file_name} is geen PDF die te lezen is.") from None
    if pages > settings.IVP_PLAN_MAX_PAGES:
        raise PlanFileError(
            f"{file_name} heeft {pages} pagina's; ivp leest plannen tot "
            f"{settings.IVP_PLAN_MAX_PAGES} pagina's."
        )
