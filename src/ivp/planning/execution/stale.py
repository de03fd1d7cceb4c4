"""Which actions have gone stale: still open, and either not updated for a number of weeks or
past the last month of their planning. Listed per owner and per party for the reminders."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Max

from ivp.planning.execution.models import Action

OPEN = (Action.Status.GEPLAND, Action.Status.LOPEND, Action.Status.VERTRAAGD)


@dataclass(frozen=True)
class StaleAction:
    action: Action
    last_update: date | None
    overdue: bool  # the planned period has passed
    silent: bool  # no update for the set number of weeks

    @property
    def reasons(self) -> list[str]:
        return [r for r, on in (("overdue", self.overdue), ("silent", self.silent)) if on]


def weeks() -> int:
    return getattr(settings, "IVP_STALE_WEEKS", 6)


def stale_actions(actions, today: date) -> list[StaleAction]:
    """`actions`: a queryset; one query for their last updates, however many there are."""
    rows = (
        actions.filter(status__in=OPEN)
        .annotate(last_update=Max("updates__date"))
        .select_related("theme__action_plan__municipality", "theme__priority", "theme__focus_area")
        .prefetch_related("party_links")
    )
    found = (stale_or_none(action, action.last_update, today) for action in rows)
    return [item for item in found if item is not None]


def stale_or_none(action: Action, last_update: date | None, today: date) -> StaleAction | None:
    """Whether one action went stale, given the date of its last update."""
    if action.status not in OPEN:
        return None
    limit = today - timedelta(weeks=weeks())
    month = f"{today.year}-{today.month:02d}"
    overdue = bool(action.planning_months) and action.planning_months[-1] < month
    silent = last_update is None or last_update < limit
    return StaleAction(action, last_update, overdue, silent) if overdue or silent else None


def by_party(stale: list[StaleAction]) -> dict[str, list[StaleAction]]:
    grouped = defaultdict(list)
    for item in stale:
        for party in item.action.ordered_parties:
            grouped[party.name].append(item)
    return dict(sorted(grouped.items(), key=lambda entry: entry[0].casefold()))


def by_owner(stale: list[StaleAction]) -> dict[str, list[StaleAction]]:
    grouped = defaultdict(list)
    for item in stale:
        grouped[item.action.owner or "—"].append(item)
    return dict(sorted(grouped.items()))
