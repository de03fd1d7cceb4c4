"""The periodic reminder: every coordinator gets their municipality's stale actions, every
partner the stale actions their organisation is a party to; and the weekly digest for who
wants it: per municipality the week's reports and comments by others and the stale actions.
Django's e-mail machinery sends both (the console in the demo); `ivp worker` sends them on its
weekly schedule (ivp.common.schedule), `ivp reminders` sends the reminder at once."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from ivp.accounts.models import Membership, Role, wants_weekly_digest
from ivp.common.schedule import Weekly, run_due
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution import stale
from ivp.planning.execution.models import Action, ScheduledRun
from ivp.planning.execution.news import News, followed_actions, news_between


@dataclass(frozen=True)
class Reminder:
    email: str
    username: str
    municipality: str
    actions: list[stale.StaleAction]


def reminders(today: date, municipality=None) -> list[Reminder]:
    plans = execution_selectors.current_action_plans(municipality=municipality, year=today.year)
    result = []
    for plan in plans.select_related("municipality"):
        items = stale.stale_actions(Action.objects.filter(theme__action_plan=plan), today)
        if not items:
            continue
        memberships = Membership.objects.filter(
            municipality=plan.municipality, role__in=(Role.COORDINATOR, Role.KETENPARTNER)
        ).select_related("user")
        for membership in memberships:
            user = membership.user
            if not user.email or not user.is_active:
                continue
            if membership.role == Role.COORDINATOR:
                mine = items
            else:
                organisation = membership.organisation.casefold().strip()
                mine = [
                    s
                    for s in items
                    if organisation
                    and any(
                        p.name.casefold().strip() == organisation for p in s.action.ordered_parties
                    )
                ]
            if mine:
                result.append(
                    Reminder(user.email, user.get_username(), plan.municipality.name, mine)
                )
    return result


def send_reminders(today: date, municipality=None) -> int:
    sent = 0
    for reminder in reminders(today, municipality):
        body = render_to_string(
            "planning/reminder.txt",
            {"reminder": reminder, "site": settings.IVP_SITE_URL, "weeks": stale.weeks()},
        )
        subject = _("ivp: %(count)s actions in %(municipality)s wait for an update") % {
            "count": len(reminder.actions),
            "municipality": reminder.municipality,
        }
        sent += send_mail(subject, body, None, [reminder.email])
    return sent


DIGEST_LIMIT = 30  # reports and comments per municipality; the rest is counted


@dataclass(frozen=True)
class DigestPart:
    municipality: str
    news: News
    stale: list[stale.StaleAction]


@dataclass(frozen=True)
class Digest:
    email: str
    username: str
    parts: list[DigestPart]


def digests(now: datetime) -> list[Digest]:
    """For every coordinator and partner with an e-mail address who wants the weekly summary
    (NotificationSettings), what happened in the week before `now`; nothing for a quiet week."""
    week_ago = now - timedelta(weeks=1)
    working = Membership.objects.filter(
        role__in=(Role.COORDINATOR, Role.KETENPARTNER), municipality__isnull=False
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True, memberships__in=working)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    result = []
    for user in users:
        if not wants_weekly_digest(user):
            continue
        places = {m.municipality for m in working.filter(user=user).select_related("municipality")}
        parts = [_digest_part(user, m, week_ago, now) for m in sorted(places, key=str)]
        parts = [p for p in parts if p.news.count or p.stale]
        if parts:
            result.append(Digest(user.email, user.get_username(), parts))
    return result


def _digest_part(user, municipality, since: datetime, now: datetime) -> DigestPart:
    today = timezone.localdate(now)
    plans = execution_selectors.current_action_plans(municipality=municipality, year=today.year)
    followed = followed_actions(user, municipality).filter(theme__action_plan__in=plans)
    return DigestPart(
        municipality.name,
        news_between(user, municipality, since, now, limit=DIGEST_LIMIT),
        stale.stale_actions(followed, today),
    )


def send_digests(now: datetime) -> int:
    sent = 0
    for digest in digests(now):
        body = render_to_string(
            "planning/digest.txt",
            {"digest": digest, "site": settings.IVP_SITE_URL.rstrip("/"), "weeks": stale.weeks()},
        )
        subject = _("ivp: your week in %(municipalities)s") % {
            "municipalities": ", ".join(p.municipality for p in digest.parts)
        }
        sent += send_mail(subject, body, None, [digest.email])
    return sent


def _weekly_reminders(now: datetime) -> int:
    return send_reminders(timezone.localdate(now))


WEEKLY_MAIL = {"weekly-reminders": _weekly_reminders, "weekly-digest": send_digests}


def weekly_moment() -> Weekly:
    return Weekly.parse(settings.IVP_WEEKLY_MAIL)


def send_weekly_mail(now: datetime | None = None) -> list[str]:
    """The worker's schedule tick: the reminder and the digest once per weekly moment, however
    many workers ask; the names of the jobs this call ran."""
    return run_due(ScheduledRun, WEEKLY_MAIL, weekly_moment(), now)
