"""Pages of the policy side: the cycle, the prioritisation matrix, the plan and the region."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.accounts.middleware import remember_active_municipality
from ivp.common.access import permission_required, post_only, public
from ivp.common.importing import ImportFileError
from ivp.regions.selectors import municipality_from_code, region_from_code

from . import export, ranking, selectors
from .forms import (
    AdoptForm,
    AdoptSharedForm,
    ChoiceForm,
    CycleForm,
    ObjectiveForm,
    PlanCreateForm,
    PlanForm,
    PrioritisationForm,
    PriorityForm,
    SharedPriorityForm,
    StepForm,
    SurveyUploadForm,
    WorkGroupForm,
)
from .models import (
    CycleStep,
    Objective,
    PolicyPlan,
    Priority,
    RegionalPriority,
    WorkGroupMember,
)
from .region_view import members_side_by_side
from .services import cycle as cycle_services
from .services import plan as plan_services
from .services import prioritisation as prioritisation_services
from .services.regional import regional_priority_save
from .services.survey import survey_scores_import
from .view_helpers import adopt_and_return, form_error, new_version_and_go


def plan_from(request, code, pk, **kwargs) -> PolicyPlan:
    municipality = municipality_from_code(request, code)
    cached = getattr(request, "_ivp_plan", None)
    if cached is None or cached.pk != pk:
        cached = request._ivp_plan = get_object_or_404(
            PolicyPlan.objects.select_related("municipality"), pk=pk, municipality=municipality
        )
    return cached


def _approach_and_parties(owner) -> dict:
    """The form values a priority and a shared priority have alike."""
    return {
        "approach": "\n".join(line.text for line in owner.approachlines.all()),
        "parties": ", ".join(p.name for p in owner.parties.all()),
        "lock_version": owner.lock_version,
    }


def _priority_values(priority) -> dict:
    return {
        "title": priority.title,
        "kind": priority.kind,
        "theme": priority.theme,
        "description": priority.description,
        "ambition": priority.ambition,
        **_approach_and_parties(priority),
    }


OBJECTIVE_FIELDS = (
    "text",
    "qualitative",
    "indicator",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "lock_version",
)


def _objective_form(request, item, *, owner, municipality, done, saved, context):
    """The objective of a municipal or a shared regional priority: one form, one service."""
    initial = _objective_values(item) if item else {}
    form = ObjectiveForm(request.POST or None, initial=initial, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.objective_save(
                objective=item,
                expected_version=form.expected_version(),
                **owner,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_error(form, error, _objective_values)
        else:
            messages.success(request, saved)
            return redirect(done)
    return render(
        request, "planning/objective_form.html", {**context, "objective": item, "form": form}
    )


def _shared_values(shared) -> dict:
    return {
        "title": shared.title,
        "theme": shared.theme,
        "start_year": shared.start_year,
        "end_year": shared.end_year,
        "description": shared.description,
        **_approach_and_parties(shared),
    }


def _objective_values(objective) -> dict:
    return {name: getattr(objective, name) for name in OBJECTIVE_FIELDS}


# --- the cycle ---------------------------------------------------------------------------


@permission_required("planning.view_cycle", fn=municipality_from_code)
def cycle_overview(request, code):
    municipality = municipality_from_code(request, code)
    remember_active_municipality(request, municipality)
    cycle = selectors.current_cycle(municipality)
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


@permission_required("planning.change_cycle", fn=municipality_from_code)
def step_edit(request, code, kind):
    municipality = municipality_from_code(request, code)
    cycle = selectors.current_cycle(municipality)
    if cycle is None:
        raise Http404
    step = get_object_or_404(CycleStep, cycle=cycle, kind=kind)

    def values(step):
        return {name: getattr(step, name) for name in (*cycle_services.STEP_FIELDS, "lock_version")}

    form = StepForm(request.POST or None, initial=values(step))
    if request.method == "POST" and form.is_valid():
        try:
            cycle_services.step_update(
                step=step, expected_version=form.expected_version(), **form.cleaned_data
            )
        except ValidationError as error:
            form_error(form, error, values)
        else:
            messages.success(request, _("Step “%s” saved.") % step.get_kind_display())
            return redirect("planning:cycle", code=municipality.code)
    return render(
        request,
        "planning/step_form.html",
        {"municipality": municipality, "step": step, "form": form, "current_step": kind},
    )


@post_only
@permission_required("planning.change_cycle", fn=municipality_from_code)
def work_group_add(request, code):
    municipality = municipality_from_code(request, code)
    cycle = selectors.current_cycle(municipality)
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
@permission_required("planning.change_cycle", fn=municipality_from_code)
def work_group_remove(request, code, member):
    municipality = municipality_from_code(request, code)
    item = get_object_or_404(WorkGroupMember, pk=member, cycle__municipality=municipality)
    cycle_services.work_group_remove(member=item)
    messages.success(request, _("“%s” removed from the work group.") % item)
    return redirect("planning:cycle", code=municipality.code)


# --- prioritisation ------------------------------------------------------------------------


@permission_required("planning.view_cycle", fn=municipality_from_code)
def prioritisation(request, code):
    municipality = municipality_from_code(request, code)
    remember_active_municipality(request, municipality)
    cycle = selectors.current_cycle(municipality)
    if cycle is None:
        return render(
            request,
            "planning/prioritisation.html",
            {"municipality": municipality, "cycle": None, "current_step": "prioritering"},
        )
    prioritisation = prioritisation_services.prioritisation_for(cycle)
    rows = ranking.rank(prioritisation)
    may_change = request.user.has_perm("planning.change_cycle", municipality)
    initial = {f"weight_{k}": v for k, v in prioritisation.weights.items()}
    initial.update(
        first_year=prioritisation.first_year,
        last_year=prioritisation.last_year,
        survey_source=prioritisation.survey_source,
        professional_source=prioritisation.professional_source,
        professional_scale=prioritisation.professional_scale,
        frameworks=list(prioritisation.frameworks.all()),
    )
    for row in rows:
        initial[f"score_subjective_{row.theme_id}"] = row.subjective_percentage
        initial[f"score_professional_{row.theme_id}"] = row.professional_score
    action = request.POST.get("action") if request.method == "POST" else None
    if action and not may_change:
        raise Http404
    settings_form = PrioritisationForm(
        request.POST if action == "scores" else None, initial=initial, theme_rows=rows
    )
    choice_form = ChoiceForm(
        request.POST if action == "choice" else None,
        initial={
            "themes": [r.theme_id for r in rows if r.chosen],
            "decided_on": prioritisation.decided_on,
            "decided_by": prioritisation.decided_by or "gemeenteraad",
            "decision_reference": prioritisation.decision_reference,
        },
        theme_rows=rows,
    )
    upload_form = SurveyUploadForm(
        request.POST if action == "import" else None, request.FILES if action == "import" else None
    )
    problems = []
    if action == "import" and upload_form.is_valid():
        upload = upload_form.cleaned_data["file"]
        try:
            count = survey_scores_import(
                prioritisation=prioritisation, file_name=upload.name, raw=upload.read()
            )
        except ImportFileError as error:
            problems = error.problems
        else:
            messages.success(
                request,
                _("%(count)s themes updated from %(file)s.")
                % {"count": count, "file": upload.name},
            )
            return redirect("planning:prioritisation", code=municipality.code)
    if action == "scores" and settings_form.is_valid():
        try:
            prioritisation_services.prioritisation_update(
                prioritisation=prioritisation,
                frameworks=settings_form.cleaned_data["frameworks"],
                scores=settings_form.scores(),
                **settings_form.settings(),
            )
        except ValidationError as error:
            form_error(settings_form, error)
        else:
            messages.success(request, _("Weights and scores saved; the ranking is updated."))
            return redirect("planning:prioritisation", code=municipality.code)
    if action == "choice" and choice_form.is_valid():
        try:
            prioritisation_services.priorities_choose(
                prioritisation=prioritisation,
                theme_ids=choice_form.cleaned_data["themes"],
                decided_on=choice_form.cleaned_data["decided_on"],
                decided_by=choice_form.cleaned_data["decided_by"],
                decision_reference=choice_form.cleaned_data["decision_reference"],
                confirm_more=choice_form.cleaned_data["confirm_more"],
            )
        except ValidationError as error:
            form_error(choice_form, error)
        else:
            messages.success(request, _("The council's choice is recorded."))
            return redirect("planning:prioritisation", code=municipality.code)
    return render(
        request,
        "planning/prioritisation.html",
        {
            "municipality": municipality,
            "cycle": cycle,
            "prioritisation": prioritisation,
            "rows": rows,
            "criteria": ranking.CRITERIA,
            "chosen": [r for r in rows if r.chosen],
            "frameworks": ranking.frameworks_for(prioritisation),
            "settings_form": settings_form,
            "choice_form": choice_form,
            "upload_form": upload_form,
            "problems": problems,
            "may_change": may_change,
            "has_plan": cycle.plans.exists(),
            "current_step": "prioritering",
        },
    )


# --- the plan ------------------------------------------------------------------------------


@public
def plan_page(request, code):
    """The municipality's plan: the adopted one for everyone; the draft for those preparing it."""
    municipality = municipality_from_code(request, code)
    plan = selectors.current_plan(municipality)
    if plan is not None and request.user.has_perm("planning.view_plan", plan):
        return redirect(plan)
    published = selectors.published_plan(municipality)
    if published is not None:
        return redirect(published)
    may_create = request.user.has_perm("planning.change_cycle", municipality)
    cycle = selectors.current_cycle(municipality)
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


