"""The uitvoeringsplan in a real browser: a coordinator adds an action with two parties to
Steenwijkerland's 2026 plan and sees it in its theme's table, with its planning read."""

from __future__ import annotations

import pytest

from .support import Role, check_page, visit

pytestmark = pytest.mark.browser

STEENWIJKERLAND = Role(
    "coordinator-steenwijkerland", "coordinator.steenwijkerland", municipality="GM1708"
)


def test_coordinator_adds_an_action_with_two_parties(page_for, screenshot_dir):
    page = page_for(STEENWIJKERLAND)
    visit(page, "/gemeenten/GM1708/uitvoeringsplan/2026/")
    section = page.locator("section", has_text="Verkeersveiligheid").last
    assert "Vaarseizoen 2026" in section.inner_text()
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name="Actie toevoegen (Verkeersveiligheid)").click()
    check_page(page, navigation.value)
    page.get_by_label("Item").fill("Fietsverlichting bij scholen")
    page.get_by_label("Maatregelen/activiteiten").fill(
        "Controle en voorlichting bij middelbare scholen."
    )
    page.get_by_label("Partijen").fill("Politie, Veilig Verkeer Nederland")
    page.get_by_label("Planning").fill("oktober t/m december")
    page.get_by_label("Trekker").fill("Politie")
    page.get_by_label("Budget (€)").fill("1.500,00")
    page.get_by_label("Capaciteit (uren)").fill("24")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Opslaan").click()
    check_page(page, navigation.value)
    row = page.locator("tr", has_text="Fietsverlichting bij scholen")
    text = row.inner_text()
    assert "Politie, Veilig Verkeer Nederland" in text
    assert "oktober t/m december" in text and "niet te lezen" not in text
    assert "1.500,00" in text
    page.screenshot(path=str(screenshot_dir / "uitvoeringsplan.png"), full_page=True)
