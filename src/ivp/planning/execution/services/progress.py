"""Progress on actions: one update at a time, or many from a CSV/XLSX file that is checked
whole before anything is written. Each row is held to ProgressForm, the form a person fills in
on the page, so both refuse the same values in the same words. Partners touch only the
actions their party is on."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ivp.accounts.rules import is_beheerder, is_coordinator_of
from ivp.accounts.selectors import partner_organisations
from ivp.common.importing import ImportFileError, ImportProblem
from ivp.common.spreadsheet_cells import csv_cell_read
from ivp.common.tabular import read_table
from ivp.planning.execution.forms import ProgressForm
from ivp.planning.execution.models import Action, ActionPlan, ProgressUpdate
from ivp.planning.workflow.locking import claim

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
    update = ProgressUpdate(
        action=action,
        date=on or timezone.localdate(),
        status=status,
        percent_done=percent_done,
        note=note,
        user=user,
        organisation=reporting_organisation(user, action),
    )
    update.full_clean(exclude={"action", "user"})  # records the caller holds, not input
    claim(action, expected_version)
    update.save()
    action.status = status
    action.save(update_fields=["status", "lock_version"])
    return update


def reporting_organisation(user, action: Action) -> str:
    """The organisation a report is shown under: the partner's party on the action, or the
    municipality for its coordinator and the beheerder."""
    if user is None or not user.is_authenticated:
        return ""
    municipality = action.theme.action_plan.municipality
    mine = partner_organisations(user, municipality)
    party = next((p.name for p in action.ordered_parties if p.name.casefold().strip() in mine), "")
    if party:
        return party
    if is_beheerder(user) or is_coordinator_of(user, municipality):
        return _("Municipality of %(name)s") % {"name": municipality.name}
    return ""


COLUMNS = {
    # A database id only where the column says so: the export's "Actie-id".
    "id": ("actie-id", "id"),
    "item": ("item", "actie"),
    "status": ("status",),
    "percent": ("percentage", "% gereed", "percentage gereed", "gereed"),
    "note": ("toelichting", "opmerking", "notitie"),
    "date": ("datum",),
}
# the column a refusal of ProgressForm's field is named by
FORM_COLUMNS = {"status": "status", "percent_done": "percent", "on": "date", "note": "note"}


@dataclass(frozen=True)
class PlannedUpdate:
    """One row of a progress file, read and checked, not yet saved."""

    row: int
    action: Action
    lock_version: int
    status: str
    percent_done: int | None
    percent_kept: bool  # the file gave no percentage: the last one reported stays
    note: str
    on: date
    # nothing new: same status, percentage and note as last reported (an export sent back)
    unchanged: bool = False

    @property
    def status_changes(self) -> bool:
        return self.status != self.action.status

    @property
    def status_label(self) -> str:
        return Action.Status(self.status).label


def progress_read(
    *, action_plan: ActionPlan, file_name: str, raw: bytes, may_update
) -> list[PlannedUpdate]:
    """Every row of a progress file as the update it would make, or every problem at once.
    Rows name an action by its "Actie-id" (as in the export) or by its item; an item that
    two actions share is refused with both named. Nothing is written."""
    table = read_table(file_name, raw)
    header = {h.strip().casefold(): i for i, h in enumerate(table.header)}
    where = {
        key: next((header[n] for n in names if n in header), None) for key, names in COLUMNS.items()
    }
    if (where["id"] is None and where["item"] is None) or where["status"] is None:
        raise ImportFileError(
            [
                ImportProblem(
                    file_name,
                    table.first_row - 1,
                    None,
                    _(
                        "the header needs the columns “actie-id” or “item”, and “status”; it "
                        "has: %(columns)s."
                    )
                    % {"columns": ", ".join(h for h in table.header if h) or "—"},
                )
            ]
        )
    actions = list(
        Action.objects.filter(theme__action_plan=action_plan)
        .select_related("theme__priority", "theme__focus_area", "theme__action_plan__municipality")
        .prefetch_related("party_links")
    )
    by_id = {a.pk: a for a in actions}
    by_item: dict[str, list[Action]] = {}
    for action in actions:
        by_item.setdefault(action.item.casefold().strip(), []).append(action)
    last_percent = _last_percentages(actions)
    last_note = _last_notes(actions)
    now_as: dict[int, tuple] = {}  # per action: status, % and note as the rows so far leave it
    problems, planned = [], []
    for number, row in enumerate(table.rows, start=table.first_row):
        if not any(cell.strip() for cell in row):
            continue

        def problem(column_key, message, number=number):
            column = table.header[where[column_key]] if column_key else None
            problems.append(ImportProblem(file_name, number, column, message))

        def cell(key, row=row):
            return csv_cell_read(row[where[key]].strip()) if where[key] is not None else ""

        action = None
        if cell("id"):
            if not cell("id").isascii() or not cell("id").isdigit():
                problem("id", _("“%(text)s” is not an action id.") % {"text": cell("id")})
                continue
            action = by_id.get(int(cell("id")))
            if action is None:
                problem(
                    "id",
                    _("no action with id %(id)s in %(plan)s.")
                    % {"id": cell("id"), "plan": action_plan.title},
                )
                continue
            if cell("item") and cell("item").casefold() != action.item.casefold().strip():
                problem(
                    "item",
                    _("action id %(id)s is “%(item)s”, not “%(text)s”.")
                    % {"id": action.pk, "item": action.item, "text": cell("item")},
                )
                continue
        else:
            matches = by_item.get(cell("item").casefold(), [])
            if not matches:
                problem(
                    "item",
                    _("no action “%(name)s” in %(plan)s.")
                    % {"name": cell("item"), "plan": action_plan.title},
                )
                continue
            if len(matches) > 1:
                problem(
                    "item",
                    _(
                        "“%(name)s” is the item of %(count)s actions: %(which)s; name the one you mean in the column “actie-id”."
                    )
                    % {
                        "name": cell("item"),
                        "count": len(matches),
                        "which": "; ".join(
                            _("id %(id)s under “%(theme)s”") % {"id": a.pk, "theme": a.theme.title}
                            for a in matches
                        ),
                    },
                )
                continue
            action = matches[0]
        if not may_update(action):
            problem(
                "id" if cell("id") else "item",
                _("your organisation is not a party to “%(name)s”.") % {"name": action.item},
            )
            continue
        on = timezone.localdate()
        if cell("date"):
            try:
                on = _date(cell("date"))
            except ValueError:
                problem(
                    "date", _("“%(text)s” is not a date (dd-mm-jjjj).") % {"text": cell("date")}
                )
                continue
        # the row is held to the rules of the page's form, and refused in its words
        form = ProgressForm(
            data={
                "status": STATUS_WORDS.get(cell("status").casefold(), cell("status")),
                "percent_done": cell("percent").rstrip("%").strip(),
                "on": on.isoformat(),
                "note": cell("note"),
            }
        )
        if not form.is_valid():
            for field, messages in form.errors.items():
                for message in messages:
                    problem(FORM_COLUMNS.get(field), message)
            continue
        given = form.cleaned_data
        kept = given["percent_done"] is None
        before = now_as.get(action.pk, (action.status, last_percent.get(action.pk), ""))
        percent = before[1] if kept else given["percent_done"]
        # the note an export carries is the last one: sent back, it is not said again
        repeated = given["note"].strip() == last_note.get(action.pk, "").strip()
        note = "" if repeated else given["note"]
        # several rows may report on one action: each is judged against the one before it
        now_as[action.pk] = (given["status"], percent, note)
        planned.append(
            PlannedUpdate(
                number,
                action,
                action.lock_version,
                given["status"],
                percent,
                kept,
                note,
                given["on"],
                unchanged=given["status"] == before[0] and percent == before[1] and not note,
            )
        )
    if problems:
        raise ImportFileError(problems)
    if not planned:
        raise ImportFileError([ImportProblem(file_name, None, None, _("the file holds no rows."))])
    return planned


def _last_percentages(actions) -> dict[int, int]:
    """The percentage last reported per action (by date, then as entered)."""
    last: dict[int, int] = {}
    updates = (
        ProgressUpdate.objects.filter(action__in=actions, percent_done__isnull=False)
        .order_by("action_id", "date", "pk")
        .values_list("action_id", "percent_done")
    )
    for action_id, percent in updates:
        last[action_id] = percent
    return last


def _last_notes(actions) -> dict[int, str]:
    """The note last written per action (by date, then as entered)."""
    last: dict[int, str] = {}
    updates = (
        ProgressUpdate.objects.filter(action__in=actions)
        .exclude(note="")
        .order_by("action_id", "date", "pk")
        .values_list("action_id", "note")
    )
    for action_id, note in updates:
        last[action_id] = note
    return last


def changed(planned: list[PlannedUpdate]) -> list[PlannedUpdate]:
    return [update for update in planned if not update.unchanged]


def versions_read(planned: list[PlannedUpdate]) -> dict[int, int]:
    """The version of each action as the file was checked against (kept with a preview)."""
    return {update.action.pk: update.lock_version for update in planned}


@transaction.atomic
def progress_apply(
    *, planned: list[PlannedUpdate], user, versions: dict[int, int] | None = None
) -> int:
    """Save what `progress_read` planned, all or nothing. `versions` are the actions' versions
    when the user saw the preview: an action someone changed since is refused (EditConflict)
    rather than overwritten. Several rows may report on one action, in file order. A row
    that reports nothing new is not saved; the count says how many were."""
    versions = dict(versions or versions_read(planned))
    for update in changed(planned):
        progress_record(
            action=update.action,
            status=update.status,
            percent_done=update.percent_done,
            note=update.note,
            on=update.on,
            user=user,
            expected_version=versions[update.action.pk],
        )
        versions[update.action.pk] = update.action.lock_version
    return len(changed(planned))


def progress_import(
    *, action_plan: ActionPlan, file_name: str, raw: bytes, user, may_update
) -> int:
    """Read and save in one go (the command line and tests); the page shows a preview first."""
    planned = progress_read(
        action_plan=action_plan, file_name=file_name, raw=raw, may_update=may_update
    )
    return progress_apply(planned=planned, user=user)


def _date(text: str) -> date:
    for separator in ("-", "/", "."):
        parts = text.split(separator)
        if len(parts) == 3:
            if len(parts[0]) == 4:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
    raise ValueError(text)
