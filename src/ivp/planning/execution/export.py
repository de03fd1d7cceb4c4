"""An uitvoeringsplan as rows for scripts and spreadsheets: JSON, CSV (semicolon, UTF-8 with
BOM so Excel opens it in Dutch) and XLSX. Every action with its theme, item, description,
parties, planning as written and as read, owner, budget, hours and status. The JSON is the
shape of `ivp.planning.execution.serializers` (the API's too)."""

import csv
import io
import json
from datetime import date as Date
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from ivp.common.spreadsheet_cells import csv_cell, xlsx_append
from ivp.planning.execution import action_list
from ivp.planning.execution.models import Action, ActionPlan, ActionPlanTheme
from ivp.planning.execution.selectors import actions_of
from ivp.planning.execution.serializers import ActionPlanSerializer, ActionSerializer

COLUMNS = [
    ("id", "Actie-id"),  # what a progress file names an action by
    ("theme", "Thema"),
    ("priority", "Prioriteit"),
    ("item", "Item"),
    ("description", "Maatregelen/activiteiten"),
    ("parties", "Partijen"),
    ("planning", "Planning"),
    ("planning_quarters", "Planning (kwartalen)"),
    ("planning_read", "Planning gelezen"),
    ("owner", "Trekker"),
    ("budget", "Budget (€)"),
    ("hours", "Uren"),
    ("status", "Status"),
    # Progress: what a progress file reads back ("% gereed", "toelichting"), so an export
    # filled in and uploaded changes only what was changed in it.
    ("percent_done", "% gereed"),
    ("last_update", "Laatste voortgang"),
    ("reported_by", "Gemeld door"),
    ("note", "Toelichting"),
    ("note_date", "Datum toelichting"),
]


def themes_with_actions(action_plan: ActionPlan):
    actions = Action.objects.prefetch_related("party_links").order_by("order", "pk")
    return (
        ActionPlanTheme.objects.filter(action_plan=action_plan)
        .select_related("priority__theme", "focus_area", "action_plan__municipality")
        .prefetch_related(Prefetch("actions", queryset=actions), "priority__objectives")
        .order_by("order")
    )


def action_rows(action_plan: ActionPlan, readable=None) -> list[dict]:
    """Every action, theme by theme, in the shape of `ActionSerializer` (the API's too), with
    its last progress. `readable(action)`: whether the reader may read who reported and the
    notes (None: everything, as on the command line)."""
    progress = {
        row.action.pk: row
        for row in action_list.action_rows(
            action_plan, timezone.localdate(), readable=readable or (lambda _action: True)
        )
    }
    rows = []
    for data in ActionSerializer(actions_of(action_plan), many=True).data:
        row = progress[data["id"]]
        shown = row.progress_readable
        note = row.last_note if shown else None
        rows.append(
            {
                **data,
                "percent_done": row.reported_percent if shown else None,
                "last_update": row.last_update.date if row.last_update and shown else None,
                "reported_by": row.last_update.organisation if row.last_update and shown else "",
                "note": note.note if note else "",
                "note_date": note.date if note else None,
            }
        )
    return rows


def totals(actions) -> dict:
    """Count, budget and hours of some actions, and how many have an unreadable planning."""
    return {
        "count": len(actions),
        "budget": sum((a.budget for a in actions if a.budget is not None), Decimal(0)),
        "hours": sum(a.hours or 0 for a in actions),
        "unread": sum(1 for a in actions if not a.planning_months),
    }


def party_totals(action_lists) -> list[tuple[str, dict]]:
    """Totals per party, alphabetical (case does not count); an action counts for every party
    on it."""
    by_party: dict[str, list[Action]] = {}
    for actions in action_lists:
        for action in actions:
            for party in action.ordered_parties:
                by_party.setdefault(party.name, []).append(action)
    return sorted(
        ((name, totals(acts)) for name, acts in by_party.items()), key=lambda x: x[0].casefold()
    )


def action_plan_data(action_plan: ActionPlan) -> dict:
    """The plan for scripts (`format_version` 1): its identity and every action."""
    return ActionPlanSerializer(action_plan).data


def as_json(action_plan: ActionPlan) -> str:
    return json.dumps(action_plan_data(action_plan), ensure_ascii=False, indent=2)


def _plain(value, *, decimal_comma: bool):
    """A cell as a person reads it: lists joined, yes/no in Dutch, amounts with two decimals."""
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Date):
        return value.strftime("%d-%m-%Y") if decimal_comma else value
    if decimal_comma and isinstance(value, float | Decimal):
        return f"{value:.2f}".replace(".", ",")
    return "" if value is None and decimal_comma else value


def as_csv(action_plan: ActionPlan, readable=None) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([label for _key, label in COLUMNS])
    for row in action_rows(action_plan, readable):
        writer.writerow(
            [
                csv_cell(_plain(row[key], decimal_comma=True), original=row[key])
                for key, _label in COLUMNS
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_xlsx(action_plan: ActionPlan, readable=None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"Uitvoeringsplan {action_plan.period}"[:31]
    sheet.append([label for _key, label in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in action_rows(action_plan, readable):
        xlsx_append(sheet, [_plain(row[key], decimal_comma=False) for key, _label in COLUMNS])
    sheet.freeze_panes = "A2"
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()