@permission_required("planning.view_plan", fn=plan_from)
def plan_detail(request, code, pk):
    plan = selectors.plan_with_contents(plan_from(request, code, pk).pk)
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
            "going_concern": selectors.going_concern_themes(plan),
            "versions": [
                v
                for v in selectors.versions_of(plan)
                if request.user.has_perm("planning.view_plan", v)
            ],
            "may_change": may_change,
            "may_edit": may_change and not plan.adopted,
            "may_new_version": may_change and plan.adopted and not plan.next_versions.exists(),
            "adopt_form": AdoptForm(initial={"lock_version": plan.lock_version})
            if may_change and not plan.adopted
            else None,
            "shared_form": (
                AdoptSharedForm(choices=selectors.adoptable_shared_priorities(plan))
                if may_change and not plan.adopted
                else None
            ),
            "too_many": len(priorities) > prioritisation_services.MOST_PRIORITIES,
            "current_step": "veiligheidsplan",
        },
    )


@permission_required("planning.change_plan", fn=plan_from)
def plan_edit(request, code, pk):
    plan = plan_from(request, code, pk)

    def values(plan):
        return {name: getattr(plan, name) for name in (*plan_services.PLAN_FIELDS, "lock_version")}

    initial = values(plan)
    initial["frameworks"] = list(plan.frameworks.all())
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.plan_update(
                plan=plan, expected_version=form.expected_version(), **form.cleaned_data
            )
        except ValidationError as error:
            form_error(form, error, values)
        else:
            messages.success(request, _("Plan saved."))
            return redirect(plan)
    return render(
        request,
        "planning/plan_form.html",
        {"plan": plan, "form": form, "municipality": plan.municipality},
    )


