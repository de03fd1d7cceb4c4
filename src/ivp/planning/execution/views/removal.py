"""Removing and reordering the themes and actions of a draft uitvoeringsplan, and taking a
progress update back (also after adoption: progress goes on)."""

from django.shortcuts import get_object_or_404

from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.views.lookups import for_action_plan, for_progress_update
from ivp.planning.workflow.removal_views import part_views, removal_page


def _theme(plan, theme: int):
    return get_object_or_404(execution_selectors.themes_of(plan), pk=theme)


def _action(plan, action: int):
    return get_object_or_404(execution_selectors.actions_of(plan), pk=action)


CHANGES = for_action_plan("planning.change_action_plan")
theme_views = part_views(CHANGES, _theme, lambda item: item.title)
action_views = part_views(CHANGES, _action, lambda item: item.item)


@for_progress_update("planning.delete_progress")
def progress_remove(request, update):
    action = update.action
    name = f"{action.item}, {update.date:%d-%m-%Y}"
    return removal_page(
        request, update, name=name, municipality=action.theme.action_plan.municipality
    )
