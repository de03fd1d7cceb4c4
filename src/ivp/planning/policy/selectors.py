"""Reads of the policy side: the cycle, the IVP and its versions, the region's shared priorities."""

from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Subquery

from ivp.figures import safety_picture
from ivp.figures.models import Indicator
from ivp.planning.policy import ranking
from ivp.planning.policy.models import (
    ApproachLine,
    FocusArea,
    Objective,
    PolicyCycle,
    PolicyPlan,
    Prioritisation,
    Priority,
    RegionalLink,
    RegionalPriority,
)
from ivp.planning.workflow.selectors import first_readable
from ivp.taxonomy.models import Theme


def current_cycle(municipality) -> PolicyCycle | None:
    return (
        PolicyCycle.objects.filter(municipality=municipality)
        .prefetch_related("steps", "work_group")
        .first()
    )


def prioritisation_of(cycle: PolicyCycle) -> Prioritisation:
    """The cycle's prioritisation; `cycle_create` made it (and migration 0004 for older cycles)."""
    return Prioritisation.objects.select_related("cycle__municipality").get(cycle=cycle)


def cycle_has_plan(cycle: PolicyCycle) -> bool:
    return PolicyPlan.objects.filter(cycle=cycle).exists()


def plans_of(municipality):
    return PolicyPlan.objects.filter(municipality=municipality).order_by("-start_year", "-version")


def _of_year(plans, year: int | None):
    return plans if year is None else plans.filter(start_year__lte=year, end_year__gte=year)


def plan_in_force(municipality, *, year: int | None = None) -> PolicyPlan | None:
    """The only place that decides which integral safety plan is in force: the newest adopted
    version (of the period holding `year`, if given), by version, not by date: an adoption
    date may be unknown, and databases sort a missing one differently."""
    return (
        _of_year(plans_of(municipality), year).filter(status=PolicyPlan.Status.VASTGESTELD).first()
    )


def current_plan(municipality, *, year: int | None = None) -> PolicyPlan | None:
    """What a coordinator works on: the newest version (of the period holding `year`), adopted
    or not."""
    return _of_year(plans_of(municipality), year).first()


def current_plans(municipalities) -> dict[int, PolicyPlan]:
    """`current_plan` of several municipalities, by municipality pk, in one query."""
    newest = plans_of(OuterRef("municipality")).values("pk")[:1]
    return {
        plan.municipality_id: plan
        for plan in PolicyPlan.objects.filter(municipality__in=municipalities, pk=Subquery(newest))
    }


def _priorities_by_plan(plans) -> dict[int, list[Priority]]:
    """The priorities (not the other kinds) of each plan, by plan pk, in their order."""
    by_plan: dict[int, list[Priority]] = {}
    for priority in (
        Priority.objects.filter(plan__in=plans, kind=Priority.Kind.PRIORITEIT)
        .select_related("theme")
        .prefetch_related("regional_links")
    ):
        by_plan.setdefault(priority.plan_id, []).append(priority)
    return by_plan


def plan_for_reader(user, municipality, year: int | None = None) -> PolicyPlan | None:
    """The integral safety plan this user reads (of the period holding `year`, if given)."""
    plans = plans_of(municipality).select_related("municipality")
    if year is not None:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    return first_readable(user, plans, "planning.view_plan")


def _ordered(model, **filters):
    return model.objects.filter(**filters).order_by("order", "pk")


def plan_with_contents(pk: int) -> PolicyPlan:
    """The plan with everything a page or document shows, in the plan's order. A priority's
    `own_objectives` and `own_lines` are those outside its speerpunten."""
    shared_lines = Prefetch("approachlines", queryset=_ordered(ApproachLine))
    shared_objectives = Prefetch(
        "objectives", queryset=_ordered(Objective).select_related("indicator")
    )
    objectives = _ordered(Objective).select_related("indicator").prefetch_related("themes")
    focus_areas = _ordered(FocusArea).prefetch_related(
        "party_links",
        Prefetch("objectives", queryset=objectives),
        Prefetch("approachlines", queryset=_ordered(ApproachLine)),
    )
    links = (
        RegionalLink.objects.select_related("regional_priority__region", "focus_area")
        .prefetch_related(Prefetch("regional_priority__objectives", queryset=_ordered(Objective)))
        .order_by("order", "pk")
    )
    priorities = Priority.objects.select_related("theme", "shared__region").prefetch_related(
        "party_links",
        "frameworks",
        "extra_themes__field",
        Prefetch("objectives", queryset=objectives),
        Prefetch(
            "objectives", queryset=objectives.filter(focus_area=None), to_attr="own_objectives"
        ),
        Prefetch(
            "approachlines",
            queryset=_ordered(ApproachLine, focus_area=None),
            to_attr="own_lines",
        ),
        Prefetch("focus_areas", queryset=focus_areas),
        Prefetch("regional_links", queryset=links),
        Prefetch(
            "shared",
            queryset=RegionalPriority.objects.select_related("region").prefetch_related(
                shared_lines, shared_objectives, "party_links"
            ),
        ),
    )
    return (
        PolicyPlan.objects.select_related("municipality", "previous")
        .prefetch_related(
            "frameworks",
            Prefetch("going_concern", queryset=Theme.objects.order_by("field__number", "order")),
            Prefetch("priorities", queryset=priorities),
        )
        .get(pk=pk)
    )


