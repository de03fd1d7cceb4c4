"""Keeps the municipality a user chose to work in (the switcher) on the request, and ends
idle sessions."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from .selectors import municipalities_for

SESSION_KEY = "active_municipality"


class ActiveMunicipalityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Both lazy and read once: the switcher lists the allowed ones, the frame the active one.
        request.allowed_municipalities = SimpleLazyObject(lambda: _allowed(request))
        request.active_municipality = SimpleLazyObject(lambda: _active_municipality(request))
        return self.get_response(request)


def _allowed(request) -> list:
    return list(municipalities_for(request.user)) if request.user.is_authenticated else []


def _active_municipality(request):
    allowed = request.allowed_municipalities
    code = request.session.get(SESSION_KEY)
    chosen = next((m for m in allowed if m.code == code), None)
    return chosen or (allowed[0] if allowed else None)


def remember_active_municipality(request, municipality) -> None:
    """Opening a municipality's workspace makes it the one the cycle navigation shows."""
    request.session[SESSION_KEY] = municipality.code


IDLE_KEY = "last_activity"
# Refresh the stamp at most once a minute, so reading pages does not write the session each time.
IDLE_REFRESH_SECONDS = 60


class IdleSessionMiddleware:
    """Logs out a session that has seen no request for IVP_SESSION_IDLE_MINUTES.

    SESSION_COOKIE_AGE has the same length, so the cookie and the stored session expire as well
    when the browser is gone; this check also ends a session whose cookie is still around.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(IDLE_KEY, now)
            if now - last > settings.IVP_SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    _("You were logged out after %(minutes)d minutes without activity.")
                    % {"minutes": settings.IVP_SESSION_IDLE_MINUTES},
                )
            elif now - last >= IDLE_REFRESH_SECONDS or IDLE_KEY not in request.session:
                request.session[IDLE_KEY] = now
        return self.get_response(request)