@permission_required("planning.change_plan", fn=plan_from)
def priority_edit(request, code, pk, priority=None):
    plan = plan_from(request, code, pk)
    item = get_object_or_404(Priority, pk=priority, plan=plan) if priority else None
    initial = {}
    if item:
        initial = _priority_values(item)
    elif request.GET.get("soort") == Priority.Kind.OVERIG:
        initial = {"kind": Priority.Kind.OVERIG}
    form = PriorityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = plan_services.priority_save(
                plan=plan,
                priority=item,
                title=data["title"],
                kind=data["kind"],
                theme=data["theme"],
                description=data["description"],
                ambition=data["ambition"],
                parties=form.party_names(),
                approach=form.approach_lines(),
                confirm_more=data["confirm_more"],
                expected_version=form.expected_version(),
            )
        except ValidationError as error:
            form_error(form, error, _priority_values)
        else:
            messages.success(request, _("Priority “%s” saved.") % saved.title)
            return redirect(f"{plan.get_absolute_url()}#prioriteit-{saved.pk}")
    return render(
        request,
        "planning/priority_form.html",
        {"plan": plan, "priority": item, "form": form, "municipality": plan.municipality},
    )


@permission_required("planning.change_plan", fn=plan_from)
def objective_edit(request, code, pk, priority, objective=None):
    plan = plan_from(request, code, pk)
    owner = get_object_or_404(Priority, pk=priority, plan=plan)
    item = get_object_or_404(Objective, pk=objective, priority=owner) if objective else None
    return _objective_form(
        request,
        item,
        owner={"priority": owner},
        municipality=plan.municipality,
        done=f"{plan.get_absolute_url()}#prioriteit-{owner.pk}",
        saved=_("Objective saved."),
        context={"plan": plan, "priority": owner, "municipality": plan.municipality},
    )


