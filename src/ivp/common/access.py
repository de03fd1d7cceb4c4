"""Access declarations for views: every view is either public or asks a `rules` permission.

The authorisation matrix test reads these marks from the URL configuration.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def public(view):
    """Open government: readable without logging in."""
    view.ivp_access = "public"
    return view


def login_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.ivp_access = "login"
    return wrapped


def permission_required(perm: str, fn=None):
    """Ask `perm` of the object `fn(request, **kwargs)` returns (404 when it does not exist).

    Anonymous visitors are sent to the login page; logged-in users without the right get 403.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            obj = fn(request, *args, **kwargs) if fn else None
            if request.user.has_perm(perm, obj):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        wrapped.ivp_access = perm
        return wrapped

    return decorator


def post_only(view):
    """Like Django's require_POST, but a person who opens the address gets a Dutch page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "POST":
            response = render(request, "web/error.html", {"status": 405}, status=405)
            response["Allow"] = "POST"
            return response
        return view(request, *args, **kwargs)

    return wrapped
