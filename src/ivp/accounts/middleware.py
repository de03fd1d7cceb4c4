"""Keeps the municipality a user chose to work in (the switcher) on the request."""

from django.utils.functional import SimpleLazyObject

from .selectors import municipalities_for

SESSION_KEY = "active_municipality"


class ActiveMunicipalityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.active_municipality = SimpleLazyObject(lambda: _active_municipality(request))
        return self.get_response(request)


def _active_municipality(request):
    if not request.user.is_authenticated:
        return None
    allowed = municipalities_for(request.user)
    code = request.session.get(SESSION_KEY)
    chosen = allowed.filter(code=code).first() if code else None
    return chosen or allowed.first()


def remember_active_municipality(request, municipality) -> None:
    """Opening a municipality's workspace makes it the one the cycle navigation shows."""
    request.session[SESSION_KEY] = municipality.code
