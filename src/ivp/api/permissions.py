from rest_framework.permissions import BasePermission


class RulesPermission(BasePermission):
    """Asks a `rules` permission of the object the view names with `permission_object()`."""

    def has_permission(self, request, view):
        return request.user.has_perm(view.required_permission, view.permission_object())
