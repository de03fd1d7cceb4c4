"""The policy side of the cycle: cycle steps, frameworks, prioritisation, the IVP, the region."""

from ivp.planning.policy.models.cycle import CycleStep, PolicyCycle, WorkGroupMember
from ivp.planning.policy.models.frameworks import Framework, Party
from ivp.planning.policy.models.objectives import ApproachLine, Objective
from ivp.planning.policy.models.plan import FocusArea, PolicyPlan, Priority
from ivp.planning.policy.models.prioritisation import Prioritisation, ThemeScore
from ivp.planning.policy.models.regional import RegionalLink, RegionalPriority

__all__ = [
    "ApproachLine",
    "CycleStep",
    "FocusArea",
    "Framework",
    "Objective",
    "Party",
    "PolicyCycle",
    "PolicyPlan",
    "Prioritisation",
    "Priority",
    "RegionalLink",
    "RegionalPriority",
    "ThemeScore",
    "WorkGroupMember",
]
