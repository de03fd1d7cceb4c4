"""The parts of an IVP that a draft may lose or reorder: its priorities (and other themes),
their speerpunten, the objectives of a municipal priority and its links to regional priorities. Approach lines are edited as a
list in the form of their priority or speerpunt. See `workflow/removal.py`."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ivp.planning.policy.models import FocusArea, Objective, Priority, RegionalLink
from ivp.planning.workflow.removal import Removable, counted, register


def _priority_goes_with(priority: Priority) -> list[str]:
    return [
        *counted(
            n := priority.focus_areas.count(),
            ngettext("%(count)s focus area", "%(count)s focus areas", n),
        ),
        *counted(
            n := priority.objectives.count(),
            ngettext("%(count)s objective", "%(count)s objectives", n),
        ),
        *counted(
            n := priority.approachlines.count(),
            ngettext("%(count)s line of the approach", "%(count)s lines of the approach", n),
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
    return counted(
        n := objective.actions.count(),
        ngettext(
            "%(count)s action keeps its place but loses its link to this objective",
            "%(count)s actions keep their place but lose their link to this objective",
            n,
        ),
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
        siblings=lambda objective: Objective.objects.filter(
            priority=objective.priority_id, focus_area=objective.focus_area_id
        ),
        goes_with=_objective_goes_with,
        back_to=lambda objective: objective.priority.get_absolute_url(),
    )
)
register(
    Removable(
        model=FocusArea,
        plan=lambda focus_area: focus_area.priority.plan,
        siblings=lambda focus_area: focus_area.priority.focus_areas.all(),
        goes_with=lambda focus_area: [
            *counted(
                n := focus_area.objectives.count(),
                ngettext("%(count)s objective", "%(count)s objectives", n),
            ),
            *counted(
                n := focus_area.approachlines.count(),
                ngettext("%(count)s line of the approach", "%(count)s lines of the approach", n),
            ),
        ],
        back_to=lambda focus_area: focus_area.priority.get_absolute_url(),
        shown_at=lambda focus_area: focus_area.get_absolute_url(),
    )
)
register(
    Removable(
        model=RegionalLink,
        plan=lambda link: link.priority.plan,
        siblings=lambda link: link.priority.regional_links.all(),
        back_to=lambda link: link.priority.get_absolute_url(),
    )
)
