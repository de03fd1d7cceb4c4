"""Reads of the policy side."""

from django.db.models import Prefetch, Q

from ivp.taxonomy.models import Theme

from .models import (
    ActionPlan,
    ApproachLine,
    Objective,
    PolicyCycle,
    PolicyPlan,
    Priority,
    RegionalPriority,
)


def current_cycle(municipality) -> PolicyCycle | None:
    return (
        PolicyCycle.objects.filter(municipality=municipality)
        .prefetch_related("steps", "work_group")
        .first()
    )


def plans_of(municipality):
    return PolicyPlan.objects.filter(municipality=municipality).order_by("-start_year", "-version")


def published_plan(municipality) -> PolicyPlan | None:
    """The plan in force: the newest adopted version (by version, not by date: an adoption
    date may be unknown, and databases sort a missing one differently)."""
    return (
        plans_of(municipality)
        .filter(status=PolicyPlan.Status.VASTGESTELD)
        .order_by("-start_year", "-version")
        .first()
    )


def current_plan(municipality) -> PolicyPlan | None:
    """What a coordinator works on: the newest version, adopted or not."""
    return plans_of(municipality).first()


def first_readable(user, versions, perm: str):
    """The first of `versions` (newest first) this user may read with `perm`: those preparing a
    plan read its newest draft, everyone else the adopted version in force until a newer one
    is adopted."""
    return next((plan for plan in versions if user.has_perm(perm, plan)), None)


def plan_for_reader(user, municipality, year: int | None = None) -> PolicyPlan | None:
    """The integral safety plan this user reads (of the period holding `year`, if given)."""
    plans = plans_of(municipality).select_related("municipality")
    if year is not None:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    return first_readable(user, plans, "planning.view_plan")


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


def plan_with_contents(pk: int) -> PolicyPlan:
    shared_lines = Prefetch("approachlines", queryset=ApproachLine.objects.order_by("order"))
    shared_objectives = Prefetch(
        "objectives", queryset=Objective.objects.select_related("indicator").order_by("order")
    )
    priorities = Priority.objects.select_related("theme", "shared__region").prefetch_related(
        "parties",
        Prefetch("objectives", queryset=Objective.objects.select_related("indicator")),
        Prefetch("approachlines", queryset=ApproachLine.objects.order_by("order")),
        Prefetch(
            "shared",
            queryset=RegionalPriority.objects.select_related("region").prefetch_related(
                shared_lines, shared_objectives, "parties"
            ),
        ),
    )
    return (
        PolicyPlan.objects.select_related("municipality", "previous")
        .prefetch_related("frameworks", Prefetch("priorities", queryset=priorities))
        .get(pk=pk)
    )


def versions_of(plan: PolicyPlan) -> list[PolicyPlan]:
    """Every version in the plan's line, oldest first."""
    first = plan
    while first.previous_id:
        first = first.previous
    line, current = [first], first
    while (following := current.next_versions.first()) is not None:
        line.append(following)
        current = following
    return line


def going_concern_themes(plan: PolicyPlan) -> list[Theme]:
    """Themes the council did not choose and the plan does not write out: the regular approach."""
    cycle = plan.cycle
    if cycle is None or not hasattr(cycle, "prioritisation"):
        return []
    prioritisation = cycle.prioritisation
    if not prioritisation.decided:
        return []
    taken = plan.priorities.exclude(theme=None).values("theme_id")
    chosen = prioritisation.scores.filter(chosen=True).values("theme_id")
    return list(
        Theme.objects.filter(field__version__is_current=True)
        .exclude(Q(pk__in=taken) | Q(pk__in=chosen))
        .exclude(adaptations__municipality=plan.municipality, adaptations__hidden=True)
        .select_related("field")
        .order_by("field__number", "order")
    )


def shared_priorities_of(region):
    return region.shared_priorities.select_related("theme").prefetch_related(
        "parties",
        Prefetch("objectives", queryset=Objective.objects.select_related("indicator")),
        Prefetch("approachlines", queryset=ApproachLine.objects.order_by("order")),
        Prefetch("adoptions", queryset=Priority.objects.select_related("plan__municipality")),
    )


def adoptable_shared_priorities(plan: PolicyPlan):
    adopted = plan.priorities.exclude(shared=None).values("shared_id")
    return (
        RegionalPriority.objects.filter(region__members=plan.municipality)
        .exclude(pk__in=adopted)
        .select_related("region")
    )
