"""The uitvoeringsplan or action an address names, found once and handed to the view with the
permission check: `@for_action_plan(perm)` and `@for_dashboard_plan(perm)` give the view
`plan` for `<gm:code>/uitvoeringsplan/<plan:address>/`, `@for_action(perm)` gives it `action`,
`@for_progress_update(perm)` an `update` of that action.

Which version: the one asked for (`?versie=`), else the one this user reads: the newest for
those preparing it, the adopted one in force for everyone else (404 when there is none).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ivp.common.access import with_object
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress
from ivp.planning.execution.models import Action, ActionPlan, ProgressUpdate
from ivp.planning.workflow import selectors as workflow_selectors
from ivp.regions.lookups import municipality_named


def _version_read(request, code: str, address: PlanAddress, perm: str) -> ActionPlan:
    versions = execution_selectors.action_plan_versions(municipality_named(code), address=address)
    wanted = request.GET.get("versie", "")
    if wanted.isascii() and wanted.isdigit():
        return get_object_or_404(versions.filter(version=int(wanted)))
    plan = workflow_selectors.first_readable(request.user, versions, perm) or versions.first()
    if plan is None:
        raise Http404
    return plan


def action_plan_read(request, code: str, address: PlanAddress) -> ActionPlan:
    return _version_read(request, code, address, "planning.view_action_plan")


def dashboard_plan_read(request, code: str, address: PlanAddress) -> ActionPlan:
    return _version_read(request, code, address, "planning.view_dashboard")


def action_in_plan(request, code: str, address: PlanAddress, action: int) -> Action:
    plan = action_plan_read(request, code, address)
    return get_object_or_404(execution_selectors.actions_of(plan), pk=action)


def update_of_action(
    request, code: str, address: PlanAddress, action: int, update: int
) -> ProgressUpdate:
    found = action_in_plan(request, code, address, action)
    return get_object_or_404(found.updates.select_related("user"), pk=update)


def for_action_plan(perm: str):
    return with_object("plan", action_plan_read, perm)


def for_dashboard_plan(perm: str):
    return with_object("plan", dashboard_plan_read, perm)


def for_action(perm: str):
    return with_object("action", action_in_plan, perm)


def for_progress_update(perm: str):
    return with_object("update", update_of_action, perm)
