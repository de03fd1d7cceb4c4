"""Reads of the policy side: the cycle, the IVP and its versions, the region's shared priorities."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q

from ivp.figures import safety_picture
from ivp.figures.models import Indicator
from ivp.planning.policy.models import (
    ApproachLine,
    Objective,
    PolicyCycle,
    PolicyPlan,
    Prioritisation,
    Priority,
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


def plan_for_reader(user, municipality, year: int | None = None) -> PolicyPlan | None:
    """The integral safety plan this user reads (of the period holding `year`, if given)."""
    plans = plans_of(municipality).select_related("municipality")
    if year is not None:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    return first_readable(user, plans, "planning.view_plan")


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


def members_side_by_side(region) -> dict:
    shared = list(region.shared_priorities.select_related("theme"))
    key = Indicator.objects.filter(code=KEY_INDICATOR).prefetch_related("themes").first()
    columns = []
    for municipality in region.members.select_related("province").order_by("sort_name"):
        plan = current_plan(municipality)
        priorities = (
            list(plan.priorities.filter(kind=Priority.Kind.PRIORITEIT).select_related("theme"))
            if plan
            else []
        )
        figure = None
        if key is not None:
            picture = safety_picture.build(municipality, indicators=[key])
            figure = next(iter(picture.indicators), None)
        columns.append(
            MemberColumn(
                municipality=municipality,
                plan=plan,
                priorities=priorities,
                adopted_shared={p.shared_id for p in priorities if p.shared_id},
                key_figure=figure,
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
