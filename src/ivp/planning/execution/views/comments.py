"""Posting to an action's comment thread, and marking one's news as seen."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from ivp.common.access import post_only
from ivp.planning.execution.news import mark_news_seen
from ivp.planning.execution.services.comments import comment_post
from ivp.planning.execution.views.lookups import for_action
from ivp.regions.lookups import for_municipality


@post_only
@for_action("planning.comment_action")
def action_comment(request, action):
    try:
        comment_post(action=action, user=request.user, text=request.POST.get("text", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your comment on “%s” was posted.") % action.item)
    return HttpResponseRedirect(_thread_address(action))


def _thread_address(action) -> str:
    plan = action.theme.action_plan
    url = reverse(
        "planning:action_progress", args=[plan.municipality.code, plan.address, action.pk]
    )
    if not plan.is_current:
        url += f"?versie={plan.version}"
    return url + "#reacties"


def _moment(text: str):
    """The page's moment, or None (then: now) for anything else."""
    try:
        moment = parse_datetime(text)
    except ValueError:
        return None
    return moment if moment and timezone.is_aware(moment) else None


@post_only
@for_municipality("regions.view_workspace")
def news_seen(request, municipality):
    """The news shown until the moment the page was made (`tot`) is seen."""
    mark_news_seen(request.user, municipality, until=_moment(request.POST.get("tot", "")))
    messages.success(request, _("Marked as seen."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("web:workspace", args=[municipality.code])
    return HttpResponseRedirect(target)
