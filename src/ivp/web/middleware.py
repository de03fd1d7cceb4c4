"""Request-wide rules: what a cache may keep, and which requests run in one transaction."""

from django.db import transaction
from django.utils.cache import add_never_cache_headers


class PrivateResponsesMiddleware:
    """A signed-in user may be shown drafts, notes and names (and the page names the user);
    so may a client of the API with a key. Such responses get `Cache-Control: private,
    no-store`, so a shared proxy or the next person at a shared computer cannot read them from
    a cache. What a visitor reads is public (see ivp.web.kept_pages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response


class AtomicWritesMiddleware:
    """Each write request (POST, PUT, PATCH, DELETE) runs in one transaction: all of it is
    saved or none. Reads run without one: on SQLite a transaction takes the write lock when
    it begins (IMMEDIATE, so two saves queue instead of failing), and a page that only reads
    must not wait for an import to finish. Place it last, after the CSRF check."""

    SAFE = ("GET", "HEAD", "OPTIONS", "TRACE")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if request.method in self.SAFE:
            return None
        with transaction.atomic():
            return view(request, *args, **kwargs)
