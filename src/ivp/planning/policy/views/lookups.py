"""The policy objects a URL names, found once per request."""

from django.shortcuts import get_object_or_404

from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.models import PolicyPlan
from ivp.regions.selectors import municipality_from_code


def plan_from(request, code, pk, **kwargs) -> PolicyPlan:
    municipality = municipality_from_code(request, code)
    cached = getattr(request, "_ivp_plan", None)
    if cached is None or cached.pk != pk:
        cached = request._ivp_plan = get_object_or_404(
            policy_selectors.plans_of(municipality).select_related("municipality"), pk=pk
        )
    return cached