def going_concern_themes(plan: PolicyPlan) -> list[Theme]:
    """The themes the plan names as regular work (going concern), in the taxonomy's order."""
    return list(plan.going_concern.select_related("field").order_by("field__number", "order"))


SUGGESTED_GOING_CONCERN = 5


def going_concern_suggestion(plan: PolicyPlan) -> list[Theme]:
    """A suggestion to start from: the themes the prioritisation ranked right after the chosen
    ones, that no priority of the plan covers."""
    cycle = plan.cycle
    prioritisation = getattr(cycle, "prioritisation", None) if cycle else None
    if prioritisation is None or not prioritisation.scores.exists():
        return []
    covered = {t.pk for p in plan.priorities.all() for t in p.themes}
    rows = [r for r in ranking.rank(prioritisation) if not r.chosen and r.theme_id not in covered]
    return list(Theme.objects.filter(pk__in=[r.theme_id for r in rows[:SUGGESTED_GOING_CONCERN]]))


def linkable_shared_priorities(plan: PolicyPlan):
    """The shared priorities of the regions the municipality belongs to."""
    return (
        RegionalPriority.objects.filter(region__members=plan.municipality)
        .select_related("region")
        .order_by("region__name", "order", "pk")
    )


@dataclass
class RegionalContext:
    """A region's own priorities in a member's plan, each marked with where the municipality
    works on it (linked into its priorities, or adopted as a priority of its own)."""

    region: object
    rows: list[tuple[RegionalPriority, list[Priority]]]


def regional_context(plan: PolicyPlan) -> list[RegionalContext]:
    where: dict[int, list[Priority]] = {}
    for priority in plan.priorities.all():
        if priority.shared_id:
            where.setdefault(priority.shared_id, []).append(priority)
        for link in priority.regional_links.all():
            where.setdefault(link.regional_priority_id, []).append(priority)
    shared = linkable_shared_priorities(plan)
    regions: dict[int, RegionalContext] = {}
    for item in shared:
        context = regions.setdefault(item.region_id, RegionalContext(item.region, []))
        context.rows.append((item, where.get(item.pk, [])))
    return list(regions.values())


def shared_priorities_of(region):
    return region.shared_priorities.select_related("theme").prefetch_related(
        "party_links",
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


# The members of a region side by side: what each prioritises, how far each covers the shared
# priorities, and their key figures from the analysis.
KEY_INDICATOR = "misdrijven-totaal"


@dataclass
class MemberColumn:
    municipality: object
    plan: PolicyPlan | None
    priorities: list[Priority]
    adopted_shared: set[int]
    key_figure: object | None  # safety_picture.IndicatorPicture of the key indicator

    @property
    def themes(self) -> list[str]:
        return sorted({p.theme.name for p in self.priorities if p.theme})


def _worked_on(priorities) -> set[int]:
    """The shared priorities a member works on: adopted as its own or linked into its own."""
    shared = {p.shared_id for p in priorities if p.shared_id}
    return shared | {
        link.regional_priority_id for p in priorities for link in p.regional_links.all()
    }


def members_side_by_side(region) -> dict:
    """Each member's current plan, its priorities and the key figure, in a fixed number of
    queries however many members the region has."""
    shared = list(region.shared_priorities.select_related("theme"))
    key = Indicator.objects.filter(code=KEY_INDICATOR).prefetch_related("themes").first()
    members = list(region.members.select_related("province").order_by("sort_name"))
    plans = current_plans(members)
    priorities = _priorities_by_plan(list(plans.values()))
    pictures = safety_picture.build_many(members, [key]) if key is not None else []
    columns = []
    for index, municipality in enumerate(members):
        plan = plans.get(municipality.pk)
        own = priorities.get(plan.pk, []) if plan else []
        columns.append(
            MemberColumn(
                municipality=municipality,
                plan=plan,
                priorities=own,
                adopted_shared=_worked_on(own),
                key_figure=next(iter(pictures[index].indicators), None) if pictures else None,
            )
        )
    themes = sorted({name for column in columns for name in column.themes})
    return {
        "columns": columns,
        "shared": shared,
        "theme_rows": [(name, [name in column.themes for column in columns]) for name in themes],
        "shared_rows": [
            (item, [item.pk in column.adopted_shared for column in columns]) for item in shared
        ],
    }
