"""Every model of the planning app, for Django and for the apps above planning.

The models live with their part of the cycle: `policy.models` (cycle, frameworks, prioritisation,
the IVP, regional priorities), `execution.models` (uitvoeringsplan, actions, progress) and
`workflow.models` (what both plans share: drafts, adoption, versions).
"""

from ivp.planning.execution.models import Action, ActionPlan, ActionPlanTheme, ProgressUpdate
from ivp.planning.policy.models import (
    ApproachLine,
    CycleStep,
    Framework,
    Objective,
    Party,
    PolicyCycle,
    PolicyPlan,
    Prioritisation,
    Priority,
    RegionalPriority,
    ThemeScore,
    WorkGroupMember,
)
from ivp.planning.workflow.models import Adoptable

__all__ = [
    "Action",
    "ActionPlan",
    "ActionPlanTheme",
    "Adoptable",
    "ApproachLine",
    "CycleStep",
    "Framework",
    "Objective",
    "Party",
    "PolicyCycle",
    "PolicyPlan",
    "Prioritisation",
    "Priority",
    "ProgressUpdate",
    "RegionalPriority",
    "ThemeScore",
    "WorkGroupMember",
]
