"""The action list of an uitvoeringsplan as the coordinator works it every day: per action its
status, % done, last report (date, organisation) and latest note, and whether it went stale;
filtered, searched and sorted; with the progress of each theme and of the whole plan."""

from dataclasses import dataclass, fields, replace
from datetime import date
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import QueryDict

from ivp.planning.execution import stale
from ivp.planning.execution.dashboard import last_reported, percent_done, rollup
from ivp.planning.execution.models import Action, ActionListChoice, ActionPlan, ProgressUpdate
from ivp.planning.execution.selectors import actions_of

# The sort orders a reader can choose, by their word in the address.
SORTS = ("plan", "status", "gereed", "bijgewerkt", "item")
PROGRESS_SORTS = ("gereed", "bijgewerkt")  # sorts by what the reports say
# Above this many actions shown, the themes start folded: the list stays a page, not a scroll;
# above the second, a folded theme is a link to its own list, so the page stays light.
FOLD_ABOVE = 25
LINK_ABOVE = 100
# A list sorted across themes comes in pages of this many.
PAGE_SIZE = 25
# Where an action stands in the status sort: what needs attention first.
STATUS_ORDER = {
    Action.Status.VERTRAAGD: 0,
    Action.Status.GEPLAND: 1,
    Action.Status.LOPEND: 2,
    Action.Status.AFGEROND: 3,
    Action.Status.GESCHRAPT: 4,
}


@dataclass(frozen=True)
class ActionFilter:
    """What the reader asked to see, as the address says it (`?status=lopend&stil=1`)."""

    thema: int | None = None
    status: str = ""
    partij: str = ""
    trekker: str = ""
    stil: bool = False
    zoek: str = ""
    sorteer: str = "plan"
    alle: bool = False  # a partner reads every action, not only their organisation's

    @classmethod
    def from_query(cls, query) -> "ActionFilter":
        """Unknown or malformed values are dropped, never an error: an old bookmark still opens."""
        theme = query.get("thema", "")
        sort = query.get("sorteer", "plan")
        status = query.get("status", "")
        return cls(
            thema=int(theme) if theme.isascii() and theme.isdigit() else None,
            status=status if status in Action.Status.values else "",
            partij=query.get("partij", "").strip()[:200],
            trekker=query.get("trekker", "").strip()[:150],
            stil=query.get("stil", "") == "1",
            zoek=query.get("zoek", "").strip()[:200],
            sorteer=sort if sort in SORTS else "plan",
            alle=query.get("alle", "") == "1",
        )

    def as_query(self) -> str:
        """The address's query for this filter; empty for the whole list in plan order."""
        default = ActionFilter()
        pairs = []
        for field in fields(self):
            value = getattr(self, field.name)
            if value == getattr(default, field.name):
                continue
            pairs.append((field.name, "1" if value is True else str(value)))
        return urlencode(pairs)

    @property
    def narrows(self) -> bool:
        """Whether it leaves actions out (a sort order alone does not)."""
        return replace(self, sorteer="plan", alle=False) != ActionFilter()

    def matches(self, row: "ActionRow") -> bool:
        action = row.action
        return (
            (self.thema is None or action.theme_id == self.thema)
            and (not self.status or action.status == self.status)
            and (not self.partij or _folded(self.partij) in map(_folded, action.party_names))
            and (not self.trekker or _folded(self.trekker) == _folded(action.owner))
            and (not self.stil or row.stale is not None)
            and (not self.zoek or _folded(self.zoek) in row.searchable)
        )


@dataclass(frozen=True)
class ActionRow:
    action: Action
    percent: float  # 0–100: done is 100, else the last percentage reported
    reported_percent: int | None  # the last percentage reported, as reported
    last_update: ProgressUpdate | None  # the newest report
    last_note: ProgressUpdate | None  # the newest report with a note
    stale: stale.StaleAction | None
    progress_readable: bool  # who reported and their notes are read only by the action's people

    @property
    def searchable(self) -> str:
        action = self.action
        note = self.last_note.note if self.last_note and self.progress_readable else ""
        words = [action.item, action.description, action.owner, note, *action.party_names]
        return _folded(" ".join(words))


@dataclass(frozen=True)
class Progress:
    """How far some actions are: their weighted % done and how many have each status."""

    percent: float | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def by_status(self) -> list[tuple[str, int]]:
        """(status label, count) of the statuses that occur, in the model's order."""
        return [
            (label, self.counts[value])
            for value, label in Action.Status.choices
            if self.counts[value]
        ]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def action_rows(plan: ActionPlan, today: date, *, readable) -> list[ActionRow]:
    """Every action of the plan in its order, with its progress and whether it went stale; a
    fixed number of queries, however many actions there are. `readable(action)` says
    whether this reader may read its reports' authors and notes."""
    newest_first = ProgressUpdate.objects.order_by("-date", "-pk")
    actions = actions_of(plan).prefetch_related(Prefetch("updates", queryset=newest_first))
    rows = []
    for action in actions:
        updates = list(action.updates.all())
        rows.append(
            ActionRow(
                action=action,
                percent=percent_done(action),
                reported_percent=reported.percent_done
                if (reported := last_reported(updates))
                else None,
                last_update=updates[0] if updates else None,
                last_note=next((u for u in updates if u.note.strip()), None),
                stale=stale.stale_or_none(action, updates[0].date if updates else None, today),
                progress_readable=readable(action),
            )
        )
    return rows


def chosen(rows: list[ActionRow], wanted: ActionFilter) -> list[ActionRow]:
    """The rows the filter lets through, in the order it asks for."""
    kept = [row for row in rows if wanted.matches(row)]
    match wanted.sorteer:
        case "status":
            kept.sort(key=lambda r: STATUS_ORDER[r.action.status])
        case "gereed":
            kept.sort(key=lambda r: r.percent)
        case "bijgewerkt":  # longest silent first: those need a word
            kept.sort(key=lambda r: r.last_update.date if r.last_update else date.min)
        case "item":
            kept.sort(key=lambda r: _folded(r.action.item))
    return kept


def progress_of(rows: list[ActionRow], weight: str) -> Progress:
    counts = {status: 0 for status in Action.Status.values}
    for row in rows:
        counts[row.action.status] += 1
    return Progress(rollup([r.action for r in rows], weight), counts)


def choices(rows: list[ActionRow]) -> dict[str, list]:
    """What the filter's lists offer: the themes, parties and owners that occur."""
    themes = {}
    for row in rows:
        themes.setdefault(row.action.theme_id, row.action.theme)
    parties = {_folded(n): n for row in rows for n in row.action.party_names}
    owners = {_folded(row.action.owner): row.action.owner for row in rows if row.action.owner}
    return {
        "themes": list(themes.values()),
        "parties": sorted(parties.values(), key=str.casefold),
        "owners": sorted(owners.values(), key=str.casefold),
    }


def remembered(user, municipality) -> ActionFilter | None:
    """The filter this user last chose for the municipality's action lists."""
    if not user.is_authenticated:
        return None
    query = (
        ActionListChoice.objects.filter(user=user, municipality=municipality)
        .values_list("query", flat=True)
        .first()
    )
    return ActionFilter.from_query(QueryDict(query)) if query else None


def remember(user, municipality, wanted: ActionFilter) -> None:
    ActionListChoice.objects.update_or_create(
        user=user, municipality=municipality, defaults={"query": wanted.as_query()}
    )
