"""What every importer shares: problems that name file, row and column, and a clean refusal."""

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
