"""The integral safety plan: reading, editing, adoption, versions and exports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ivp.accounts.middleware import remember_active_municipality
from ivp.common.access import post_only
from ivp.planning.policy import export
from ivp.planning.policy import lint as policy_lint
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.forms import (
    AdoptSharedForm,
    PlanCreateForm,
    PlanForm,
    PriorityForm,
)
from ivp.planning.policy.models import (
    Objective,
    Priority,
)
from ivp.planning.policy.services import plan as plan_services
from ivp.planning.policy.services import prioritisation as prioritisation_services
from ivp.planning.policy.views.editing import objective_form, priority_values
from ivp.planning.policy.views.lookups import for_plan
from ivp.planning.workflow import selectors as workflow_selectors
from ivp.planning.workflow.forms import AdoptForm
from ivp.planning.workflow.view_helpers import (
    adoption_views,
    plan_form_page,
    save_versioned,
)
from ivp.planning.workflow.views import findings_page
from ivp.regions.lookups import for_municipality


@for_municipality()
def plan_page(request, municipality):
    """The municipality's plan: the adopted one for everyone; the draft for those preparing it."""
    plan = policy_selectors.current_plan(municipality)
    if plan is not None and request.user.has_perm("planning.view_plan", plan):
        return redirect(plan)
    published = policy_selectors.plan_in_force(municipality)
    if published is not None:
        return redirect(published)
    may_create = request.user.has_perm("planning.change_cycle", municipality)
    cycle = policy_selectors.current_cycle(municipality)
    form = None
    if may_create:
        initial = {}
        if cycle:
            initial = {
                "title": _("Integral safety plan %(name)s %(start)s–%(end)s")
                % {
                    "name": municipality.name,
                    "start": cycle.plan_start_year,
                    "end": cycle.plan_end_year,
                },
                "start_year": cycle.plan_start_year,
                "end_year": cycle.plan_end_year,
            }
        form = PlanCreateForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            chosen = []
            if cycle and hasattr(cycle, "prioritisation"):
                chosen = [
                    s.theme
                    for s in cycle.prioritisation.scores.filter(chosen=True).select_related("theme")
                ]
            plan = plan_services.plan_create(
                municipality=municipality, cycle=cycle, chosen_themes=chosen, **form.cleaned_data
            )
            messages.success(request, _("Draft plan created."))
            return redirect(plan)
    return render(
        request,
        "planning/plan_none.html",
        {"municipality": municipality, "form": form, "current_step": "veiligheidsplan"},
    )


@for_plan("planning.view_plan")
def plan_detail(request, plan):
    plan = policy_selectors.plan_with_contents(plan.pk)
    may_change = request.user.has_perm("planning.change_plan", plan)
    if request.user.has_perm("planning.view_cycle", plan.municipality):
        remember_active_municipality(request, plan.municipality)
    priorities = [p for p in plan.priorities.all() if p.kind == Priority.Kind.PRIORITEIT]
    return render(
        request,
        "planning/plan_detail.html",
        {
            "municipality": plan.municipality,
            "plan": plan,
            "priorities": priorities,
            "others": [p for p in plan.priorities.all() if p.kind == Priority.Kind.OVERIG],
            "going_concern": policy_selectors.going_concern_themes(plan),
            "regional_context": policy_selectors.regional_context(plan),
            "versions": [
                v
                for v in workflow_selectors.versions_of(plan)
                if request.user.has_perm("planning.view_plan", v)
            ],
            "may_change": may_change,
            "may_edit": may_change and not plan.adopted,
            "may_new_version": may_change and plan.adopted and not plan.next_versions.exists(),
            "adopt_form": AdoptForm(initial={"lock_version": plan.lock_version})
            if may_change and not plan.adopted
            else None,
            "shared_form": (
                AdoptSharedForm(choices=policy_selectors.adoptable_shared_priorities(plan))
                if may_change and not plan.adopted
                else None
            ),
            "too_many": len(priorities) > prioritisation_services.MOST_PRIORITIES,
            "current_step": "veiligheidsplan",
        },
    )


@for_plan("planning.change_plan")
def plan_edit(request, plan):

    def values(plan):
        return {name: getattr(plan, name) for name in (*plan_services.PLAN_FIELDS, "lock_version")}

    initial = values(plan)
    initial["frameworks"] = list(plan.frameworks.all())
    initial["going_concern"] = list(plan.going_concern.all())
    form = PlanForm(request.POST or None, initial=initial, municipality=plan.municipality)
    suggestion = policy_selectors.going_concern_suggestion(plan)
    if suggestion and not initial["going_concern"]:
        form.fields["going_concern"].help_text += " " + _(
            "Suggested from the prioritisation (ranked right after the chosen themes): %s."
        ) % ", ".join(t.name for t in suggestion)
    went = save_versioned(
        request,
        form,
        lambda: plan_services.plan_update(plan=plan, **form.service_arguments()),
        done=lambda _saved: (_("Plan saved."), plan),
        saved=values,
    )
    return went or plan_form_page(request, "planning/plan_form.html", plan, form)