@post_only
@permission_required("planning.change_plan", fn=plan_from)
def shared_adopt(request, code, pk):
    plan = plan_from(request, code, pk)
    form = AdoptSharedForm(request.POST, choices=selectors.adoptable_shared_priorities(plan))
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
            return redirect(f"{plan.get_absolute_url()}#prioriteit-{priority.pk}")
    else:
        messages.error(request, _("Choose a shared regional priority."))
    return redirect(plan)


@post_only
@permission_required("planning.change_plan", fn=plan_from)
def plan_adopt(request, code, pk):
    plan = plan_from(request, code, pk)
    return adopt_and_return(
        request,
        plan,
        lambda data: plan_services.plan_adopt(plan=plan, **data),
        _("The plan is adopted; it now changes only through a new version."),
    )


@post_only
@permission_required("planning.change_plan", fn=plan_from)
def plan_new_version(request, code, pk):
    plan = plan_from(request, code, pk)
    return new_version_and_go(request, plan, lambda: plan_services.plan_new_version(plan=plan))


@permission_required("planning.view_plan", fn=plan_from)
def plan_compare(request, code, pk):
    plan = plan_from(request, code, pk)
    versions = [
        v for v in selectors.versions_of(plan) if request.user.has_perm("planning.view_plan", v)
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


@permission_required("planning.view_plan", fn=plan_from)
def plan_download(request, code, pk, export_format):
    plan = plan_from(request, code, pk)
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


# --- the region ----------------------------------------------------------------------------


@permission_required("planning.view_shared_priorities", fn=region_from_code)
def shared_priorities(request, region):
    region = region_from_code(request, region)
    return render(
        request,
        "planning/shared_priorities.html",
        {
            "region": region,
            "shared": selectors.shared_priorities_of(region),
            "may_change": request.user.has_perm("planning.change_shared_priorities", region),
            "may_compare": request.user.has_perm("planning.view_region_members", region),
        },
    )


@permission_required("planning.change_shared_priorities", fn=region_from_code)
def shared_priority_edit(request, region, shared=None):
    region = region_from_code(request, region)
    item = get_object_or_404(RegionalPriority, pk=shared, region=region) if shared else None
    initial = {"start_year": date.today().year, "end_year": date.today().year + 3}
    if item:
        initial = _shared_values(item)
    form = SharedPriorityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = regional_priority_save(
                region=region,
                shared=item,
                title=data["title"],
                theme=data["theme"],
                start_year=data["start_year"],
                end_year=data["end_year"],
                description=data["description"],
                parties=form.party_names(),
                approach=form.approach_lines(),
                expected_version=form.expected_version(),
            )
        except ValidationError as error:
            form_error(form, error, _shared_values)
        else:
            messages.success(request, _("Shared priority “%s” saved.") % saved.title)
            return redirect("planning:shared_priorities", region=region.code)
    return render(
        request,
        "planning/shared_priority_form.html",
        {"region": region, "shared": item, "form": form},
    )


@permission_required("planning.change_shared_priorities", fn=region_from_code)
def shared_objective_edit(request, region, shared, shared_objective=None):
    region = region_from_code(request, region)
    owner = get_object_or_404(RegionalPriority, pk=shared, region=region)
    item = (
        get_object_or_404(Objective, pk=shared_objective, regional_priority=owner)
        if shared_objective
        else None
    )
    return _objective_form(
        request,
        item,
        owner={"regional_priority": owner},
        municipality=None,
        done=reverse("planning:shared_priorities", args=[region.code]),
        saved=_("Shared objective saved; it shows in every member's plan."),
        context={"region": region, "priority": owner},
    )


@permission_required("planning.view_region_members", fn=region_from_code)
def region_members(request, region):
    region = region_from_code(request, region)
    return render(
        request,
        "planning/region_members.html",
        {"region": region, **members_side_by_side(region)},
    )
