"""A resident who knows only the village finds its municipality and reads its safety at a glance."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import ANONYMOUS, check_page, visit

pytestmark = pytest.mark.browser


def test_a_visitor_finds_giethoorn_and_reads_the_headline_tiles(page_for):
    page = page_for(ANONYMOUS)
    visit(page, "/gemeenten/")
    rows = page.locator("#municipality-rows tr")
    with page.expect_response(lambda r: "q=giethoorn" in r.url) as searched:
        page.locator("#q").press_sequentially("giethoorn", delay=20)
    assert searched.value.status == 200
    expect(rows).to_have_count(1)
    # The row says why a search for a village finds a municipality of another name.
    expect(rows.first).to_contain_text("Giethoorn")
    check_page(page, searched.value)

    with page.expect_navigation() as opened:
        rows.first.get_by_role("link", name="Steenwijkerland").click()
    check_page(page, opened.value)
    assert page.url.endswith("/gemeenten/GM1708/")

    tiles = page.locator(".ivp-tile")
    assert tiles.count() >= 3
    rate = tiles.first.inner_text()
    # a rate in Dutch notation with its source and period; that it equals the analysis' is
    # tests/figures/test_headline_tiles.py's (other browser tests import figures meanwhile)
    assert re.search(r"\n\d+,\d\n", rate), rate
    assert "Bron: Politie" in rate and re.search(r"periode 20\d\d", rate), rate
    for tile in tiles.all():  # every tile names its source and period
        assert "Bron:" in tile.inner_text()
    # The tiles come first: above the neighbours and the key figures.
    tiles_top = tiles.first.bounding_box()["y"]
    assert tiles_top < page.locator("#buurgemeenten").bounding_box()["y"]
    expect(page.locator(".ivp-neighbours")).to_contain_text("Westerveld")


@pytest.mark.parametrize("path", ["/gemeenten/GM1708/", "/gemeenten/?q=giethoorn"])
def test_the_public_pages_fit_a_phone(page_for, path):
    page = page_for(ANONYMOUS)
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, path)  # axe at 390 px
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_map_leads_to_a_municipality_page(page_for):
    page = page_for(ANONYMOUS)
    visit(page, "/cijfers/kaart/?gemeente=Giethoorn")
    expect(page.locator("tr[aria-current=true]")).to_contain_text("Steenwijkerland")
    with page.expect_navigation() as opened:
        page.locator('svg a[href="/gemeenten/GM1701/"]').first.click()
    check_page(page, opened.value)
    assert page.url.endswith("/gemeenten/GM1701/")
