"""The pages work under a Content-Security-Policy that allows no inline script or style: the
browser refuses nothing on the main pages (charts, the map, the dashboard, the documents,
htmx's live parts, Django's admin), and the header is on each of them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .support import ANONYMOUS, BEHEERDER, Role, csp_violations, visit

pytestmark = pytest.mark.browser

STEENWIJKERLAND = Role(
    "coordinator-steenwijkerland", "coordinator.steenwijkerland", municipality="GM1708"
)
PUBLIC = [
    "/gemeenten/GM1708/",  # population bars
    "/gemeenten/GM1708/veiligheidsbeeld/",  # charts
    "/gemeenten/GM1708/veiligheidsbeeld/misdrijven-totaal/",
    "/cijfers/kaart/?gemeente=GM1708",
]
COORDINATOR_PAGES = [
    "/gemeenten/GM1708/veiligheidsplan/",
    "/gemeenten/GM1708/uitvoeringsplan/2026/",  # with the plan check loaded by htmx
    "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/",
    "/gemeenten/GM1708/documenten/",
    "/gemeenten/GM1708/documenten/uitvoeringsplan/2026/",  # column widths, inline charts
    "/gemeenten/GM1708/documenten/ivp/2026/",
]
ADMIN_USERS = "/beheer/django/auth/user/"
ADMIN = ["/beheer/django/", ADMIN_USERS]
POLICY = "default-src 'self'"


def _strict_and_clean(page: Page, path: str) -> None:
    response = visit(page, path)  # check_page reports every refusal as a problem too
    header = response.headers.get("content-security-policy", "")
    assert POLICY in header and "script-src 'self'" in header, f"{path}: {header!r}"
    assert "unsafe-inline" not in header
    # htmx would add an inline <style> of its own unless told not to
    assert page.locator("style").count() == 0, path
    assert csp_violations(page) == []


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_need_nothing_inline(page_for, path):
    _strict_and_clean(page_for(ANONYMOUS), path)


@pytest.mark.parametrize("path", COORDINATOR_PAGES)
def test_plan_pages_and_documents_need_nothing_inline(page_for, path):
    page = page_for(STEENWIJKERLAND)
    _strict_and_clean(page, path)
    page.wait_for_load_state("networkidle")  # e.g. the plan check, loaded by htmx
    assert csp_violations(page) == []


def _admin_page_strict_and_clean(page: Page, response) -> None:
    assert response.status == 200
    assert POLICY in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []


@pytest.mark.parametrize("path", ADMIN)
def test_django_admin_works_under_the_same_policy(page_for, path):
    page = page_for(BEHEERDER)
    _admin_page_strict_and_clean(page, page.goto(path))


def test_a_users_change_form_in_the_django_admin_works_under_the_same_policy(page_for):
    page = page_for(BEHEERDER)
    page.goto(ADMIN_USERS)
    change_form = page.get_by_role("link", name="beheerder", exact=True).get_attribute("href")
    assert change_form.endswith("/change/")
    _admin_page_strict_and_clean(page, page.goto(change_form))


def test_live_search_swaps_results_without_refusals(page_for):
    page = page_for(ANONYMOUS)
    visit(page, "/gemeenten/")
    page.locator("#q").press_sequentially("Steenwijk", delay=20)
    expect(page.locator("#municipality-rows tr")).to_have_count(1)
    assert csp_violations(page) == []


def test_an_injected_style_attribute_would_be_refused(page_for):
    """The check can fail: what an attacker's markup would do is refused and seen."""
    page = page_for(ANONYMOUS)
    visit(page, "/gemeenten/GM1708/")
    page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML("
        "'beforeend', '<p style=\"color: red\">x</p>')"
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert any(v.startswith("style-src-attr") for v in csp_violations(page))
    color = page.locator("main p").last.evaluate("p => getComputedStyle(p).color")
    assert color != "rgb(255, 0, 0)"
