"""Removing and reordering the priorities, speerpunten and objectives of a draft IVP."""

from django.shortcuts import get_object_or_404

from ivp.common.access import post_only
from ivp.planning.policy.models import FocusArea, Objective, Priority
from ivp.planning.policy.views.lookups import for_plan
from ivp.planning.workflow.removal_views import move_and_return, removal_page


def _priority(plan, pk: int) -> Priority:
    return get_object_or_404(Priority, pk=pk, plan=plan)


def _objective(plan, priority: int, pk: int) -> Objective:
    return get_object_or_404(Objective, pk=pk, priority=_priority(plan, priority))


@for_plan("planning.change_plan")
def priority_remove(request, plan, priority):
    item = _priority(plan, priority)
    return removal_page(request, item, name=item.title, municipality=plan.municipality)


@post_only
@for_plan("planning.change_plan")
def priority_move(request, plan, priority, direction):
    item = _priority(plan, priority)
    return move_and_return(request, item, direction=direction, name=item.title)


@for_plan("planning.change_plan")
def objective_remove(request, plan, priority, objective):
    item = _objective(plan, priority, objective)
    return removal_page(request, item, name=_short(item.text), municipality=plan.municipality)


@post_only
@for_plan("planning.change_plan")
def objective_move(request, plan, priority, objective, direction):
    item = _objective(plan, priority, objective)
    return move_and_return(request, item, direction=direction, name=_short(item.text))


def _focus_area(plan, priority: int, pk: int) -> FocusArea:
    return get_object_or_404(FocusArea, pk=pk, priority=_priority(plan, priority))


@for_plan("planning.change_plan")
def focus_area_remove(request, plan, priority, focus_area):
    item = _focus_area(plan, priority, focus_area)
    return removal_page(request, item, name=item.title, municipality=plan.municipality)


@post_only
@for_plan("planning.change_plan")
def focus_area_move(request, plan, priority, focus_area, direction):
    item = _focus_area(plan, priority, focus_area)
    return move_and_return(request, item, direction=direction, name=item.title)


def _short(text: str, words: int = 8) -> str:
    taken = text.split()
    return " ".join(taken[:words]) + (" …" if len(taken) > words else "")
