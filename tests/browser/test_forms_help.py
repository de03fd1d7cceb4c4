"""Forms that help, in a real browser: a partner reports progress on a phone, starting from the
last percentage and warned before recording “afgerond” below 100%; select boxes look like
select boxes; the prioritisation matrix fits the page; chart figures pass axe's role rule."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .support import ANONYMOUS, AXE_SOURCE, Role, check_page, visit

pytestmark = pytest.mark.browser

# Westerveld's demo has no uitvoeringsplan yet; Steenwijkerland's police partner has actions.
PARTNER = Role("partner-steenwijkerland", "partner.steenwijkerland", municipality="GM1708")
COORDINATOR = Role(
    "coordinator-steenwijkerland", "coordinator.steenwijkerland", municipality="GM1708"
)
PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"
ITEM = "Samenwerking politie en horeca"  # Gemeente, Horeca, Politie
PHONE = {"width": 390, "height": 844}


def _page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _submit(page: Page):
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Voortgang opslaan").click()
    check_page(page, navigation.value)


def _newest_percentage(page: Page) -> str:
    """The 'Percentage gereed' of the newest update that gave one, from the table."""
    cells = page.locator(".ivp-table-wrap tbody tr td:nth-child(3)").all_inner_texts()
    return next(c.strip() for c in cells if c.strip() not in ("", "—"))


def test_a_partner_reports_done_below_100_on_a_phone_and_is_asked_first(page_for, screenshot_dir):
    page = page_for(PARTNER)
    page.set_viewport_size(PHONE)
    visit(page, PLAN)
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name=f"Voortgang melden {ITEM}").click()
    check_page(page, navigation.value)
    form_url = page.url
    assert _page_width(page) <= PHONE["width"]

    # the form starts from the last reported percentage
    last = _newest_percentage(page)
    expect(page.get_by_label("Percentage gereed")).to_have_value(last)

    early = str(int(last) - 1 if 1 < int(last) < 100 else 50)
    page.get_by_label("Status").select_option("afgerond")
    page.get_by_label("Percentage gereed").fill(early)
    hint = page.locator("#progress-done-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("100%")
    page.screenshot(path=str(screenshot_dir / "voortgang_390.png"), full_page=True)

    # sent as it is: nothing saved, the server asks to confirm
    _submit(page)
    assert _page_width(page) <= PHONE["width"]
    expect(page.locator("#id_done_early_error")).to_contain_text(f"{early}%")
    assert _newest_percentage(page) == last
    page.locator("#id_done_early").check()
    _submit(page)
    expect(page.get_by_role("status").first).to_contain_text(f"Voortgang van „{ITEM}” opgeslagen")

    # the report is the newest one, and the form opens from it next time
    visit(page, form_url)
    assert _page_width(page) <= PHONE["width"]
    assert _newest_percentage(page) == early
    assert "afgerond" in page.locator(".ivp-table-wrap tbody tr").first.inner_text()
    expect(page.get_by_label("Percentage gereed")).to_have_value(early)


def test_select_boxes_show_their_arrow(page_for, screenshot_dir):
    page = page_for(COORDINATOR)
    visit(page, f"{PLAN}acties/nieuw/")
    arrow = page.locator("#id_theme").evaluate("e => getComputedStyle(e).backgroundImage")
    assert "svg" in arrow
    border = page.locator("#id_theme").evaluate("e => getComputedStyle(e).borderTopWidth")
    assert float(border.removesuffix("px")) >= 1
    page.locator("#id_theme").screenshot(path=str(screenshot_dir / "select.png"))


@pytest.mark.parametrize("width", [1280, 390])
def test_the_prioritisation_matrix_has_no_scroll_box_of_its_own(page_for, width):
    page = page_for(COORDINATOR)
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, "/gemeenten/GM1708/prioritering/")
    box = page.get_by_role("region", name=re.compile("Prioriteringsmatrix", re.I)).evaluate(
        """e => ({w: e.clientWidth, sw: e.scrollWidth, h: e.clientHeight, sh: e.scrollHeight})"""
    )
    assert box["sh"] <= box["h"], box  # never a scroll box inside the page
    if width == 1280:
        assert box["sw"] <= box["w"], box  # the whole matrix in view
    assert _page_width(page) <= width


@pytest.mark.parametrize("path", ["/gemeenten/GM1708/veiligheidsbeeld/", "/cijfers/kaart/"])
def test_chart_figures_have_roles_axe_allows(page_for, path):
    page = page_for(ANONYMOUS)
    visit(page, path)
    assert page.locator("figure.ivp-chart").count() > 0
    page.evaluate(AXE_SOURCE)
    found = page.evaluate(
        """async () => (await axe.run(document, {runOnly: ['aria-allowed-role']}))
            .violations.flatMap(v => v.nodes.map(n => n.html))"""
    )
    assert found == []
