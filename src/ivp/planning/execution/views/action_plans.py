"""Pages of the uitvoeringsplan: the plan per theme with its actions table and totals, the
action form, next year's plan and the export."""

from dataclasses import replace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ivp.accounts.middleware import remember_active_municipality
from ivp.accounts.selectors import partner_organisation_names, partner_organisations
from ivp.common.access import post_only
from ivp.common.form_saving import save_and_go
from ivp.planning.execution import action_list, lookback, stale
from ivp.planning.execution import export as action_export
from ivp.planning.execution import lint as action_plan_checks
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress
from ivp.planning.execution.forms import ActionForm, ActionPlanCreateForm, LookbackForm
from ivp.planning.execution.models import Action
from ivp.planning.execution.news import news_since_last_visit
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
    "json": ("application/json; charset=utf-8", lambda p, _r: action_export.as_json(p).encode()),
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
    """The action list: the coordinator's daily home, a partner's own actions."""
    wanted = action_list.ActionFilter.from_query(request.GET)
    if not request.GET:
        kept = action_list.remembered(request.user, plan.municipality)
        if kept is not None and kept.as_query():
            return redirect(f"{plan.get_absolute_url()}{_joined(plan)}{kept.as_query()}")
    may_change = request.user.has_perm("planning.change_action_plan", plan)
    rows = action_list.action_rows(
        plan,
        timezone.localdate(),
        readable=lambda a: request.user.has_perm("planning.view_progress", a),
    )
    updatable = {
        r.action.pk for r in rows if request.user.has_perm("planning.update_progress", r.action)
    }
    # A partner lands on the actions of its own organisation; it may read the others too.
    partner_view = (
        not may_change
        and bool(partner_organisations(request.user, plan.municipality))
        and not wanted.alle
    )
    # the reports' figures are for the action's people: a reader who may not read them all
    # sees no percentages, nor the sorts that would give them away
    progress_open = all(r.progress_readable for r in rows)
    if not progress_open and wanted.sorteer in action_list.PROGRESS_SORTS:
        wanted = replace(wanted, sorteer="plan")
    offered = action_list.choices(rows)
    if wanted.thema not in {t.pk for t in offered["themes"]}:
        wanted = replace(wanted, thema=None)
    mine = [r for r in rows if not partner_view or r.action.pk in updatable]
    shown = action_list.chosen(mine, wanted)
    themes = execution_selectors.themes_with_objectives(plan)
    return render(
        request,
        "planning/action_plan.html",
        {
            "municipality": plan.municipality,
            "plan": plan,
            "wanted": wanted,
            "rows": shown,
            "grouped": _grouped(themes, shown, keep_empty=not wanted.narrows and not partner_view)
            if wanted.sorteer == "plan"
            else None,
            "page": Paginator(shown, action_list.PAGE_SIZE).get_page(request.GET.get("pagina")),
            "page_query": wanted.as_query(),
            "folded": len(shown) > action_list.FOLD_ABOVE,
            "linked": len(shown) > action_list.LINK_ABOVE and wanted.thema is None,
            "overall": action_list.progress_of(mine, plan.rollup_weight),
            "offered": offered,
            "statuses": Action.Status.choices,
            "sorts": [
                (value, label)
                for value, label in _sort_labels()
                if progress_open or value not in action_list.PROGRESS_SORTS
            ],
            "progress_open": progress_open,
            "totals": action_export.totals([r.action for r in shown]),
            "party_totals": action_export.party_totals([[r.action for r in shown]]),
            "stale_count": sum(1 for r in mine if r.stale),
            "partner_view": partner_view,
            "news": news_since_last_visit(request.user, plan.municipality, limit=5)
            if partner_view
            else None,
            "organisations": partner_organisation_names(request.user, plan.municipality)
            if partner_view
            else [],
            "may_change": may_change and not plan.adopted,
            "may_move": may_change and not plan.adopted and not wanted.narrows,
            "weeks": stale.weeks(),
            "notes_readable": any(r.progress_readable for r in shown),
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
            "may_upload": request.user.has_perm("planning.upload_progress", plan),
            "current_step": "uitvoeringsplan",
        },
    )


def _joined(plan) -> str:
    """What joins a query to the plan's address (an older version's carries one already)."""
    return "&" if "?" in plan.get_absolute_url() else "?"


def _grouped(themes, rows, *, keep_empty: bool) -> list[tuple]:
    """The rows under their themes, in plan order, each theme with its progress; a theme
    without rows only if `keep_empty` (a filter that emptied it leaves it out)."""
    by_theme: dict[int, list] = {}
    for row in rows:
        by_theme.setdefault(row.action.theme_id, []).append(row)
    return [
        (
            theme,
            action_list.progress_of(by_theme.get(theme.pk, []), theme.action_plan.rollup_weight),
            by_theme.get(theme.pk, []),
        )
        for theme in themes
        if keep_empty or theme.pk in by_theme
    ]


def _sort_labels() -> list[tuple[str, str]]:
    return [
        ("plan", _("plan order (per theme)")),
        ("status", _("status: delayed first")),
        ("gereed", _("percentage done: least first")),
        ("bijgewerkt", _("last update: oldest first")),
        ("item", _("item (A–Z)")),
    ]


@post_only
@for_action_plan("planning.view_action_plan")
def action_list_filter(request, plan):
    """The filter form: remembered for this user, then shown in the address."""
    wanted = action_list.ActionFilter.from_query({} if "wis" in request.POST else request.POST)
    if request.user.is_authenticated:
        action_list.remember(request.user, plan.municipality, wanted)
    query = wanted.as_query()
    return redirect(f"{plan.get_absolute_url()}{_joined(plan) + query if query else ''}#acties")


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
    readable = lambda action: request.user.has_perm("planning.view_progress", action)  # noqa: E731
    response = HttpResponse(write(plan, readable), content_type=content_type)
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
