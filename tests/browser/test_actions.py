"""The uitvoeringsplan in a real browser: a coordinator adds an action with two parties to
Steenwijkerland's 2026 plan and sees it in its theme's table, with its planning read."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import RAAD, Role, check_page, visit

pytestmark = pytest.mark.browser

STEENWIJKERLAND = Role(
    "coordinator-steenwijkerland", "coordinator.steenwijkerland", municipality="GM1708"
)


def test_coordinator_adds_an_action_with_two_parties(page_for, screenshot_dir):
    page = page_for(STEENWIJKERLAND)
    visit(page, "/gemeenten/GM1708/uitvoeringsplan/2026/")
    section = page.locator("section", has_text="Verkeersveiligheid").last
    section.get_by_text("De 3 acties van Verkeersveiligheid").click()  # 34 actions: folded
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


def test_the_plan_check_shows_beside_the_plan_and_opens_whole(page_for):
    page = page_for(STEENWIJKERLAND)
    response = page.goto("/gemeenten/GM1708/uitvoeringsplan/2026/")
    panel = page.get_by_role("region", name="Plancontrole")
    expect(panel).to_contain_text("fout — Actie „Landelijke campagne Meld Misdaad Anoniem”")
    expect(panel).to_contain_text(re.compile(r"\d+ bevindingen: 1 fout, \d+ waarschuwingen"))
    check_page(page, response)  # axe, now with the loaded panel
    with page.expect_navigation() as navigation:
        panel.get_by_role("link", name="Alle bevindingen, elk met hoe te herstellen").click()
    check_page(page, navigation.value)
    expect(
        page.get_by_role("listitem").filter(
            has_text=re.compile("^fout — Actie „Landelijke campagne Meld Misdaad")
        )
    ).to_contain_text("Schrijf haar als kwartalen")


PARTNER = Role("partner-steenwijkerland", "partner.steenwijkerland", municipality="GM1708")


def test_partner_updates_only_its_own_actions_also_by_file(page_for, tmp_path):
    page = page_for(PARTNER)
    visit(page, "/gemeenten/GM1708/uitvoeringsplan/2026/")
    links = page.get_by_role("link", name=re.compile(r"^Voortgang melden "))
    names = [" ".join(n.split()).removeprefix("Voortgang melden ") for n in links.all_inner_texts()]
    assert "Toezicht en handhaving" in names  # Politie
    assert "Borging Bibob-proces" not in names  # Gemeente only
    assert page.get_by_role("link", name=re.compile("^Actie toevoegen")).count() == 0
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name="Voortgang melden Toezicht en handhaving").click()
    check_page(page, navigation.value)
    page.get_by_label("Status").select_option("lopend")
    page.get_by_label("Percentage gereed").fill("80")
    page.get_by_label("Toelichting").fill("Vier controles gehouden.")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Voortgang opslaan").click()
    check_page(page, navigation.value)
    assert (
        "Voortgang van „Toezicht en handhaving” opgeslagen."
        in page.get_by_role("status").first.inner_text()
    )

    # a file: one row for an action of another party refuses the whole file
    bad = tmp_path / "voortgang_fout.csv"
    bad.write_text(
        "actie;status\nToezicht en handhaving;afgerond\nBorging Bibob-proces;afgerond\n",
        encoding="utf-8",
    )
    visit(page, "/gemeenten/GM1708/uitvoeringsplan/2026/voortgang-uploaden/")
    page.get_by_label("Bestand met voortgang (CSV of XLSX)").set_input_files(str(bad))
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Uploaden").click()
    check_page(page, navigation.value)
    alert = page.get_by_role("alert").inner_text()
    assert "rij 3" in alert and "geen partij" in alert
    good = tmp_path / "voortgang.csv"
    good.write_text(
        "actie;status;percentage\nToezicht en handhaving;afgerond;100\n", encoding="utf-8"
    )
    page.get_by_label("Bestand met voortgang (CSV of XLSX)").set_input_files(str(good))
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Uploaden").click()
    check_page(page, navigation.value)
    # first what the file would change; nothing is saved yet
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Controleer de voortgang voor het opslaan"
    )
    preview = page.locator("tr", has_text="Toezicht en handhaving").inner_text()
    assert "afgerond" in preview and "100%" in preview
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Deze meldingen opslaan").click()
    check_page(page, navigation.value)
    assert "1 voortgangsmelding opgeslagen" in page.get_by_role("status").first.inner_text()
    row = page.locator("tr", has_text="Toezicht en handhaving")
    assert "afgerond" in row.inner_text()


def test_a_published_dashboard_of_a_draft_is_not_shown_to_the_council(page_for):
    """The demo's Steenwijkerland 2026 dashboard is published, but its plan is a draft: a
    published dashboard never shows a draft (after adoption it does: tests/planning)."""
    page = page_for(RAAD)
    visit(page, "/gemeenten/GM1708/dashboard/")
    main = page.locator("main")
    assert "nog geen gepubliceerd dashboard" in main.inner_text()
    assert "Veiligheidsdashboard Steenwijkerland 2026" not in main.inner_text()


def test_those_preparing_the_plan_read_the_dashboard_without_edit_controls(page_for):
    page = page_for(PARTNER)
    visit(page, "/gemeenten/GM1708/dashboard/")
    main = page.locator("main")
    assert "Veiligheidsdashboard Steenwijkerland 2026" in main.inner_text()
    assert "zodra het college deze versie vaststelt" in main.inner_text()
    assert main.locator("figure svg").count() >= 8  # a chart per theme, beside its table
    assert main.locator("form").count() == 0 and main.get_by_role("button").count() == 0
    assert (
        main.get_by_role(
            "link", name=re.compile("^(Bewerken|Voortgang melden|Actie toevoegen)")
        ).count()
        == 0
    )
