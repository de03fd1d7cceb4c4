"""Removing and reordering the themes and actions of a draft uitvoeringsplan, and taking a
progress update back (also after adoption: progress goes on)."""

from django.shortcuts import get_object_or_404

from ivp.common.access import post_only
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.views.lookups import for_action_plan, for_progress_update
from ivp.planning.workflow.removal_views import move_and_return, removal_page


def _theme(plan, pk: int):
    return get_object_or_404(execution_selectors.themes_of(plan), pk=pk)


def _action(plan, pk: int):
    return get_object_or_404(execution_selectors.actions_of(plan), pk=pk)


@for_action_plan("planning.change_action_plan")
def theme_remove(request, plan, theme):
    item = _theme(plan, theme)
    return removal_page(request, item, name=item.priority.title, municipality=plan.municipality)


@post_only
@for_action_plan("planning.change_action_plan")
def theme_move(request, plan, theme, direction):
    item = _theme(plan, theme)
    return move_and_return(request, item, direction=direction, name=item.priority.title)


@for_action_plan("planning.change_action_plan")
def action_remove(request, plan, action):
    item = _action(plan, action)
    return removal_page(request, item, name=item.item, municipality=plan.municipality)


@post_only
@for_action_plan("planning.change_action_plan")
def action_move(request, plan, action, direction):
    item = _action(plan, action)
    return move_and_return(request, item, direction=direction, name=item.item)


@for_progress_update("planning.delete_progress")
def progress_remove(request, update):
    action = update.action
    name = f"{action.item}, {update.date:%d-%m-%Y}"
    return removal_page(
        request, update, name=name, municipality=action.theme.action_plan.municipality
    )
