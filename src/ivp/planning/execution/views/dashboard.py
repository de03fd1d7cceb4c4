"""The veiligheidsdashboard pages: a summary of the whole plan on the first screen, and per
theme its chart and tables one click away."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ivp.common import charts
from ivp.common.access import post_only
from ivp.planning.execution import dashboard
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.forms import DashboardSettingsForm
from ivp.planning.execution.models import Action
from ivp.planning.execution.services.actions import dashboard_settings_save
from ivp.planning.execution.views.lookups import for_action_plan, for_dashboard_plan
from ivp.regions.lookups import for_municipality


@for_municipality()
def municipality_dashboard(request, municipality):
    """The newest dashboard this visitor may read (published ones for everyone); when several
    plans start that year (one per priority), the choice between their dashboards."""
    plans = execution_selectors.action_plans_for_reader(
        request.user, municipality, perm="planning.view_dashboard"
    )
    newest = [plan for plan in plans if plan.start_year == plans[0].start_year] if plans else []
    if len(newest) == 1:
        return redirect("planning:dashboard", code=municipality.code, address=newest[0].address)
    return render(
        request, "planning/dashboard_none.html", {"municipality": municipality, "plans": newest}
    )


@for_dashboard_plan("planning.view_dashboard")
def dashboard_page(request, plan):
    today = timezone.localdate()
    boards = dashboard.build(plan, today)
    labels = dict(Action.Status.choices)
    sections = []
    for board in boards:
        points = [
            {"status": status, "label": str(labels[status]), "count": count}
            for status, count in board.counts.items()
        ]
        svg = (
            charts.chart_svg(charts.status_chart, points=points)
            if sum(board.counts.values())
            else ""
        )
        sections.append((board, points, svg))
    may_change = request.user.has_perm("planning.change_action_plan", plan)
    return render(
        request,
        "planning/dashboard.html",
        {
            "plan": plan,
            "municipality": plan.municipality,
            "sections": sections,
            "summary": dashboard.summarise(boards, plan.rollup_weight),
            "today": today,
            "may_read_actions": request.user.has_perm("planning.view_action_plan", plan),
            "settings_form": DashboardSettingsForm(
                initial={
                    "rollup_weight": plan.rollup_weight,
                    "dashboard_published": plan.dashboard_published,
                    "lock_version": plan.lock_version,
                }
            )
            if may_change
            else None,
            "current_step": "monitoring",
        },
    )


@post_only
@for_action_plan("planning.change_action_plan")
def dashboard_settings(request, plan):
    form = DashboardSettingsForm(request.POST, initial={"lock_version": plan.lock_version})
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        try:
            dashboard_settings_save(action_plan=plan, **form.service_arguments())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Dashboard settings saved."))
    return redirect("planning:dashboard", code=plan.municipality.code, address=plan.address)
