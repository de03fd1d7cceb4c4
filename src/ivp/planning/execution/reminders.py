"""The periodic reminder: every coordinator gets their municipality's stale actions, every
partner the stale actions their organisation is a party to. Django's e-mail machinery sends
it (the console in the demo); run `ivp reminders` from cron, e.g. every Monday morning."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from ivp.accounts.models import Membership, Role
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution import stale
from ivp.planning.execution.models import Action


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
