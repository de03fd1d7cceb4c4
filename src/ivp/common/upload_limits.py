"""The limits every upload is held to, in one place: size, rows and what a zip may unpack to.

Forms check a file's size through `ivp.common.forms.UploadField` (which calls `check_size`);
the shared readers call `capped` for rows and `check_zip` before openpyxl or python-docx open
an XLSX or DOCX (both are zip archives, and a small archive can unpack to gigabytes).
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from .importing import ImportFileError, ImportProblem

MB = 1024 * 1024
# Entries this small may compress as well as they like: the ratio matters for big ones only.
RATIO_FLOOR = 1 * MB


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_rows: int
    max_unpacked: int
    max_cells: int = 0  # for wide tables read cell by cell; 0: rows only


def national() -> Limits:
    """National police/CBS figures and the CBS population table."""
    return Limits(
        settings.IVP_UPLOAD_MAX_MB * MB,
        settings.IVP_IMPORT_MAX_ROWS,
        settings.IVP_ZIP_MAX_UNPACKED_MB * MB,
        settings.IVP_IMPORT_MAX_CELLS,
    )


def table() -> Limits:
    """A municipality's own spreadsheet: own figures, survey results, progress."""
    return Limits(
        min(settings.IVP_TABLE_MAX_MB, settings.IVP_UPLOAD_MAX_MB) * MB,
        min(settings.IVP_TABLE_MAX_ROWS, settings.IVP_IMPORT_MAX_ROWS),
        settings.IVP_ZIP_MAX_UNPACKED_MB * MB,
    )


def plan_document() -> Limits:
    """An existing plan in Word, PDF or text, to be read into a draft."""
    return Limits(
        min(settings.IVP_PLAN_MAX_MB, settings.IVP_UPLOAD_MAX_MB) * MB,
        0,
        settings.IVP_ZIP_MAX_UNPACKED_MB * MB,
    )


def template() -> Limits:
    """A Word house-style template."""
    return Limits(
        min(settings.IVP_TEMPLATE_MAX_MB, settings.IVP_UPLOAD_MAX_MB) * MB,
        0,
        settings.IVP_TEMPLATE_MAX_UNPACKED_MB * MB,
    )


def _megabytes(size: int) -> str:
    return f"{size / MB:.0f}"


def check_size(upload, limits: Limits):
    """For a form's clean_<file>: refuse a file over its limit before anything reads it."""
    if upload.size > limits.max_bytes:
        raise forms.ValidationError(
            _("%(file)s is %(size)s MB; the limit is %(limit)s MB.")
            % {
                "file": upload.name,
                "size": f"{upload.size / MB:.1f}".replace(".", ","),
                "limit": _megabytes(limits.max_bytes),
            }
        )
    return upload


def refuse_if_too_large(file_name: str, raw: bytes, limits: Limits) -> None:
    """The same check for bytes that arrive without a form (CLI, API, background tasks)."""
    if len(raw) > limits.max_bytes:
        _refuse(
            file_name,
            _("the file is larger than %(limit)s MB.") % {"limit": _megabytes(limits.max_bytes)},
        )


def capped(
    file_name: str, rows: Iterable, max_rows: int, *, first_row: int = 1, max_cells: int = 0
) -> Iterator:
    """Yield rows; refuse at the first row past `max_rows` (or, with `max_cells`, the row where
    the cells read so far pass it: wide tables cost per cell), before reading any further."""
    cells = 0
    for number, row in enumerate(rows, start=first_row):
        if number - first_row >= max_rows:
            _refuse(
                file_name,
                _("the file has more than %(limit)s rows; the import stops here.")
                % {"limit": f"{max_rows:,}".replace(",", ".")},
                row=number,
            )
        cells += len(row)
        if max_cells and cells > max_cells:
            _refuse(
                file_name,
                _("the file has more than %(limit)s cells; the import stops here.")
                % {"limit": f"{max_cells:,}".replace(",", ".")},
                row=number,
            )
        yield row


def csv_lines(file_name: str, text: str, **options) -> Iterator[list[str]]:
    """csv.reader that refuses a cell over the csv module's size limit (or any other CSV
    error) with its row, instead of letting csv.Error escape."""
    reader = csv.reader(io.StringIO(text), **options)
    while True:
        started = reader.line_num + 1  # an unclosed quote fails lines later; name its start
        try:
            line = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            message = str(error)
            if "field larger than field limit" in message:
                message = _("a cell holds more than %(limit)s characters.") % {
                    "limit": f"{csv.field_size_limit():,}".replace(",", ".")
                }
            else:
                message = _("the line cannot be read as CSV (%(error)s).") % {"error": message}
            _refuse(file_name, message, row=started)
        yield line


def check_zip(file_name: str, raw: bytes, limits: Limits) -> zipfile.ZipFile:
    """Refuse an XLSX or DOCX whose archive is broken or unpacks to too much; the sizes come
    from the archive's directory, nothing is unpacked to find them."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        entries = archive.infolist()
    # NotImplementedError: a zip format version or compression Python cannot read
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
    ):
        _refuse(file_name, _("the file is damaged or incomplete: it is not a readable archive."))
    if len(entries) > settings.IVP_ZIP_MAX_ENTRIES:
        _refuse(
            file_name,
            _("the archive holds %(count)s parts; at most %(limit)s are allowed.")
            % {"count": len(entries), "limit": settings.IVP_ZIP_MAX_ENTRIES},
        )
    total = 0
    for entry in entries:
        name = entry.filename
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            _refuse(
                file_name,
                _("the archive holds a part with an unsafe path: %(name)s") % {"name": name[:80]},
            )
        if name.lower().endswith((".zip", ".xlsx", ".docx", ".docm", ".xlsm", ".jar")):
            _refuse(
                file_name,
                _("the archive holds another archive (%(name)s); that is not allowed.")
                % {"name": name[:80]},
            )
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_FLOOR and ratio > settings.IVP_ZIP_MAX_RATIO:
            _refuse(
                file_name,
                _("part %(name)s is packed %(ratio)s times; at most %(limit)s times is allowed.")
                % {"name": name[:80], "ratio": int(ratio), "limit": settings.IVP_ZIP_MAX_RATIO},
            )
    if total > limits.max_unpacked:
        _refuse(
            file_name,
            _("the file unpacks to %(size)s MB; at most %(limit)s MB is allowed.")
            % {"size": _megabytes(total), "limit": _megabytes(limits.max_unpacked)},
        )
    return archive


def _refuse(file_name: str, message: str, row: int | None = None):
    raise ImportFileError([ImportProblem(file_name, row, None, message)])
