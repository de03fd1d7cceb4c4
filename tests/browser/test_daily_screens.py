"""The daily screens in a real browser, as issue 19 asks: the coordinator finds the police's
stale actions; a partner reports on a phone; the coordinator sees that report on landing and
answers in the action's comment thread; the partner sees the answer; a council member lands
on the plan. Every page is checked with axe (check_page) at 1280 px and, where a phone is
used, at 390 px without the page scrolling sideways."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .support import RAAD, Role, check_page, log_in, visit

pytestmark = pytest.mark.browser

PARTNER = Role("partner-steenwijkerland", "partner.steenwijkerland", municipality="GM1708")
COORDINATOR = Role(
    "coordinator-steenwijkerland", "coordinator.steenwijkerland", municipality="GM1708"
)
PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"
ITEM = "Samenwerking in de donkere dagen"  # Politie, Gemeente, wijk- en buurtverenigingen
PHONE = {"width": 390, "height": 844}


def _page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _click(page: Page, locator) -> None:
    with page.expect_navigation() as navigation:
        locator.click()
    check_page(page, navigation.value)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_coordinator_filters_to_stale_actions_of_the_police(page_for, width):
    page = page_for(COORDINATOR)
    page.set_viewport_size({"width": width, "height": 900})
    visit(page, PLAN)
    page.get_by_text("Acties zoeken: tekst, thema").click()
    page.get_by_label("Partij", exact=True).select_option("Politie")
    page.get_by_label("alleen stilgevallen acties").check()
    _click(page, page.get_by_role("button", name="Tonen"))
    assert "stil=1" in page.url and "partij=Politie" in page.url
    expect(page.locator("#acties")).to_contain_text("voldoen aan het filter")
    rows = page.locator(".ivp-action-table tbody tr")
    assert rows.count() > 0
    for text in rows.all_inner_texts():
        assert "stilgevallen" in text and "Politie" in text
    assert _page_width(page) <= width
    # the choice is kept: the list opens filtered next time
    visit(page, PLAN)
    assert "stil=1" in page.url
    _click(page, page.get_by_role("button", name="Filter wissen"))
    assert "stil=1" not in page.url


def test_a_report_on_a_phone_reaches_the_coordinator_and_the_answer_the_partner(
    page_for, new_context
):
    # The partner reports on a phone, from their own list.
    partner = page_for(PARTNER)
    partner.set_viewport_size(PHONE)
    visit(partner, PLAN)
    assert _page_width(partner) <= PHONE["width"]
    _click(partner, partner.get_by_role("link", name=f"Voortgang melden {ITEM}"))
    assert _page_width(partner) <= PHONE["width"]
    partner.get_by_label("Status").select_option("lopend")
    partner.get_by_label("Percentage gereed").fill("65")
    partner.get_by_label("Toelichting").fill("Tweede avondronde gelopen met de buurtvereniging.")
    _click(partner, partner.get_by_role("button", name="Voortgang opslaan"))
    assert _page_width(partner) <= PHONE["width"]

    # The coordinator logs in and sees the report on landing.
    coordinator = new_context().new_page()
    response = log_in(coordinator, COORDINATOR.username)
    check_page(coordinator, response)
    assert coordinator.url.endswith("/gemeenten/GM1708/werkruimte/")
    news = coordinator.locator(".ivp-news")
    expect(news).to_contain_text(ITEM)
    expect(news).to_contain_text("Tweede avondronde")

    # … opens it and answers in the action's comment thread.
    _click(coordinator, news.get_by_role("link", name=ITEM).first)
    coordinator.get_by_label("Uw reactie").fill("Dank! Kunt u de cijfers per wijk meesturen?")
    _click(coordinator, coordinator.get_by_role("button", name="Reactie plaatsen"))
    expect(coordinator.locator("#reacties")).to_contain_text("cijfers per wijk")

    # The partner sees the answer: on their list's news, and in the thread.
    visit(partner, PLAN)
    partner_news = partner.locator(".ivp-news")
    expect(partner_news).to_contain_text("Reactie")
    expect(partner_news).to_contain_text(ITEM)
    _click(partner, partner_news.get_by_role("link", name=ITEM).first)
    expect(partner.locator("#reacties")).to_contain_text("Kunt u de cijfers per wijk meesturen?")
    assert _page_width(partner) <= PHONE["width"]


def test_the_council_member_lands_on_the_plan(new_context):
    page = new_context().new_page()
    response = log_in(page, RAAD.username)
    check_page(page, response)
    assert re.search(r"/gemeenten/GM1701/veiligheidsplan/\d+/$", page.url), page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text("Veiligheidsplan")


# The pages used every day, and the public picture, on a phone.
PHONE_PAGES = {
    COORDINATOR: [
        "/gemeenten/GM1708/werkruimte/",
        "/gemeenten/GM1708/cyclus/monitoring/",
        PLAN,
        PLAN + "?sorteer=bijgewerkt",
        PLAN + "dashboard/",
        PLAN + "stilgevallen/",
        PLAN + "controle/",
        PLAN + "voortgang-uploaden/",
        "/gemeenten/GM1708/veiligheidsplan/",
        "/gemeenten/GM1708/prioritering/",
        "/gemeenten/GM1708/documenten/",
        "/handleiding/coordinator/",
    ],
    PARTNER: [PLAN, PLAN + "?alle=1"],
}
PUBLIC_PAGES = [
    "/",
    "/gemeenten/",
    "/gemeenten/GM1708/",
    "/gemeenten/GM1708/veiligheidsbeeld/",
    "/cijfers/kaart/",
    "/handleiding/bewoner/",
]


def _fits_a_phone(page: Page, path: str) -> None:
    visit(page, path)  # axe, Dutch, one h1
    assert _page_width(page) <= PHONE["width"], f"{path} is {_page_width(page)} px wide"
    broken = page.evaluate(
        """() => Array.from(document.querySelectorAll('h1, h2, h3'))
            .filter(h => { const s = getComputedStyle(h);
                return s.wordBreak === 'break-all' || s.overflowWrap === 'anywhere'
                    || h.scrollWidth > h.clientWidth + 1; })
            .map(h => h.innerText)"""
    )
    assert broken == [], f"{path}: headings broken or too wide: {broken}"


@pytest.mark.parametrize("role", [COORDINATOR, PARTNER], ids=["coordinator", "partner"])
def test_the_daily_pages_fit_a_phone(page_for, role):
    page = page_for(role)
    page.set_viewport_size(PHONE)
    for path in PHONE_PAGES[role]:
        _fits_a_phone(page, path)


def test_the_public_pages_fit_a_phone(new_context):
    page = new_context().new_page()
    page.set_viewport_size(PHONE)
    for path in PUBLIC_PAGES:
        _fits_a_phone(page, path)
