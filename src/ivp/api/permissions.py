"""The one permission class of the API: each view says, per HTTP method, which `rules`
permissions a request needs and of which of its objects; the view resolves those objects once.

    class ActionDetail(ApiView):
        needs = {"GET": [Need("planning.view_action_plan", "action_plan")], ...}

        def resolve(self) -> dict:  # once per request
            action = ...
            return {"action": action, "action_plan": action.theme.action_plan}

A method with a handler but no entry in `needs` is refused: a forgotten declaration never opens
a door. A public method needs nothing: `"GET": []`.
"""

from dataclasses import dataclass

from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.permissions import BasePermission

NOT_LOGGED_IN = "Log in (of stuur een API-sleutel) om dit te zien."
NO_RIGHT = "U heeft hier geen rechten voor."


@dataclass(frozen=True)
class Need:
    perm: str  # a django-rules permission, e.g. "planning.update_progress"
    of: str | None = None  # the key of the object in the view's resolve(); None: no object


def needs_for(view, method: str) -> list[Need] | None:
    declared = getattr(view, "needs", {})
    if method in ("HEAD", "OPTIONS"):
        method = "GET"
    return declared.get(method)


class RulesPermission(BasePermission):
    def has_permission(self, request, view):
        needs = needs_for(view, request.method)
        if needs is None:
            # No declaration: refuse a method the view handles; let DRF answer 405 otherwise.
            return not hasattr(view, request.method.lower())
        if not needs:
            return True
        objects = view.resolved()
        for need in needs:
            target = objects[need.of] if need.of else None
            if not request.user.has_perm(need.perm, target):
                if not request.user.is_authenticated:
                    raise NotAuthenticated(NOT_LOGGED_IN)
                raise PermissionDenied(NO_RIGHT)
        return True
