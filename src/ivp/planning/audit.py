"""Planning's share of a municipality's audit trail: the cycle, the IVP and the uitvoeringsplan
with its actions (registered in `PlanningConfig.ready()`)."""

from ivp.planning.models import (
    Action,
    ActionPlan,
    ActionPlanTheme,
    ApproachLine,
    CycleStep,
    Objective,
    PolicyCycle,
    PolicyPlan,
    Prioritisation,
    Priority,
    ThemeScore,
    WorkGroupMember,
)


def planning_histories(municipality):
    yield PolicyCycle.history.filter(municipality=municipality)
    yield CycleStep.history.filter(cycle__municipality=municipality)
    yield WorkGroupMember.history.filter(cycle__municipality=municipality)
    yield Prioritisation.history.filter(cycle__municipality=municipality)
    yield ThemeScore.history.filter(prioritisation__cycle__municipality=municipality)
    yield PolicyPlan.history.filter(municipality=municipality)
    yield Priority.history.filter(plan__municipality=municipality)
    yield Objective.history.filter(priority__plan__municipality=municipality)
    yield ApproachLine.history.filter(priority__plan__municipality=municipality)
    yield ActionPlan.history.filter(municipality=municipality)
    yield ActionPlanTheme.history.filter(action_plan__municipality=municipality)
    yield Action.history.filter(theme__action_plan__municipality=municipality)
