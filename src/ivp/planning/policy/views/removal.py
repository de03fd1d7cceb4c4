"""Removing and reordering the priorities, speerpunten, objectives and links to regional
priorities of a draft IVP."""

from django.shortcuts import get_object_or_404

from ivp.planning.policy.models import FocusArea, Objective, Priority, RegionalLink
from ivp.planning.policy.views.lookups import for_plan
from ivp.planning.workflow.removal_views import part_views


def _priority(plan, priority: int) -> Priority:
    return get_object_or_404(Priority, pk=priority, plan=plan)


def _focus_area(plan, priority: int, focus_area: int) -> FocusArea:
    return get_object_or_404(FocusArea, pk=focus_area, priority=_priority(plan, priority))


def _objective(plan, priority: int, objective: int) -> Objective:
    return get_object_or_404(Objective, pk=objective, priority=_priority(plan, priority))


def _regional_link(plan, link: int) -> RegionalLink:
    return get_object_or_404(RegionalLink, pk=link, priority__plan=plan)


def _short(text: str, words: int = 8) -> str:
    taken = text.split()
    return " ".join(taken[:words]) + (" …" if len(taken) > words else "")


CHANGES = for_plan("planning.change_plan")
priority_views = part_views(CHANGES, _priority, lambda item: item.title)
focus_area_views = part_views(CHANGES, _focus_area, lambda item: item.title)
objective_views = part_views(CHANGES, _objective, lambda item: _short(item.text))
regional_link_views = part_views(CHANGES, _regional_link, lambda item: item.regional_priority.title)
