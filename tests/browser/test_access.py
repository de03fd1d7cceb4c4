"""Refusals and mistakes end on a Dutch page in the site's frame, never on a server error."""

from __future__ import annotations

import pytest

from .support import ANONYMOUS, COORDINATOR, PARTNER, check_page, visit

pytestmark = pytest.mark.browser


def assert_in_site_frame(page) -> None:
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("navigation").count() >= 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("link", name="Gemeenten", exact=True).count() >= 1


@pytest.mark.parametrize(
    ("role", "path"),
    [
        (PARTNER, "/gemeenten/GM1701/themas/bewerken/"),
        (COORDINATOR, "/gemeenten/GM1708/werkruimte/"),
    ],
    ids=["partner-edits-themes", "coordinator-other-municipality"],
)
def test_no_access_is_a_dutch_403_page(page_for, role, path):
    page = page_for(role)
    visit(page, path, status=403)
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Geen toegang"
    assert_in_site_frame(page)


def test_wrong_password_shows_a_dutch_error_and_stays_logged_out(new_context):
    context = new_context()
    page = context.new_page()
    visit(page, "/inloggen/")
    page.fill("#id_username", "coordinator.westerveld")
    page.fill("#id_password", "niet-het-goede-wachtwoord")
    with page.expect_navigation() as navigation:
        page.locator("main form button[type=submit]").click()
    check_page(page, navigation.value, status=200)
    assert page.url.split("?")[0].endswith("/inloggen/")

    alert = page.get_by_role("alert")
    assert alert.count() == 1
    text = alert.inner_text()
    assert "wachtwoord" in text.lower(), text
    assert "password" not in text.lower(), text
    # The username stays filled in; the password does not.
    assert page.input_value("#id_username") == "coordinator.westerveld"
    assert page.input_value("#id_password") == ""

    # Still logged out: no session, the header offers to log in, /account/ asks for a login.
    assert not [c for c in context.cookies() if c["name"] == "sessionid"]
    assert page.get_by_role("button", name="Uitloggen").count() == 0
    page.goto("/account/")
    assert page.url.split("?")[0].endswith("/inloggen/")


def test_unknown_municipality_is_a_dutch_404_page(page_for):
    page = page_for(ANONYMOUS)
    visit(page, "/gemeenten/GM9999/", status=404)
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Pagina niet gevonden"
    assert page.title().startswith("Pagina niet gevonden")
    assert_in_site_frame(page)


def test_unknown_cycle_step_is_a_404_for_a_coordinator(page_for):
    page = page_for(COORDINATOR)
    visit(page, "/gemeenten/GM1701/cyclus/bestaat-niet/", status=404)
    assert_in_site_frame(page)
