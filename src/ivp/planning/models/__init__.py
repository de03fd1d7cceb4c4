"""The policy side of the cycle: cycle steps, frameworks, prioritisation, plans, the region."""

from .actions import Action, ActionPlan, ActionPlanTheme, ProgressUpdate
from .cycle import CycleStep, PolicyCycle, WorkGroupMember
from .frameworks import Framework, Party
from .plan import ApproachLine, Objective, PolicyPlan, Priority
from .prioritisation import Prioritisation, ThemeScore
from .regional import RegionalPriority

__all__ = [
    "Action",
    "ActionPlan",
    "ActionPlanTheme",
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
