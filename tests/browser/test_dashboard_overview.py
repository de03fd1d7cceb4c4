"""The dashboard as an overview: Steenwijkerland's coordinator sees the whole plan on the first
screen, opens a theme's details from its row, and reads it all on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .support import Role, check_page, visit

pytestmark = pytest.mark.browser

STEENWIJKERLAND = Role("coordinator-gm1708", "coordinator.steenwijkerland", municipality="GM1708")
DASHBOARD = "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/"


def _open_all_details(page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


def test_the_summary_fills_the_first_screen_and_a_row_opens_its_theme(page_for):
    page = page_for(STEENWIJKERLAND)
    page.set_viewport_size({"width": 1280, "height": 800})
    response = visit(page, DASHBOARD)
    summary = page.locator(".ivp-dash-summary")
    bottom = summary.evaluate("e => e.getBoundingClientRect().bottom + window.scrollY")
    assert bottom <= 800, f"the summary ends at {bottom} px"
    details = page.locator("details.ivp-dash-detail")
    assert details.count() == page.locator(".ivp-dash-theme").count() > 1
    expect(details.first.locator("table").first).to_be_hidden()

    row = page.locator(".ivp-dash-theme__name").nth(1)
    theme = row.inner_text()
    row.click()
    opened = details.nth(1)
    expect(opened).to_have_attribute("open", "")
    expect(opened.locator("summary")).to_contain_text(theme)
    expect(opened.locator("table").first).to_be_visible()
    _open_all_details(page)
    check_page(page, response)  # axe on every theme's chart and tables too


def test_the_dashboard_reads_on_a_phone(page_for):
    page = page_for(STEENWIJKERLAND)
    page.set_viewport_size({"width": 390, "height": 844})
    response = visit(page, DASHBOARD)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.locator(".ivp-dash-summary progress").first).to_be_visible()
    _open_all_details(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    check_page(page, response)
