"""The policy cycle: its steps and work group."""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.accounts.middleware import remember_active_municipality
from ivp.common.access import post_only
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.forms import (
    CycleForm,
    StepForm,
    WorkGroupForm,
)
from ivp.planning.policy.models import (
    CycleStep,
    WorkGroupMember,
)
from ivp.planning.policy.services import cycle as cycle_services
from ivp.planning.workflow.view_helpers import save_versioned
from ivp.regions.lookups import for_municipality


@for_municipality("planning.view_cycle")
def cycle_overview(request, municipality):
    remember_active_municipality(request, municipality)
    cycle = policy_selectors.current_cycle(municipality)
    may_change = request.user.has_perm("planning.change_cycle", municipality)
    form = CycleForm(request.POST or None) if may_change and cycle is None else None
    if form is not None and request.method == "POST" and form.is_valid():
        cycle_services.cycle_create(municipality=municipality, **form.cleaned_data)
        messages.success(request, _("Policy cycle created with its seven steps."))
        return redirect("planning:cycle", code=municipality.code)
    today = date.today()
    steps = [(step, step.lateness(today)) for step in cycle.steps.all()] if cycle else []
    work_group = list(cycle.work_group.all()) if cycle else []
    return render(
        request,
        "planning/cycle.html",
        {
            "municipality": municipality,
            "cycle": cycle,
            "steps": steps,
            "late": [s for s, lateness in steps if lateness == "late"],
            "work_group": work_group,
            "hours_budgeted": sum(s.hours_budgeted or 0 for s, _l in steps),
            "hours_spent": sum(s.hours_spent for s, _l in steps),
            "form": form,
            "may_change": may_change,
            "work_group_form": WorkGroupForm() if may_change and cycle else None,
            "current_step": "startnotitie",
        },
    )


@for_municipality("planning.change_cycle")
def step_edit(request, municipality, kind):
    cycle = policy_selectors.current_cycle(municipality)
    if cycle is None:
        raise Http404
    step = get_object_or_404(CycleStep, cycle=cycle, kind=kind)

    def values(step):
        fields = (*cycle_services.STEP_FIELDS, "lock_version")
        return {**{name: getattr(step, name) for name in fields}, **StepForm.periods_of(step)}

    form = StepForm(request.POST or None, initial=values(step))
    went = save_versioned(
        request,
        form,
        lambda: cycle_services.step_update(step=step, **form.service_arguments()),
        done=lambda _step: (
            _("Step “%s” saved.") % step.get_kind_display(),
            reverse("planning:cycle", args=[municipality.code]),
        ),
        saved=values,
    )
    return went or render(
        request,
        "planning/step_form.html",
        {"municipality": municipality, "step": step, "form": form, "current_step": kind},
    )


@post_only
@for_municipality("planning.change_cycle")
def work_group_add(request, municipality):
    cycle = policy_selectors.current_cycle(municipality)
    if cycle is None:
        raise Http404
    form = WorkGroupForm(request.POST)
    if form.is_valid():
        cycle_services.work_group_add(cycle=cycle, **form.cleaned_data)
        messages.success(request, _("Work group member added."))
    else:
        messages.error(
            request, _("Fill in the role and the organisation of the work group member.")
        )
    return redirect("planning:cycle", code=municipality.code)


@post_only
@for_municipality("planning.change_cycle")
def work_group_remove(request, municipality, member):
    item = get_object_or_404(WorkGroupMember, pk=member, cycle__municipality=municipality)
    cycle_services.work_group_remove(member=item)
    messages.success(request, _("“%s” removed from the work group.") % item)
    return redirect("planning:cycle", code=municipality.code)
