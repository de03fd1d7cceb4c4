"""Pages of the uitvoeringsplan: the plan per theme with its actions table and totals, the
action form, next year's plan and the export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ivp.accounts.middleware import remember_active_municipality
from ivp.accounts.selectors import partner_organisation_names, partner_organisations
from ivp.common.access import post_only
from ivp.common.form_saving import save_and_go
from ivp.planning.execution import export as action_export
from ivp.planning.execution import lint as action_plan_checks
from ivp.planning.execution import lookback, stale
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress
from ivp.planning.execution.forms import ActionForm, ActionPlanCreateForm, LookbackForm
from ivp.planning.execution.services import actions as action_services
from ivp.planning.execution.views.lookups import for_action_plan
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.workflow.forms import AdoptForm
from ivp.planning.workflow.view_helpers import (
    adoption_views,
    plan_form_page,
    save_versioned,
)
from ivp.planning.workflow.views import findings_page
from ivp.regions.lookups import for_municipality

DOWNLOADS = {
    "json": ("application/json; charset=utf-8", lambda p: action_export.as_json(p).encode()),
    "csv": ("text/csv; charset=utf-8", action_export.as_csv),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        action_export.as_xlsx,
    ),
}


@for_municipality()
def action_plans(request, municipality):
    """The municipality's implementation plans; the coordinator starts one from the IVP."""
    visible = execution_selectors.action_plans_for_reader(request.user, municipality)
    may_create = request.user.has_perm("planning.change_cycle", municipality)
    policy_plan = policy_selectors.plan_in_force(municipality)
    form = None
    if may_create and policy_plan is not None:
        form = ActionPlanCreateForm(request.POST or None, policy_plan=policy_plan)
        went = save_and_go(
            request,
            form,
            lambda: action_services.action_plan_create(
                policy_plan=policy_plan, **form.cleaned_data
            ),
            done=lambda plan: (_("Implementation plan created."), plan),
        )
        if went:
            return went
    if request.user.has_perm("planning.view_cycle", municipality):
        remember_active_municipality(request, municipality)
    return render(
        request,
        "planning/action_plans.html",
        {
            "municipality": municipality,
            "plans": visible,
            "policy_plan": policy_plan,
            "form": form,
            "current_step": "uitvoeringsplan",
        },
    )


@for_action_plan("planning.view_action_plan")
def action_plan_detail(request, plan):
    themes = list(action_export.themes_with_actions(plan))
    may_change = request.user.has_perm("planning.change_action_plan", plan)
    actions = [a for t in themes for a in t.actions.all()]
    updatable = {a.pk for a in actions if request.user.has_perm("planning.update_progress", a)}
    stale_ids = {
        s.action.pk
        for s in stale.stale_actions(execution_selectors.actions_of(plan), timezone.localdate())
    }
    # A partner lands on the actions of its own organisation; it may read the others too.
    partner_view = (
        not may_change
        and bool(partner_organisations(request.user, plan.municipality))
        and "alle" not in request.GET
    )
    shown = {
        theme.pk: [a for a in theme.actions.all() if not partner_view or a.pk in updatable]
        for theme in themes
    }
    return render(
        request,
        "planning/action_plan.html",
        {
            "municipality": plan.municipality,
            "plan": plan,
            "themes": [
                (theme, action_export.totals(shown[theme.pk]), shown[theme.pk])
                for theme in themes
                if shown[theme.pk] or not partner_view
            ],
            "totals": action_export.totals([a for actions in shown.values() for a in actions]),
            "party_totals": action_export.party_totals(shown.values()),
            "partner_view": partner_view,
            "organisations": partner_organisation_names(request.user, plan.municipality)
            if partner_view
            else [],
            "may_change": may_change and not plan.adopted,
            "may_continue": may_change
            and plan.end_year < plan.policy_plan.end_year
            and not execution_selectors.has_plan_at(
                plan.municipality, PlanAddress(plan.end_year + 1, plan.scope)
            ),
            "updatable": updatable,
            "versions": execution_selectors.action_plan_versions(
                plan.municipality, address=PlanAddress(plan.start_year, plan.scope)
            ).order_by("version"),
            "adopt_form": AdoptForm(
                initial={"adopted_by": "college", "lock_version": plan.lock_version}
            )
            if may_change and not plan.adopted
            else None,
            "may_new_version": may_change and plan.adopted and not plan.next_versions.exists(),
            "stale_ids": stale_ids,
            "may_upload": request.user.has_perm("planning.upload_progress", plan),
            "current_step": "uitvoeringsplan",
        },
    )


