"""Public pages kept whole for visitors, and answered with 304 when a browser has them.

The day the figures come out, a local newspaper links to a municipality's page, its
veiligheidsbeeld and its dashboard. A visitor without a session sees the same page as every
other visitor until figures or plans are written, so the rendered answer is kept in the cache
under the revisions of those inputs (ivp.common.revisions), the address, the language, the
host and the day (some pages count days, such as "stilgevallen"). The next visitor gets it
without a view, a template or more than one query (the revisions); a browser or proxy that
sends the ETag or date it has gets "304 Not Modified".

Signed-in users, requests with an API key, and visitors with a session or a pending message
always get a page made for them (and `private, no-store`, see PrivateResponsesMiddleware).
An answer is kept only when it is a plain 200 that sets no cookie and holds no CSRF token.
"""

import hashlib
from datetime import datetime, time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import get_language

from ivp.common import revisions
from ivp.common.revisions import FIGURES, PICTURE_SECONDS, PLANS

# The pages and API answers a visitor may read; their content follows figures and plans.
KEPT_FOR_VISITORS = frozenset(
    {
        "web:home",
        "regions:municipality_list",
        "regions:municipality_detail",
        "regions:region_list",
        "regions:region_detail",
        "planning:region_members",
        "taxonomy:taxonomy",
        "taxonomy:municipal_themes",
        "figures:safety_picture",
        "figures:indicator_detail",
        "figures:rate_map",
        "figures:area_picture",
        "planning:plan",
        "planning:plan_detail",
        "planning:action_plans",
        "planning:action_plan",
        "planning:dashboard",
        "planning:municipality_dashboard",
        "reports:documents",
        "api:municipality_list",
        "api:municipality_detail",
        "api:municipal_themes",
        "api:region_list",
        "api:region_detail",
        "api:taxonomy",
        "api:indicator_list",
        "api:observation_list",
        "api:policy_plan",
        "api:action_plan",
        "api:action_list",
        "api:action_detail",
    }
)
INPUTS = (FIGURES, PLANS)
LONGEST_QUERY = 512  # a longer query string is someone trying keys: served, not kept
# Headers of the view's answer that belong to the page (the outer middleware adds the rest).
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary", "Link")
MESSAGES_COOKIE = "messages"


class KeptVisitorPagesMiddleware:
    """Place after the authentication and message middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        kept = getattr(request, "_kept_page", None)
        if kept is None:
            return response
        key, last_modified = kept
        if _keepable(request, response):
            entry = _entry(response)
            cache.set(key, entry, PICTURE_SECONDS)
            _conditional_headers(response, entry["etag"], last_modified)
        return response

    def process_view(self, request, view, args, kwargs):
        if not _for_a_visitor(request):
            return None
        stamped = revisions.stamp(INPUTS)
        if stamped is None:
            return None
        tokens, changed = stamped
        key = _key(request, tokens)
        last_modified = _last_modified(changed)
        entry = cache.get(key)
        if entry is None:
            request._kept_page = (key, last_modified)
            return None
        not_modified = get_conditional_response(
            request, etag=entry["etag"], last_modified=int(last_modified.timestamp())
        )
        response = not_modified or _response(entry)
        _conditional_headers(response, entry["etag"], last_modified)
        return response


def _for_a_visitor(request) -> bool:
    match = request.resolver_match
    return (
        request.method == "GET"
        and match is not None
        and match.view_name in KEPT_FOR_VISITORS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and "HTTP_HX_REQUEST" not in request.META  # htmx asks for a part of the page
        and len(request.META.get("QUERY_STRING", "")) <= LONGEST_QUERY
    )


def _key(request, tokens: tuple[str, ...]) -> str:
    parts = (
        revisions.code_stamp(),
        tokens,
        get_language(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        _wants_html(request),  # the API answers JSON or its HTML view
        timezone.localdate().isoformat(),
    )
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def _wants_html(request) -> bool:
    """What content negotiation can choose from `Accept`: HTML or not (browsers' many `Accept`
    strings would otherwise each keep a copy)."""
    return request.path.startswith("/api/") and "text/html" in request.META.get("HTTP_ACCEPT", "")


def _last_modified(changed: datetime | None) -> datetime:
    """When the inputs or ivp's code last changed, or the start of today for pages that count
    days, whichever is latest."""
    today = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return max(w for w in (changed, today, revisions.code_changed_at()) if w is not None)


def _keepable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    session = getattr(request, "session", None)
    messages = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # cookies the session and message middleware would add further out
        and not getattr(session, "modified", False)
        and not getattr(messages, "added_new", False)
        # an answer with a version of its own (an action's, for If-Match) is not ours to tag
        and not response.has_header("ETag")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and not getattr(request.user, "is_authenticated", False)
    )


def _entry(response) -> dict:
    content = response.content
    return {
        "content": content,
        "headers": {name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        "etag": '"' + hashlib.sha256(content).hexdigest()[:32] + '"',
    }


def _response(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"].items():
        response[name] = value
    return response


def _conditional_headers(response, etag: str, last_modified: datetime) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified.timestamp())
    # Anyone may keep it, but must ask again before showing it: the 304 is cheap.
    patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language", "Accept", "HX-Request"))
