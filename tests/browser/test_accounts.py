"""The account pages a municipality's users meet, in a real browser with axe-core."""

from __future__ import annotations

import pytest

from .support import COORDINATOR, check_page, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "path", ["/gemeenten/GM1701/gebruikers/", "/wachtwoord/wijzigen/", "/account/"]
)
def test_the_coordinators_account_pages_are_accessible(page_for, path):
    visit(page_for(COORDINATOR), path)


def test_forgotten_password_and_the_lockout_page_are_accessible(new_context):
    page = new_context().new_page()
    visit(page, "/wachtwoord/vergeten/")
    # An account that does not exist: the lockout of this address hits nobody's real login.
    for attempt in range(5):
        visit(page, "/inloggen/")
        page.fill("#id_username", "bestaat.niet")
        page.fill("#id_password", f"fout-{attempt}")
        with page.expect_navigation() as navigation:
            page.locator("main form button[type=submit]").click()
    check_page(page, navigation.value, status=429)
    assert page.get_by_role("heading", level=1).inner_text().strip() == "Te vaak mislukt inloggen"