@for_plan("planning.change_plan")
def priority_edit(request, plan, priority=None):
    item = get_object_or_404(Priority, pk=priority, plan=plan) if priority else None
    initial = {}
    if item:
        initial = priority_values(item)
    elif request.GET.get("soort") == Priority.Kind.OVERIG:
        initial = {"kind": Priority.Kind.OVERIG}
    form = PriorityForm(request.POST or None, initial=initial, municipality=plan.municipality)
    went = save_versioned(
        request,
        form,
        lambda: plan_services.priority_save(plan=plan, priority=item, **form.service_arguments()),
        done=lambda saved: (_("Priority “%s” saved.") % saved.title, saved),
        saved=priority_values,
    )
    return went or plan_form_page(request, "planning/priority_form.html", plan, form, priority=item)


@for_plan("planning.change_plan")
def objective_edit(request, plan, priority, objective=None):
    owner = get_object_or_404(Priority, pk=priority, plan=plan)
    item = get_object_or_404(Objective, pk=objective, priority=owner) if objective else None
    return objective_form(
        request,
        item,
        owner={"priority": owner},
        municipality=plan.municipality,
        done=owner.get_absolute_url(),
        saved=_("Objective saved."),
        context={"plan": plan, "priority": owner, "municipality": plan.municipality},
    )


@post_only
@for_plan("planning.change_plan")
def shared_adopt(request, plan):
    form = AdoptSharedForm(request.POST, choices=policy_selectors.adoptable_shared_priorities(plan))
    if form.is_valid():
        try:
            priority = plan_services.shared_priority_adopt(
                plan=plan,
                shared=form.cleaned_data["shared"],
                confirm_more=form.cleaned_data["confirm_more"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Shared priority “%s” adopted.") % priority.title)
            return redirect(priority)
    else:
        messages.error(request, _("Choose a shared regional priority."))
    return redirect(plan)


def fixed_on_adoption(plan) -> list[tuple[str, list[str]]]:
    """What the confirmation of an adoption lists: the plan's parts that become fixed."""
    plan = policy_selectors.plan_with_contents(plan.pk)
    priorities = list(plan.priorities.all())
    chosen = [p.title for p in priorities if p.kind == Priority.Kind.PRIORITEIT]
    others = [p.title for p in priorities if p.kind == Priority.Kind.OVERIG]
    objectives = [f"{p.title}: {o.text}" for p in priorities for o in p.objectives.all()]
    frameworks = [f.name for f in plan.frameworks.all()]
    return [
        (_("Priorities (%(count)s)") % {"count": len(chosen)}, chosen),
        (_("Other themes (%(count)s)") % {"count": len(others)}, others),
        (_("Objectives (%(count)s)") % {"count": len(objectives)}, objectives),
        (_("Frameworks (%(count)s)") % {"count": len(frameworks)}, frameworks),
    ]


plan_adopt, plan_new_version = adoption_views(
    for_plan("planning.change_plan"),
    adopt=lambda plan, data: plan_services.plan_adopt(plan=plan, **data),
    new_version=lambda plan: plan_services.plan_new_version(plan=plan),
    adopted=gettext_lazy("The plan is adopted; it now changes only through a new version."),
    fixed=fixed_on_adoption,
)


@for_plan("planning.view_plan")
def plan_compare(request, plan):
    versions = [
        v
        for v in workflow_selectors.versions_of(plan)
        if request.user.has_perm("planning.view_plan", v)
    ]
    other_pk = request.GET.get("met")
    other = next((v for v in versions if str(v.pk) == other_pk), None)
    if other is None:
        other = plan.previous if plan.previous in versions else None
    rows = export.compare(other, plan) if other else []
    return render(
        request,
        "planning/plan_compare.html",
        {
            "plan": plan,
            "other": other,
            "versions": versions,
            "rows": rows,
            "municipality": plan.municipality,
        },
    )


@for_plan("planning.view_plan")
def plan_download(request, plan, export_format):
    name = f"ivp-{plan.municipality.code}-{plan.start_year}-{plan.end_year}-v{plan.version}"
    if export_format == "json":
        response = HttpResponse(
            export.plan_json(plan), content_type="application/json; charset=utf-8"
        )
    elif export_format == "md":
        response = HttpResponse(
            export.plan_markdown(plan), content_type="text/markdown; charset=utf-8"
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{export_format}"'
    return response


@for_plan("planning.view_plan")
def plan_lint(request, plan):
    """The linter's findings on an integral safety plan (also while it is drafted)."""
    return findings_page(
        request, policy_lint.lint(plan), plan.title, plan.get_absolute_url(), plan.municipality
    )
