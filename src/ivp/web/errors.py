"""Error pages in Dutch, in the site's frame, never a bare server page."""

import re

from django.conf import settings
from django.shortcuts import render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy, pgettext
from rules.permissions import permissions

# Who a permission's rule lets in, by the names of the predicates it is made of
# (ivp.accounts.rules, ivp.planning.rules); a name not here says nothing about roles.
ROLES_OF_PREDICATES = {
    "is_superuser": gettext_lazy("the administrator (beheerder)"),
    "has_role_coordinator": gettext_lazy("the municipality's coordinator OOV"),
    "coordinates_plan": gettext_lazy("the municipality's coordinator OOV"),
    "coordinates_action": gettext_lazy("the municipality's coordinator OOV"),
    "coordinates_update": gettext_lazy("the municipality's coordinator OOV"),
    "may_start_cycle_of": gettext_lazy("the municipality's coordinator OOV"),
    "may_follow_upload": gettext_lazy("the municipality's coordinator OOV"),
    "has_role_coordinator_ketenpartner_regiocoordinator": gettext_lazy(
        "the coordinator OOV, the partner organisations and the regional coordinator of the "
        "municipality"
    ),
    "prepares_plan": gettext_lazy("those who prepare the plan (coordinator OOV and partners)"),
    "is_party_to": gettext_lazy("a partner organisation that is a party to the action"),
    "has_partner_role_for_action_plan": gettext_lazy(
        "the partner organisations of the municipality"
    ),
    "reported_it": gettext_lazy("whoever reported it"),
    "coordinates_region": gettext_lazy("the region's coordinator"),
    "coordinates_a_member": gettext_lazy("the coordinator of a municipality of the region"),
    "plan_is_published": gettext_lazy("everyone, once the plan is published"),
    "dashboard_is_published": gettext_lazy("everyone, once the dashboard is published"),
}


def forbidden(request, exception=None):
    """Says why: not logged in (with a link to log in and come back), or which roles may do
    this; and links back to where the person came from."""
    context = {"status": 403, "page_help": ""}  # the refused page's help is not for them
    if request.user.is_authenticated:
        context["allowed_roles"] = _allowed_roles(request)
        context["back_url"] = _came_from(request)
    else:
        next_page = urlencode({"next": request.get_full_path()})
        context["login_url"] = f"{resolve_url(settings.LOGIN_URL)}?{next_page}"
    return render(request, "web/error.html", context, status=403)


def not_found(request, exception=None):
    return render(request, "web/error.html", {"status": 404, "page_help": ""}, status=404)


def server_error(request):
    return render(request, "web/error_500.html", status=500)


def _allowed_roles(request) -> str:
    """'the administrator and the municipality's coordinator OOV', from the permission the
    refusing view asked (empty when it is not known)."""
    match = getattr(request, "resolver_match", None)
    permission = getattr(getattr(match, "func", None), "ivp_access", "")
    rule = permissions.get(permission) if isinstance(permission, str) else None
    if rule is None:
        return ""
    said = []
    for name in re.findall(r"[a-z_]+", rule.name):
        role = ROLES_OF_PREDICATES.get(name)
        if role is not None and str(role) not in said:
            said.append(str(role))
    return get_text_list(said, pgettext("list", "and")) if said else ""


def _came_from(request) -> str:
    """The page the link was followed from, when it is one of this site's."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""
