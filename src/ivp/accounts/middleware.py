"""Keeps the municipality a user chose to work in (the switcher) on the request."""

from django.utils.functional import SimpleLazyObject

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
