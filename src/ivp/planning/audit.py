"""Planning's share of a municipality's audit trail: the cycle, the IVP and the uitvoeringsplan
with its actions (registered in `PlanningConfig.ready()`)."""

from ivp.planning.models import (
    Action,
    ActionComment,
    ActionPlan,
    ActionPlanTheme,
    ApproachLine,
    Chapter,
    CycleStep,
    FocusArea,
    Objective,
    PolicyCycle,
    PolicyPlan,
    Prioritisation,
    Priority,
    ProgressUpdate,
    RegionalLink,
    ThemeScore,
    WorkGroupMember,
)

# The models with history, by the path from each to its municipality.
HISTORIES = {
    "municipality": (PolicyCycle, PolicyPlan, ActionPlan),
    "policy_plan__municipality": (Chapter,),
    "cycle__municipality": (CycleStep, WorkGroupMember, Prioritisation),
    "prioritisation__cycle__municipality": (ThemeScore,),
    "plan__municipality": (Priority,),
    "priority__plan__municipality": (FocusArea, Objective, ApproachLine, RegionalLink),
    "action_plan__municipality": (ActionPlanTheme, Chapter),
    "theme__action_plan__municipality": (Action,),
    "action__theme__action_plan__municipality": (ProgressUpdate, ActionComment),
}


def planning_histories(municipality):
    for path, models in HISTORIES.items():
        for model in models:
            yield model.history.filter(**{path: municipality})
