"""What every importer shares: problems that name file, row and column, a clean refusal, and
a file's text decoded (or refused with a hint a person can act on)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ImportProblem:
    file_name: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file_name]
        if self.row is not None:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}"


class ImportFileError(Exception):
    """Raised before anything is written; carries every problem found."""

    def __init__(self, problems: list[ImportProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ImportSummary:
    kind: str
    file_name: str
    rows_written: int = 0
    rows_skipped: int = 0
    notes: str = ""


def refuse(file_name: str, message: str, row: int | None = None, column: str | None = None):
    raise ImportFileError([ImportProblem(file_name, row, column, message)])


def decode(file_name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            raw.decode("cp1252")
        except UnicodeDecodeError:
            hint = ""
        else:
            hint = _(" It looks like Windows-1252 (ANSI); save it as “CSV UTF-8”.")
        # exc.start counts from after a UTF-8 BOM; the row is the line holding the bad byte.
        bom = len(raw) - len(exc.object)
        refuse(
            file_name,
            _("the file is not UTF-8 text (byte %(position)s).") % {"position": bom + exc.start + 1}
            + hint,
            row=exc.object.count(b"\n", 0, exc.start) + 1,
        )
