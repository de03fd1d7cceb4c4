"""What is new for a person in a municipality: progress reports and comments by others on the
actions they follow (all of the municipality's for its coordinator, their parties' for a
partner), since they last marked their news as seen, or in a given period for the digest."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ivp.accounts.models import NewsVisit
from ivp.accounts.rules import is_beheerder, is_coordinator_of
from ivp.accounts.selectors import partner_organisations
from ivp.planning.execution.models import (
    Action,
    ActionComment,
    ActionParty,
    ActionPlan,
    ProgressUpdate,
)

LIMIT = 20
# Who never marked their news as seen sees the last four weeks.
NEVER_SEEN = timedelta(weeks=4)


@dataclass(frozen=True)
class NewsItem:
    kind: str  # "report" or "comment"
    when: datetime
    organisation: str
    action: Action
    text: str
    status: str = ""  # a report's status, as shown
    percent_done: int | None = None
    of_current_plan: bool = True  # else its address names the plan's version

    @property
    def is_report(self) -> bool:
        return self.kind == "report"

    @property
    def url(self) -> str:
        """The action's progress page, where its reports and its thread are."""
        plan = self.action.theme.action_plan
        url = reverse(
            "planning:action_progress", args=[plan.municipality.code, plan.address, self.action.pk]
        )
        if not self.of_current_plan:
            url += f"?versie={plan.version}"
        return url + ("" if self.is_report else "#reacties")


@dataclass(frozen=True)
class News:
    items: list[NewsItem]  # newest first, at most the limit
    count: int  # all of them
    since: datetime
    until: datetime

    @property
    def more(self) -> int:
        return self.count - len(self.items)


def last_visit(user, municipality) -> datetime | None:
    return (
        NewsVisit.objects.filter(user=user, municipality=municipality)
        .values_list("seen_at", flat=True)
        .first()
    )


def news_since_last_visit(user, municipality, *, limit: int = LIMIT, now=None) -> News:
    now = now or timezone.now()
    since = last_visit(user, municipality) or now - NEVER_SEEN
    return news_between(user, municipality, since, now, limit=limit)


@transaction.atomic
def mark_news_seen(user, municipality, *, until: datetime | None = None) -> None:
    """Everything up to `until` (the moment the news shown was read; now without it) is seen;
    a report made while the person read stays new. Never moves back."""
    now = timezone.now()
    seen = min(until, now) if until else now
    visit, made = NewsVisit.objects.select_for_update().get_or_create(
        user=user, municipality=municipality, defaults={"seen_at": seen}
    )
    if not made and visit.seen_at < seen:
        visit.seen_at = seen
        visit.save(update_fields=["seen_at"])


def followed_actions(user, municipality):
    """The actions whose news is this person's: all of the municipality's for its coordinator
    (and the beheerder), those of their organisations' parties for a partner."""
    actions = Action.objects.filter(theme__action_plan__municipality=municipality)
    if is_beheerder(user) or is_coordinator_of(user, municipality):
        return actions
    mine = partner_organisations(user, municipality)
    if not mine:
        return actions.none()
    links = ActionParty.objects.filter(action__in=actions).values_list("action_id", "party__name")
    return actions.filter(pk__in={pk for pk, name in links if name.casefold().strip() in mine})


def news_between(user, municipality, since, until, *, limit: int = LIMIT) -> News:
    """Reports and comments by others on the followed actions, `since` < made ≤ `until`."""
    actions = followed_actions(user, municipality)
    window = {"action__in": actions, "created_at__gt": since, "created_at__lte": until}
    related = ("action__theme__action_plan__municipality",)
    reports = ProgressUpdate.objects.filter(**window).exclude(user=user).select_related(*related)
    comments = ActionComment.objects.filter(**window).exclude(user=user).select_related(*related)
    count = reports.count() + comments.count()
    reports = list(reports.order_by("-created_at", "-pk")[:limit])
    comments = list(comments.order_by("-created_at", "-pk")[:limit])
    replaced = _replaced_plans({r.action.theme.action_plan_id for r in [*reports, *comments]})
    items = [_report_item(u, replaced) for u in reports]
    items += [_comment_item(c, replaced) for c in comments]
    items.sort(key=lambda item: item.when, reverse=True)
    return News(items[:limit], count, since, until)


def _replaced_plans(plan_ids: set[int]) -> set[int]:
    """Of these uitvoeringsplannen, those with a newer version (one query for all)."""
    return set(
        ActionPlan.objects.filter(pk__in=plan_ids, next_versions__isnull=False).values_list(
            "pk", flat=True
        )
    )


def _report_item(update: ProgressUpdate, replaced: set[int]) -> NewsItem:
    return NewsItem(
        kind="report",
        when=update.created_at,
        organisation=update.organisation,
        action=update.action,
        text=update.note,
        status=update.get_status_display(),
        percent_done=update.percent_done,
        of_current_plan=update.action.theme.action_plan_id not in replaced,
    )


def _comment_item(comment: ActionComment, replaced: set[int]) -> NewsItem:
    return NewsItem(
        kind="comment",
        when=comment.created_at,
        organisation=comment.organisation,
        action=comment.action,
        text=comment.text,
        of_current_plan=comment.action.theme.action_plan_id not in replaced,
    )
