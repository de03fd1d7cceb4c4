"""The help box and the manual in a browser: readable, accessible, no sideways scroll on a
phone (issue 19, item 8)."""

from __future__ import annotations

import pytest

from .support import ANONYMOUS, COORDINATOR, axe_violations, format_violations, visit

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)


def _fits(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_the_help_box_opens_by_keyboard_and_leads_to_the_role_manual(
    page_for, width, screenshot_dir
):
    page = page_for(COORDINATOR)
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, "/gemeenten/GM1701/werkruimte/")
    box = page.locator("details.ivp-help")
    link = box.locator("a[href='/handleiding/coordinator/']")
    assert not link.is_visible()  # closed until asked for
    box.locator("summary").focus()
    page.keyboard.press("Enter")
    assert link.is_visible()
    assert not axe_violations(page), format_violations(page.url, axe_violations(page))
    _fits(page, width)
    page.screenshot(path=screenshot_dir / f"help-open-{width}.png", full_page=True)
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/handleiding/coordinator/")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_manual_page_reads_well_on_desktop_and_phone(page_for, width, screenshot_dir):
    page = page_for(ANONYMOUS)
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, "/handleiding/bewoner/")
    assert page.locator(".ivp-manual__task").count() >= 4
    _fits(page, width)
    page.screenshot(path=screenshot_dir / f"manual-{width}.png", full_page=True)
