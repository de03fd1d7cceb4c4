"""Reads of the uitvoeringsplannen: their versions, and which one a reader reads."""

from ivp.planning.execution.models import Action, ActionPlan
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


def actions_of(action_plan: ActionPlan):
    """Its actions theme by theme, in the plan's order, ready to be shown or exported."""
    return (
        Action.objects.filter(theme__action_plan=action_plan)
        .select_related("theme__priority")
        .prefetch_related("parties")
        .order_by("theme__order", "theme__pk", "order", "pk")
    )


def action_in_context(pk: int) -> Action | None:
    """One action with its plan, municipality, theme and parties, as a reader or writer needs it."""
    return (
        Action.objects.select_related("theme__action_plan__municipality", "theme__priority")
        .prefetch_related("parties")
        .filter(pk=pk)
        .first()
    )
