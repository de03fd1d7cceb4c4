"""The policy side of the cycle: cycle steps, frameworks, prioritisation, the IVP, the region."""

from ivp.planning.policy.models.cycle import CycleStep, PolicyCycle, WorkGroupMember
from ivp.planning.policy.models.frameworks import Framework, Party
from ivp.planning.policy.models.objectives import ApproachLine, Objective
from ivp.planning.policy.models.parties import PartyAlias
from ivp.planning.policy.models.plan import (
    FocusArea,
    FocusAreaParty,
    PolicyPlan,
    Priority,
    PriorityParty,
)
from ivp.planning.policy.models.prioritisation import Prioritisation, ThemeScore
from ivp.planning.policy.models.regional import (
    RegionalLink,
    RegionalPriority,
    RegionalPriorityParty,
)

__all__ = [
    "ApproachLine",
    "CycleStep",
    "FocusArea",
    "FocusAreaParty",
    "Framework",
    "Objective",
    "Party",
    "PartyAlias",
    "PolicyCycle",
    "PolicyPlan",
    "Prioritisation",
    "Priority",
    "PriorityParty",
    "RegionalLink",
    "RegionalPriority",
    "RegionalPriorityParty",
    "ThemeScore",
    "WorkGroupMember",
]
