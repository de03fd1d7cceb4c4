"""A visitor's public pages are kept whole and revalidated cheaply; nobody else gets them.

What a kept page shows after an import or a progress report, across processes, is proven in
tests/test_kept_pictures.py; here, in one process: the headers a browser or proxy revalidates
with, the 304, the cost of a kept page, and that signed-in users, API keys, sessions and htmx
never get a visitor's page (nor a visitor theirs).
"""

import re

import pytest
from django.test import Client
from django.utils.http import http_date

from ivp.common.revisions import FIGURES, PLANS, stamp
from tests.conftest import client_for

PAGE = "/gemeenten/GM1701/veiligheidsbeeld/"
API = "/api/v1/gemeenten/"
ACTION_ROW = r'<th class="utrecht-table__header-cell" scope="row" data-label='
VISITOR_PAGES = [
    "/",
    "/gemeenten/",
    "/gemeenten/GM1701/",
    PAGE,
    "/gemeenten/GM1701/veiligheidsplan/",
    "/regios/zuidwest-drenthe/",
    "/cijfers/kaart/",
    API,
    "/api/v1/regios/",
]


def _directives(response) -> set[str]:
    return {d.strip() for d in response.get("Cache-Control", "").split(",")}


def _kept(path: str):
    """The page as a visitor gets it once it is kept (the first request may have made it)."""
    Client().get(path)
    return Client().get(path)


def _address(path: str) -> str:
    """Where the page is: the IVP's address leads on to the plan in force."""
    response = Client().get(path)
    return response.url if response.status_code == 302 else path


@pytest.mark.django_db
@pytest.mark.parametrize("path", VISITOR_PAGES)
def test_a_visitor_may_keep_a_public_page_and_asks_again_with_its_etag(path):
    path = _address(path)
    response = _kept(path)
    assert response.status_code == 200
    assert {"public", "no-cache"} <= _directives(response)
    assert response["ETag"].startswith('"')
    assert not response.cookies, "a kept page sets no cookie (no CSRF token in it)"
    again = Client().get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == response["ETag"]


@pytest.mark.django_db
def test_a_browser_that_has_the_page_since_its_last_change_gets_304():
    response = _kept(PAGE)
    since = Client().get(PAGE, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    _, changed = stamp((FIGURES, PLANS))
    if changed is not None:  # before the change, the browser's copy is old
        older = http_date(changed.timestamp() - 3600)
        assert Client().get(PAGE, HTTP_IF_MODIFIED_SINCE=older).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", [PAGE, "/gemeenten/", API])
def test_a_kept_page_costs_one_query_and_no_view(path, django_assert_num_queries):
    fresh = _kept(path)
    with django_assert_num_queries(1):  # the revisions of figures and plans
        response = Client().get(path)
    assert response.content == fresh.content


@pytest.mark.django_db
def test_a_signed_in_user_gets_a_page_of_their_own_and_a_visitor_never_gets_it():
    visitor = _kept(PAGE)
    coordinator = client_for("coordinator.westerveld").get(PAGE)
    assert "coordinator.westerveld" in coordinator.content.decode()
    assert {"private", "no-store"} <= _directives(coordinator)
    assert "ETag" not in coordinator
    after = Client().get(PAGE)
    assert "coordinator.westerveld" not in after.content.decode()
    assert after.content == visitor.content


@pytest.mark.django_db
def test_an_api_key_gets_an_answer_of_its_own_never_stored(user_named):
    """A script with a key may read a draft; its answers are neither kept nor stored, and a
    visitor after it still gets the public answer."""
    from ivp.accounts.api_keys import api_key_create

    draft = "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/"
    _, key = api_key_create(user=user_named("coordinator.steenwijkerland"), name="script")
    signed = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    for path in (API, draft):
        response = Client().get(path, **signed)
        assert response.status_code == 200, path
        assert {"private", "no-store"} <= _directives(response)
        assert "public" not in _directives(response)
    assert Client().get(draft).status_code in (401, 403, 404)
    assert "ETag" in Client().get(API)


@pytest.mark.django_db
def test_a_visitor_with_a_session_or_a_message_or_htmx_gets_a_page_made_for_them():
    _kept(PAGE)
    for client, headers in (
        (Client(headers={"cookie": "sessionid=unknown"}), {}),
        (Client(headers={"cookie": "messages=pending"}), {}),
        (Client(), {"HX-Request": "true"}),
    ):
        response = client.get(PAGE, headers=headers)
        assert response.status_code == 200
        assert "ETag" not in response


@pytest.fixture
def public_plan(steenwijkerland):
    """Steenwijkerland's uitvoeringsplan 2026, adopted: visitors may read it."""
    from datetime import date

    from ivp.planning.execution.services.actions import action_plan_adopt
    from ivp.planning.models import ActionPlan

    plan = ActionPlan.objects.get(municipality=steenwijkerland, start_year=2026)
    if not plan.adopted:
        action_plan_adopt(action_plan=plan, adopted_on=date(2026, 1, 20), decision_reference="x")
    return plan


@pytest.mark.django_db
def test_a_filter_of_a_visitor_is_kept_in_the_address_without_a_csrf_token(public_plan):
    """The action list's filter form is a GET for a visitor, so the page holds no token."""
    plan = public_plan
    response = Client().get(plan.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" not in page and "X-CSRFToken" not in page
    assert f'method="get" action="{plan.get_absolute_url()}#acties"' in page
    everything = len(re.findall(ACTION_ROW, page))
    narrowed = Client().get(plan.get_absolute_url(), {"zoek": "geen-actie-heet-zo"})
    assert narrowed.status_code == 200
    assert everything > 0
    assert len(re.findall(ACTION_ROW, narrowed.content.decode())) == 0


@pytest.mark.django_db
def test_a_kept_page_says_what_it_varies_on():
    """A proxy keeps apart what a signed-in user, another language or htmx would get."""
    varies = {v.strip() for v in _kept(PAGE)["Vary"].split(",")}
    assert {"Cookie", "Accept-Language", "HX-Request"} <= varies


@pytest.mark.django_db
def test_an_answer_with_a_version_of_its_own_is_neither_kept_nor_retagged():
    """An action's ETag is its version, for If-Match: it is never replaced, and never answered
    with a 304 from a kept copy (its JSON changes with its theme or parties too)."""
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.urls import resolve

    from ivp.web.kept_pages import KeptVisitorPagesMiddleware

    def answer(request):
        response = HttpResponse(b"{}", content_type="application/json")
        response["ETag"] = '"actie-1-v3"'
        return response

    middleware = KeptVisitorPagesMiddleware(answer)
    for _ in range(2):
        request = RequestFactory().get("/api/v1/acties/1/", HTTP_IF_NONE_MATCH='"actie-1-v3"')
        request.resolver_match = resolve("/api/v1/acties/1/")
        from django.contrib.auth.models import AnonymousUser

        request.user = AnonymousUser()
        assert middleware.process_view(request, answer, (), {}) is None
        response = middleware(request)
        assert response.status_code == 200
        assert response["ETag"] == '"actie-1-v3"'
