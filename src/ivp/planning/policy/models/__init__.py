"""The policy side of the cycle: cycle steps, frameworks, prioritisation, the IVP, the region."""

from ivp.planning.policy.models.cycle import CycleStep, PolicyCycle, WorkGroupMember
from ivp.planning.policy.models.frameworks import Framework, Party
from ivp.planning.policy.models.plan import ApproachLine, Objective, PolicyPlan, Priority
from ivp.planning.policy.models.prioritisation import Prioritisation, ThemeScore
from ivp.planning.policy.models.regional import RegionalPriority

__all__ = [
    "ApproachLine",
    "CycleStep",
    "Framework",
    "Objective",
    "Party",
    "PolicyCycle",
    "PolicyPlan",
    "Prioritisation",
    "Priority",
    "RegionalPriority",
    "ThemeScore",
    "WorkGroupMember",
]
