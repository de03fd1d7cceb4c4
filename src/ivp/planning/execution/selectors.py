"""Reads of the uitvoeringsplannen: their versions, which one is in force or current, and which
one a reader reads."""

from ivp.planning.execution.models import Action, ActionPlan, ActionPlanTheme
from ivp.planning.workflow.models import Adoptable
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


def action_plans_in_force(*, municipality=None, policy_plan=None):
    """The only place that decides which uitvoeringsplannen are in force: of each plan, the
    adopted version that no newer adopted version replaced."""
    adopted = Adoptable.Status.VASTGESTELD
    plans = ActionPlan.objects.filter(status=adopted).exclude(next_versions__status=adopted)
    if municipality is not None:
        plans = plans.filter(municipality=municipality)
    if policy_plan is not None:
        plans = plans.filter(policy_plan=policy_plan)
    return plans.select_related("municipality", "policy_plan").order_by("start_year")


def action_plan_in_force(municipality, *, year: int) -> ActionPlan | None:
    """The uitvoeringsplan in force in `year`."""
    return (
        action_plans_in_force(municipality=municipality)
        .filter(start_year__lte=year, end_year__gte=year)
        .order_by("-start_year")
        .first()
    )


def current_action_plans(*, municipality=None, year: int | None = None):
    """Of each uitvoeringsplan its newest version, adopted or not: the one in use (of the
    plans covering `year`, if given), newest first."""
    plans = ActionPlan.objects.filter(next_versions__isnull=True)
    if municipality is not None:
        plans = plans.filter(municipality=municipality)
    if year is not None:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    return plans.select_related("municipality", "policy_plan").order_by("-start_year", "-version")


def current_action_plan(
    municipality, *, start_year: int | None = None, year: int | None = None
) -> ActionPlan | None:
    """The newest version of the uitvoeringsplan starting in (or covering) a year."""
    plans = current_action_plans(municipality=municipality, year=year)
    if start_year is not None:
        plans = plans.filter(start_year=start_year)
    return plans.first()


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
        .select_related("theme__action_plan__municipality", "theme__priority")
        .prefetch_related("party_links")
        .order_by("theme__order", "theme__pk", "order", "pk")
    )


def action_in_context(pk: int) -> Action | None:
    """One action with its plan, municipality, theme and parties, as a reader or writer needs it."""
    return (
        Action.objects.select_related("theme__action_plan__municipality", "theme__priority")
        .prefetch_related("party_links")
        .filter(pk=pk)
        .first()
    )


def themes_of(plan: ActionPlan):
    return ActionPlanTheme.objects.filter(action_plan=plan).select_related(
        "priority__plan__municipality"
    )


def has_plan_starting(municipality, year: int) -> bool:
    """Whether an uitvoeringsplan (any version) starts in `year`."""
    return ActionPlan.objects.filter(municipality=municipality, start_year=year).exists()
