"""The parts of an IVP that a draft may lose or reorder: its priorities (and other themes) and
the objectives of a municipal priority. Approach lines are edited as a list in the priority's
form. See `workflow/removal.py`."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ivp.planning.policy.models import Objective, Priority
from ivp.planning.workflow.removal import Removable, register


def _counted(count: int, one: str, many: str) -> list[str]:
    return [ngettext(one, many, count) % {"count": count}] if count else []


def _priority_goes_with(priority: Priority) -> list[str]:
    return [
        *_counted(priority.objectives.count(), "%(count)s objective", "%(count)s objectives"),
        *_counted(
            priority.approachlines.count(),
            "%(count)s line of the approach",
            "%(count)s lines of the approach",
        ),
    ]


def _priority_in_use(priority: Priority) -> str | None:
    plans = sorted({theme.action_plan.title for theme in priority.action_plan_themes.all()})
    if not plans:
        return None
    return _("“%(priority)s” is a theme of %(plans)s; remove it there first, or keep it here.") % {
        "priority": priority.title,
        "plans": ", ".join(plans),
    }


def _objective_goes_with(objective: Objective) -> list[str]:
    return _counted(
        objective.actions.count(),
        "%(count)s action keeps its place but loses its link to this objective",
        "%(count)s actions keep their place but lose their link to this objective",
    )


register(
    Removable(
        model=Priority,
        plan=lambda priority: priority.plan,
        siblings=lambda priority: priority.plan.priorities.filter(kind=priority.kind),
        goes_with=_priority_goes_with,
        refusal=_priority_in_use,
        back_to=lambda priority: priority.plan.get_absolute_url(),
        shown_at=lambda priority: priority.get_absolute_url(),
    )
)
register(
    Removable(
        model=Objective,
        plan=lambda objective: objective.priority.plan,
        siblings=lambda objective: Objective.objects.filter(priority=objective.priority_id),
        goes_with=_objective_goes_with,
        back_to=lambda objective: objective.priority.get_absolute_url(),
    )
)
