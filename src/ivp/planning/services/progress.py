"""Progress on actions: one update at a time, or many from a CSV/XLSX file that is checked
whole before anything is written. Partners touch only the actions their party is on."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ivp.common import text_limits
from ivp.common.importing import ImportFileError, ImportProblem
from ivp.figures.formats.tabular import read_table

from ..models import Action, ActionPlan, ProgressUpdate
from .locking import claim

STATUS_WORDS = {label.casefold(): value for value, label in Action.Status.choices} | {
    value: value for value in Action.Status.values
}


@transaction.atomic
def progress_record(
    *,
    action: Action,
    status: str,
    on: date | None = None,
    percent_done: int | None = None,
    note: str = "",
    user=None,
    expected_version: int | None = None,
) -> ProgressUpdate:
    on = on or timezone.localdate()
    if status not in Action.Status.values:
        raise ValidationError(_("“%(status)s” is not a status.") % {"status": status})
    if percent_done is not None and not 0 <= percent_done <= 100:
        raise ValidationError(_("The percentage done lies between 0 and 100."))
    if on > timezone.localdate():
        raise ValidationError(_("Progress cannot be reported for a date in the future."))
    claim(action, expected_version)
    update = ProgressUpdate.objects.create(
        action=action, date=on, status=status, percent_done=percent_done, note=note, user=user
    )
    action.status = status
    action.save(update_fields=["status", "lock_version"])
    return update


EARLIEST_YEAR = 2000  # no safety plan in ivp is older; a year like 0001 is a typing error

COLUMNS = {
    "action": ("actie", "item", "id"),
    "status": ("status",),
    "percent": ("percentage", "% gereed", "percentage gereed", "gereed"),
    "note": ("toelichting", "opmerking", "notitie"),
    "date": ("datum",),
}


@transaction.atomic
def progress_import(
    *, action_plan: ActionPlan, file_name: str, raw: bytes, user, may_update
) -> int:
    """Rows: actie (item or number), status, percentage, toelichting, datum. `may_update(action)`
    says whether this user may report on an action. Returns the number of updates written."""
    table = read_table(file_name, raw)
    header = {h.strip().casefold(): i for i, h in enumerate(table.header)}
    where = {
        key: next((header[n] for n in names if n in header), None) for key, names in COLUMNS.items()
    }
    if where["action"] is None or where["status"] is None:
        raise ImportFileError(
            [
                ImportProblem(
                    file_name,
                    table.first_row - 1,
                    None,
                    _("the header needs the columns “actie” and “status”; it has: %(columns)s.")
                    % {"columns": ", ".join(h for h in table.header if h) or "—"},
                )
            ]
        )
    actions = list(
        Action.objects.filter(theme__action_plan=action_plan).prefetch_related(
            "parties", "theme__action_plan__municipality"
        )
    )
    by_item = {a.item.casefold().strip(): a for a in actions}
    by_id = {str(a.pk): a for a in actions}
    problems, updates = [], []
    for number, row in enumerate(table.rows, start=table.first_row):
        if not any(cell.strip() for cell in row):
            continue

        def problem(column_key, message, number=number):
            problems.append(
                ImportProblem(file_name, number, table.header[where[column_key]], message)
            )

        name = row[where["action"]].strip()
        action = by_id.get(name) or by_item.get(name.casefold())
        if action is None:
            problem(
                "action",
                _("no action “%(name)s” in %(plan)s.") % {"name": name, "plan": action_plan.title},
            )
            continue
        if not may_update(action):
            problem(
                "action",
                _("your organisation is not a party to “%(name)s”.") % {"name": action.item},
            )
            continue
        status = STATUS_WORDS.get(row[where["status"]].strip().casefold())
        if status is None:
            problem(
                "status",
                _(
                    "“%(status)s” is not a status; use gepland, lopend, afgerond, vertraagd or geschrapt."
                )
                % {"status": row[where["status"]].strip()},
            )
            continue
        percent = None
        if where["percent"] is not None and row[where["percent"]].strip():
            text = row[where["percent"]].strip().rstrip("%").strip()
            if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 100:
                problem(
                    "percent",
                    _("“%(text)s” is not a whole percentage from 0 to 100.")
                    % {"text": row[where["percent"]].strip()},
                )
                continue
            percent = int(text)
        on = timezone.localdate()
        if where["date"] is not None and row[where["date"]].strip():
            try:
                on = _date(row[where["date"]].strip())
            except ValueError:
                problem(
                    "date",
                    _("“%(text)s” is not a date (dd-mm-jjjj).")
                    % {"text": row[where["date"]].strip()},
                )
                continue
            if on.year < EARLIEST_YEAR:
                problem(
                    "date",
                    _("%(date)s lies before %(year)s.")
                    % {"date": row[where["date"]].strip(), "year": EARLIEST_YEAR},
                )
                continue
            if on > timezone.localdate():
                problem(
                    "date", _("%(date)s lies in the future.") % {"date": row[where["date"]].strip()}
                )
                continue
        note = row[where["note"]].strip() if where["note"] is not None else ""
        if len(note) > text_limits.NOTE:
            problem(
                "note",
                _("the note holds %(length)s characters; at most %(limit)s are allowed.")
                % {"length": len(note), "limit": text_limits.NOTE},
            )
            continue
        updates.append((action, status, percent, note, on))
    if problems:
        raise ImportFileError(problems)
    if not updates:
        raise ImportFileError([ImportProblem(file_name, None, None, _("the file holds no rows."))])
    for action, status, percent, note, on in updates:
        progress_record(
            action=action, status=status, percent_done=percent, note=note, on=on, user=user
        )
    return len(updates)


def _date(text: str) -> date:
    for separator in ("-", "/", "."):
        parts = text.split(separator)
        if len(parts) == 3:
            if len(parts[0]) == 4:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
    raise ValueError(text)
