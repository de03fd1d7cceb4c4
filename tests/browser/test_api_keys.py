"""Making and revoking a personal API key on its page, by keyboard-reachable controls, with the
key shown once in a labelled field; axe checks the page before and after."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import PARTNER, check_page, visit

pytestmark = pytest.mark.browser


def test_a_partner_makes_a_key_sees_it_once_and_revokes_it(page_for):
    page = page_for(PARTNER)
    visit(page, "/account/api-sleutels/")
    page.get_by_label("Naam van de sleutel").fill("voortgangsscript browser")
    with page.expect_navigation() as made:
        page.get_by_role("button", name="Sleutel maken").click()
    check_page(page, made.value)
    key = page.get_by_label("API-sleutel").input_value()
    assert key.startswith("ivp_") and len(key) > 40
    expect(page.get_by_role("status")).to_contain_text("alleen deze ene keer")

    visit(page, "/account/api-sleutels/")  # opened again, the page no longer has the key
    assert key not in page.content()
    with page.expect_navigation() as revoked:
        page.get_by_role("button", name="Intrekken voortgangsscript browser").click()
    check_page(page, revoked.value)
    expect(page.get_by_role("main")).to_contain_text("ingetrokken")