@for_action_plan("planning.change_action_plan")
def action_edit(request, plan, action=None):
    item = get_object_or_404(execution_selectors.actions_of(plan), pk=action) if action else None
    themes = execution_selectors.themes_of(plan)
    initial = {"theme": request.GET.get("thema")}
    if item:
        initial = _action_values(item)
    form = ActionForm(request.POST or None, initial=initial, themes=themes, plan=plan)
    went = save_versioned(
        request,
        form,
        lambda: action_services.action_save(action=item, **form.service_arguments()),
        done=lambda saved: (_("Action “%s” saved.") % saved.item, saved),
        saved=_action_values,
    )
    return went or plan_form_page(request, "planning/action_form.html", plan, form, action=item)


def _action_values(action) -> dict:
    return {
        "theme": action.theme_id,
        "item": action.item,
        "description": action.description,
        "parties": ", ".join(action.party_names),
        "planning_text": action.planning_text,
        "owner": action.owner,
        "budget": action.budget,
        "hours": action.hours,
        "expected_result": action.expected_result,
        "objective": action.objective_id,
        "indicator": action.indicator_id,
        "status": action.status,
        "lock_version": action.lock_version,
    }


@post_only
@for_action_plan("planning.change_action_plan")
def action_plan_next_year(request, plan):
    try:
        following = action_services.action_plan_next_year(action_plan=plan)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    messages.success(
        request,
        _("Implementation plan %(period)s created; running actions are carried over.")
        % {"period": following.period},
    )
    return redirect(following)


@for_action_plan("planning.view_action_plan")
def action_plan_download(request, plan, table_format):
    if table_format not in DOWNLOADS:
        raise Http404
    content_type, write = DOWNLOADS[table_format]
    response = HttpResponse(write(plan), content_type=content_type)
    name = f"uitvoeringsplan-{plan.municipality.code}-{plan.period}.{table_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def fixed_on_adoption(plan) -> list[tuple[str, list[str]]]:
    """What the confirmation of an adoption lists: the themes, with their actions."""
    themes = list(action_export.themes_with_actions(plan))
    count = sum(len(theme.actions.all()) for theme in themes)
    lines = [
        ngettext("%(theme)s: %(count)s action", "%(theme)s: %(count)s actions", n)
        % {"theme": theme.title, "count": n}
        for theme in themes
        for n in [len(theme.actions.all())]
    ]
    return [
        (
            _("Themes (%(themes)s) and actions (%(actions)s)")
            % {"themes": len(themes), "actions": count},
            lines,
        )
    ]


action_plan_adopt, action_plan_new_version = adoption_views(
    for_action_plan("planning.change_action_plan"),
    adopt=lambda plan, data: action_services.action_plan_adopt(action_plan=plan, **data),
    new_version=lambda plan: action_services.action_plan_new_version(action_plan=plan),
    adopted=gettext_lazy(
        "The implementation plan is adopted; it now changes only through a new version."
    ),
    fixed=fixed_on_adoption,
)


@for_action_plan("planning.change_action_plan")
def theme_lookback(request, plan, theme):
    """Edit a theme's look-back; "draft" fills the box from last year's figures and actions
    (nothing is saved until the coordinator saves)."""
    item = get_object_or_404(execution_selectors.themes_of(plan), pk=theme)
    lines = lookback.draft(item.priority, plan.start_year - 1)
    saved = {
        "introduction": item.introduction,
        "lookback": item.lookback,
        "lock_version": item.lock_version,
    }
    if request.method == "POST" and request.POST.get("action") == "concept":
        data = request.POST.copy()
        data["lookback"] = lookback.as_text(lines)
        form = LookbackForm(data)
        form.is_valid()
        messages.info(request, _("The draft is in the box below; check and edit it, then save."))
    else:
        form = LookbackForm(request.POST or None, initial=saved)
        went = save_versioned(
            request,
            form,
            lambda: action_services.lookback_save(theme=item, **form.service_arguments()),
            done=lambda theme: (_("Look-back saved."), theme),
            saved=lambda t: {"introduction": t.introduction, "lookback": t.lookback},
        )
        if went:
            return went
    return plan_form_page(
        request,
        "planning/lookback_form.html",
        plan,
        form,
        theme=item,
        lines=lines,
        year=plan.start_year - 1,
    )


@for_action_plan("planning.view_action_plan")
def action_plan_lint(request, plan):
    """The linter's findings on this uitvoeringsplan and its IVP, each with how to mend it."""
    return findings_page(
        request,
        action_plan_checks.lint(plan),
        f"{plan.title} · {plan.policy_plan.title}",
        plan.get_absolute_url(),
        plan.municipality,
    )
