"""Reads of the uitvoeringsplannen: their versions, and which one a reader reads."""

from ivp.planning.execution.models import Action, ActionPlan, ActionPlanTheme
from ivp.planning.workflow.selectors import first_readable


def action_plan_versions(municipality, *, start_year: int | None = None, year: int | None = None):
    """Every version of the uitvoeringsplannen starting in (or covering) a year, newest first."""
    versions = ActionPlan.objects.select_related("municipality", "policy_plan").filter(
        municipality=municipality
    )
    if start_year is not None:
        versions = versions.filter(start_year=start_year)
    if year is not None:
        versions = versions.filter(start_year__lte=year, end_year__gte=year)
    return versions.order_by("-start_year", "-version")


def action_plan_for_reader(
    user, municipality, *, start_year=None, year=None, perm="planning.view_action_plan"
) -> ActionPlan | None:
    return first_readable(
        user, action_plan_versions(municipality, start_year=start_year, year=year), perm
    )


def action_plans_for_reader(user, municipality, perm="planning.view_action_plan") -> list:
    """One uitvoeringsplan per starting year, in the version this user reads; newest first."""
    by_year: dict[int, list] = {}
    for plan in action_plan_versions(municipality):
        by_year.setdefault(plan.start_year, []).append(plan)
    readable = (first_readable(user, versions, perm) for versions in by_year.values())
    return [plan for plan in readable if plan is not None]


def actions_of(plan: ActionPlan):
    return Action.objects.filter(theme__action_plan=plan).select_related(
        "theme__action_plan__municipality", "theme__priority"
    )


def themes_of(plan: ActionPlan):
    return ActionPlanTheme.objects.filter(action_plan=plan).select_related(
        "priority__plan__municipality"
    )


def has_plan_starting(municipality, year: int) -> bool:
    """Whether an uitvoeringsplan (any version) starts in `year`."""
    return ActionPlan.objects.filter(municipality=municipality, start_year=year).exists()
