"""The region: shared priorities and the members side by side."""

from datetime import date

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.forms import (
    SharedPriorityForm,
)
from ivp.planning.policy.models import (
    Objective,
    RegionalPriority,
)
from ivp.planning.policy.selectors import members_side_by_side
from ivp.planning.policy.services.regional import regional_priority_save
from ivp.planning.policy.views.editing import (
    objective_form,
    shared_values,
)
from ivp.planning.workflow.view_helpers import save_versioned
from ivp.regions.lookups import for_region


@for_region("planning.view_shared_priorities")
def shared_priorities(request, region):
    return render(
        request,
        "planning/shared_priorities.html",
        {
            "region": region,
            "shared": policy_selectors.shared_priorities_of(region),
            "may_change": request.user.has_perm("planning.change_shared_priorities", region),
            "may_compare": request.user.has_perm("planning.view_region_members", region),
        },
    )


@for_region("planning.change_shared_priorities")
def shared_priority_edit(request, region, shared=None):
    item = get_object_or_404(RegionalPriority, pk=shared, region=region) if shared else None
    initial = {"start_year": date.today().year, "end_year": date.today().year + 3}
    if item:
        initial = shared_values(item)
    form = SharedPriorityForm(request.POST or None, initial=initial)
    went = save_versioned(
        request,
        form,
        lambda: regional_priority_save(region=region, shared=item, **form.service_arguments()),
        done=lambda saved: (
            _("Shared priority “%s” saved.") % saved.title,
            reverse("planning:shared_priorities", args=[region.code]),
        ),
        saved=shared_values,
    )
    return went or render(
        request,
        "planning/shared_priority_form.html",
        {"region": region, "shared": item, "form": form},
    )


@for_region("planning.change_shared_priorities")
def shared_objective_edit(request, region, shared, shared_objective=None):
    owner = get_object_or_404(RegionalPriority, pk=shared, region=region)
    item = (
        get_object_or_404(Objective, pk=shared_objective, regional_priority=owner)
        if shared_objective
        else None
    )
    return objective_form(
        request,
        item,
        owner={"regional_priority": owner},
        municipality=None,
        done=reverse("planning:shared_priorities", args=[region.code]),
        saved=_("Shared objective saved; it shows in every member's plan."),
        context={"region": region, "priority": owner},
    )


@for_region("planning.view_region_members")
def region_members(request, region):
    return render(
        request,
        "planning/region_members.html",
        {"region": region, **members_side_by_side(region)},
    )
