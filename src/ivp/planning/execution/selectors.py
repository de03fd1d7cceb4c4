"""Reads of the uitvoeringsplannen: their versions, which one is in force or current, and which
one a reader reads."""

from ivp.planning.execution.address import PlanAddress
from ivp.planning.execution.models import Action, ActionPlan, ActionPlanTheme
from ivp.planning.workflow.models import Adoptable
from ivp.planning.workflow.selectors import first_readable


def _at(address: PlanAddress) -> dict:
    """The filter for the plan an address names."""
    return {"start_year": address.year, "scope": address.scope}


def action_plan_versions(municipality, *, address=None, year: int | None = None):
    """Every version of the uitvoeringsplan an address names (a PlanAddress), or of those
    covering a year, newest first."""
    versions = ActionPlan.objects.select_related("municipality", "policy_plan").filter(
        municipality=municipality
    )
    if address is not None:
        versions = versions.filter(**_at(address))
    if year is not None:
        versions = versions.filter(start_year__lte=year, end_year__gte=year)
    return versions.order_by("-start_year", "scope", "-version")


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


def current_action_plans(*, municipality=None, year: int | None = None):
    """Of each uitvoeringsplan its newest version, adopted or not: the one in use (of the
    plans covering `year`, if given), newest first."""
    plans = ActionPlan.objects.filter(next_versions__isnull=True)
    if municipality is not None:
        plans = plans.filter(municipality=municipality)
    if year is not None:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    return plans.select_related("municipality", "policy_plan").order_by(
        "-start_year", "scope", "-version"
    )


def current_action_plan(municipality, address) -> ActionPlan | None:
    """The newest version of the uitvoeringsplan an address names (a PlanAddress)."""
    return current_action_plans(municipality=municipality).filter(**_at(address)).first()


class NoSuchActionPlan(LookupError):
    """No plan with that address; the message (Dutch) names the ones there are that year."""


def action_plan_addressed(municipality, address: PlanAddress) -> ActionPlan:
    """The newest version of the plan with this address; given a year alone, else the only plan
    running that year. Several plans that year and none named: NoSuchActionPlan naming them."""
    plan = current_action_plan(municipality, address)
    if plan is not None:
        return plan
    year, scope = address
    running = [] if scope else list(current_action_plans(municipality=municipality, year=year))
    if len(running) == 1:
        return running[0]
    if running:
        addresses = ", ".join(p.address for p in running)
        raise NoSuchActionPlan(
            f"{municipality.name} heeft in {year} {len(running)} uitvoeringsplannen ({addresses});"
            " kies er één met --plan."
        )
    named = f"uitvoeringsplan {address}" if scope else f"uitvoeringsplan voor {year}"
    raise NoSuchActionPlan(f"{municipality.name} heeft geen {named} in ivp.")


def action_plan_for_reader(
    user, municipality, address, perm="planning.view_action_plan"
) -> ActionPlan | None:
    return first_readable(user, action_plan_versions(municipality, address=address), perm)


def action_plans_for_reader(user, municipality, perm="planning.view_action_plan") -> list:
    """Each uitvoeringsplan (by its address) in the version this user reads; newest first."""
    by_address: dict[tuple, list] = {}
    for plan in action_plan_versions(municipality):
        by_address.setdefault((plan.start_year, plan.scope), []).append(plan)
    readable = (first_readable(user, versions, perm) for versions in by_address.values())
    return [plan for plan in readable if plan is not None]


def actions_of(action_plan: ActionPlan):
    """Its actions theme by theme, in the plan's order, ready to be shown or exported."""
    return (
        Action.objects.filter(theme__action_plan=action_plan)
        .select_related("theme__action_plan__municipality", "theme__priority", "theme__focus_area")
        .prefetch_related("party_links")
        .order_by("theme__order", "theme__pk", "order", "pk")
    )


def action_in_context(pk: int) -> Action | None:
    """One action with its plan, municipality, theme and parties, as a reader or writer needs it."""
    return (
        Action.objects.select_related(
            "theme__action_plan__municipality", "theme__priority", "theme__focus_area"
        )
        .prefetch_related("party_links")
        .filter(pk=pk)
        .first()
    )


def themes_of(plan: ActionPlan):
    return ActionPlanTheme.objects.filter(action_plan=plan).select_related(
        "priority__plan__municipality"
    )


def has_plan_at(municipality, address) -> bool:
    """Whether an uitvoeringsplan (any version) has this address."""
    return ActionPlan.objects.filter(municipality=municipality, **_at(address)).exists()


def plans_covering(municipality, first_year: int, last_year: int):
    """The newest versions of the uitvoeringsplannen running in any of these years, with their
    themes."""
    plans = current_action_plans(municipality=municipality).filter(
        start_year__lte=last_year, end_year__gte=first_year
    )
    return plans.prefetch_related("themes__priority", "themes__focus_area")


def themes_with_objectives(plan: ActionPlan):
    """Its themes in the plan's order, with what a theme's heading and introduction show."""
    return (
        ActionPlanTheme.objects.filter(action_plan=plan)
        .select_related("priority", "focus_area", "action_plan")
        .prefetch_related("priority__objectives")
        .order_by("order", "pk")
    )
