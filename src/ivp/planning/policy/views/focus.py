"""Inside a priority: its speerpunten (focus areas) and the shared regional priorities it works
on (links with the local contribution; removed and moved as every part, `views/removal.py`)."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from ivp.common.form_saving import save_and_go
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.forms import FocusAreaForm, RegionalLinkForm
from ivp.planning.policy.models import FocusArea, Priority
from ivp.planning.policy.services import plan as plan_services
from ivp.planning.policy.views.editing import focus_area_values
from ivp.planning.policy.views.lookups import for_plan
from ivp.planning.workflow.view_helpers import plan_form_page, save_versioned


@for_plan("planning.change_plan")
def focus_area_edit(request, plan, priority, focus_area=None):
    owner = get_object_or_404(Priority, pk=priority, plan=plan)
    item = get_object_or_404(FocusArea, pk=focus_area, priority=owner) if focus_area else None
    form = FocusAreaForm(request.POST or None, initial=focus_area_values(item) if item else {})
    went = save_versioned(
        request,
        form,
        lambda: plan_services.focus_area_save(
            priority=owner, focus_area=item, **form.service_arguments()
        ),
        done=lambda saved: (_("Focus area “%s” saved.") % saved.title, saved),
        saved=focus_area_values,
    )
    return went or plan_form_page(
        request, "planning/focus_area_form.html", plan, form, priority=owner, focus_area=item
    )


@for_plan("planning.change_plan")
def regional_link_edit(request, plan, priority):
    """Work on a shared regional priority inside this priority: it adds no priority."""
    owner = get_object_or_404(Priority, pk=priority, plan=plan)
    form = RegionalLinkForm(
        request.POST or None,
        choices=policy_selectors.linkable_shared_priorities(plan),
        priority=owner,
    )
    went = save_and_go(
        request,
        form,
        lambda: plan_services.regional_link_save(priority=owner, **form.cleaned_data),
        done=lambda link: (
            _("“%(region)s” is now worked on in “%(priority)s”.")
            % {"region": link.regional_priority.title, "priority": owner.title},
            owner,
        ),
    )
    return went or render(
        request,
        "planning/regional_link_form.html",
        {"plan": plan, "municipality": plan.municipality, "priority": owner, "form": form},
    )
