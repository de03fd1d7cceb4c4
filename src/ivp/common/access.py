"""Access declarations for views: every view is either public or asks a `rules` permission,
and the object an address names is found once and handed to the view (`with_object`).

The authorisation matrix test reads these marks from the URL configuration.
"""

import inspect
from collections.abc import Callable
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


def permission_required(perm: str):
    """Ask `perm` of the user, for no object in particular (for an object: `with_object`).

    Anonymous visitors are sent to the login page; logged-in users without the right get 403.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.user.has_perm(perm):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        wrapped.ivp_access = perm
        return wrapped

    return decorator


def with_object(name: str, find: Callable, perm: str | None = None, *, asked_of=None):
    """Find the object an address names once, ask `perm` of it (or of `asked_of(object)`) and
    hand it to the view as the argument `name`.

    `find` receives the URL arguments its signature names, which the view then no longer
    gets, and the request when it names `request` (for "the version this user reads"); it
    raises Http404 when nothing matches. Without `perm` the view is public. Anonymous
    visitors without the permission are sent to the login page, others get 403.
    """
    parameters = inspect.signature(find).parameters
    taken = [p for p in parameters if p != "request"]

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            found = {p: kwargs.pop(p) for p in taken if p in kwargs}
            if "request" in parameters:
                found["request"] = request
            obj = find(**found)
            if perm is not None and not request.user.has_perm(
                perm, asked_of(obj) if asked_of else obj
            ):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            return view(request, *args, **{name: obj}, **kwargs)

        wrapped.ivp_access = perm or "public"
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
