"""Every model of the planning app, for Django and for the apps above planning.

The models live with their part of the cycle: `policy.models` (cycle, frameworks, prioritisation,
the IVP, regional priorities), `execution.models` (uitvoeringsplan, actions, progress) and
`workflow.models` (what both plans share: drafts, adoption, versions).
"""

from ivp.planning.execution.models import (
    Action,
    ActionComment,
    ActionListChoice,
    ActionParty,
    ActionPlan,
    ActionPlanTheme,
    ProgressUpdate,
)
from ivp.planning.policy.models import *  # noqa: F403 (its __all__ lists the policy models)
from ivp.planning.policy.models import __all__ as _policy_models
from ivp.planning.workflow.chapters import Chapter
from ivp.planning.workflow.models import Adoptable

__all__ = [
    *_policy_models,
    "Action",
    "ActionComment",
    "ActionListChoice",
    "ActionParty",
    "ActionPlan",
    "ActionPlanTheme",
    "Adoptable",
    "Chapter",
    "ProgressUpdate",
]
