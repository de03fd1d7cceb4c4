"""Responses that may hold work in preparation are never stored by a browser or a proxy."""

from django.utils.cache import add_never_cache_headers


class PrivateResponsesMiddleware:
    """A signed-in user may be shown drafts, notes and names (and the page names the user);
    API answers may be too. Such responses get `Cache-Control: private, no-store`, so a shared
    proxy or the next person at a shared computer cannot read them from a cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or request.path.startswith("/api/"):
            add_never_cache_headers(response)
        return response
