"""The policy objects an address names, found once and handed to the view with the permission
check: `@for_plan(perm)` gives the view `plan` for `<gm:code>/veiligheidsplan/<int:pk>/`."""

from django.shortcuts import get_object_or_404

from ivp.common.access import with_object
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.models import PolicyPlan
from ivp.regions.lookups import municipality_named


def plan_numbered(code: str, pk: int) -> PolicyPlan:
    municipality = municipality_named(code)
    return get_object_or_404(
        policy_selectors.plans_of(municipality).select_related("municipality"), pk=pk
    )


def for_plan(perm: str):
    return with_object("plan", plan_numbered, perm)
