"""The public list of municipalities and its live search (htmx)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .support import ANONYMOUS, check_page, visit

pytestmark = pytest.mark.browser


def test_list_shows_all_342_and_live_search_filters_without_reload(page_for):
    page = page_for(ANONYMOUS)
    visit(page, "/gemeenten/")
    rows = page.locator("#municipality-rows tr")
    assert rows.count() == 342
    assert "342 gemeenten" in page.get_by_role("main").inner_text()

    # A marker on the window survives an htmx swap but not a full page load.
    page.evaluate("() => { window.__ivpNoReload = true; }")
    with page.expect_response(lambda r: "/gemeenten/?" in r.url and "q=Steenwijk" in r.url) as hx:
        page.locator("#q").press_sequentially("Steenwijk", delay=20)
    assert hx.value.status == 200
    assert hx.value.request.headers.get("hx-request") == "true"
    expect(rows).to_have_count(1)

    names = rows.locator("th").all_inner_texts()
    assert names == ["Steenwijkerland"]
    assert page.evaluate("() => window.__ivpNoReload") is True
    # The search is in the address bar, so it can be shared and survives a reload.
    assert parse_qs(urlsplit(page.url).query).get("q") == ["Steenwijk"]
    check_page(page, hx.value)

    response = page.reload()
    check_page(page, response)
    assert page.locator("#municipality-rows tr th").all_inner_texts() == ["Steenwijkerland"]
    assert page.input_value("#q") == "Steenwijk"
