"""The parts of an uitvoeringsplan that a draft may lose or reorder (its themes and actions),
and a progress entry, which its reporter may take back also after adoption. See
`workflow/removal.py`."""

from django.urls import reverse
from django.utils.translation import ngettext

from ivp.planning.execution.models import Action, ActionPlanTheme, ProgressUpdate
from ivp.planning.workflow.removal import Removable, counted, register


def _theme_goes_with(theme: ActionPlanTheme) -> list[str]:
    return [
        *counted(n := theme.actions.count(), ngettext("%(count)s action", "%(count)s actions", n)),
        *_action_updates(ProgressUpdate.objects.filter(action__theme=theme).count()),
    ]


def _action_updates(count: int) -> list[str]:
    return counted(
        n := count, ngettext("%(count)s progress update", "%(count)s progress updates", n)
    )


def progress_page(action: Action) -> str:
    """The action's progress page, in the version of the plan it belongs to."""
    plan = action.theme.action_plan
    url = reverse(
        "planning:action_progress", args=[plan.municipality.code, plan.address, action.pk]
    )
    return url if plan.is_current else f"{url}?versie={plan.version}"


register(
    Removable(
        model=ActionPlanTheme,
        plan=lambda theme: theme.action_plan,
        siblings=lambda theme: theme.action_plan.themes.all(),
        goes_with=_theme_goes_with,
        back_to=lambda theme: theme.action_plan.get_absolute_url(),
        shown_at=lambda theme: theme.get_absolute_url(),
    )
)
register(
    Removable(
        model=Action,
        plan=lambda action: action.theme.action_plan,
        siblings=lambda action: action.theme.actions.all(),
        goes_with=lambda action: _action_updates(action.updates.count()),
        back_to=lambda action: action.theme.get_absolute_url(),
    )
)
register(
    Removable(
        model=ProgressUpdate,
        plan=lambda update: update.action.theme.action_plan,
        back_to=lambda update: progress_page(update.action),
        while_adopted=True,
    )
)
