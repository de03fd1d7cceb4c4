"""The policy side in a real browser: a coordinator walks the cycle from the start memo to an
adopted plan; the regional coordinator changes a shared objective and sees the members side by
side; a council member reads the published plan and finds no edit control.

The walk runs on Westerveld, whose demo plan (version 1, adopted) is followed by version 2."""

from __future__ import annotations

import re

import pytest

from .support import COORDINATOR, RAAD, REGIO, check_page, visit

pytestmark = pytest.mark.browser


def _submit(page, button: str) -> None:
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    check_page(page, navigation.value)


def _follow(page, link) -> None:
    with page.expect_navigation() as navigation:
        link.click()
    check_page(page, navigation.value)


def _write_priority(page, *, title, theme, approach, parties, objective) -> None:
    _follow(page, page.get_by_role("link", name="Prioriteit toevoegen"))
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Thema").select_option(label=theme)
    page.get_by_label("Aanpak").fill(approach)
    page.get_by_label("Partijen").fill(parties)
    _submit(page, "Opslaan")
    _follow(page, page.get_by_role("link", name=f"Doelstelling toevoegen ({title})"))
    page.get_by_label("Doelstelling", exact=True).fill(objective["text"])
    if "indicator" in objective:
        page.get_by_label("Indicator", exact=True).select_option(label=objective["indicator"])
        page.get_by_label("Nulmeting", exact=True).fill(objective["baseline"])
        page.get_by_label("Jaar nulmeting").fill(objective["baseline_year"])
        page.get_by_label("Streefwaarde", exact=True).fill(objective["target"])
        page.get_by_label("Streefjaar").fill(objective["target_year"])
    else:
        page.get_by_label("Kwalitatief (niet gemeten met een indicator)").check()
    _submit(page, "Opslaan")


def test_coordinator_walks_the_cycle_to_an_adopted_plan(page_for, screenshot_dir):
    page = page_for(COORDINATOR)

    # 1. The start memo: a new cycle with its seven steps, the memo adopted by the college.
    visit(page, "/gemeenten/GM1701/cyclus/")
    page.get_by_label("Naam").fill("IVP Westerveld 2028–2031")
    page.get_by_label("Eerste jaar van het plan").fill("2028")
    page.get_by_label("Laatste jaar van het plan").fill("2031")
    page.get_by_label("Begrote uren coördinator, vanaf").fill("300")
    page.get_by_label("Begrote uren coördinator, tot en met").fill("400")
    _submit(page, "Cyclus aanmaken")
    _follow(page, page.get_by_role("link", name="Bewerken Startnotitie"))
    page.get_by_label("Status").select_option("afgerond")
    page.get_by_label("Gepland einde").fill("2027-06-30")
    page.get_by_label("Besloten door").fill("college")
    page.get_by_label("Datum besluit").fill("2027-06-15")
    page.get_by_label("Bestede uren").fill("40")
    _submit(page, "Opslaan")
    steps = page.get_by_role("table").inner_text()
    assert "college, 15 juni 2027" in steps
    assert "budget coördinator 300–400 uur" in steps

    # 3. The matrix: the objective column comes from the analysis of the real figures.
    visit(page, "/gemeenten/GM1701/prioritering/")
    objective_row = page.locator("tr", has_text="Objectieve veiligheid")
    assert "Geregistreerde misdrijven, totaal" in objective_row.inner_text()
    page.get_by_label("Inwoners (%) voor Ondermijning").fill("49")
    page.get_by_label("Professionele score voor Ondermijning").fill("4,5")
    _submit(page, "Gewichten en scores opslaan")
    assert (
        page.locator("tr", has_text="Ondermijning").first.get_by_text("49% van de inwoners").count()
    )
    for theme in ("Ondermijning", "Sociale kwaliteit", "Gedigitaliseerde criminaliteit"):
        page.get_by_label(re.compile(rf"\d+\. {theme}$")).check()
    page.get_by_label("Datum besluit").fill("2027-10-26")
    page.get_by_label("Kenmerk besluit").fill("RB 2027-61")
    _submit(page, "Keuze vastleggen")
    assert "De keuze van de raad is vastgelegd." in page.get_by_role("status").first.inner_text()
    page.screenshot(path=str(screenshot_dir / "prioritering.png"), full_page=True)

    # 4. The plan: the adopted version 1 is not changed; version 2 is written and adopted.
    visit(page, "/gemeenten/GM1701/veiligheidsplan/")
    assert page.get_by_role("link", name="Prioriteit toevoegen").count() == 0
    _submit(page, "Nieuwe versie beginnen")
    _write_priority(
        page,
        title="Woninginbraak voorkomen",
        theme="Veilige woon- en leefomgeving: Objectieve veiligheid",
        approach="buurtpreventie met WhatsApp-groepen\nvoorlichting over hang- en sluitwerk",
        parties="Politie basisteam Zuidwest-Drenthe, Woonconcept",
        objective={
            "text": "Minder geregistreerde misdrijven.",
            "indicator": "Geregistreerde misdrijven, totaal",
            "baseline": "376",
            "baseline_year": "2024",
            "target": "350",
            "target_year": "2031",
        },
    )
    _write_priority(
        page,
        title="Veilig uitgaan",
        theme="Bedrijvigheid en veiligheid: Veilig uitgaan",
        approach="afspraken met horeca over toezicht",
        parties="Koninklijke Horeca Nederland",
        objective={"text": "Uitgaan in Westerveld is en blijft veilig."},
    )
    page.get_by_label("Gedeelde regionale prioriteit").select_option(
        label="Veilig buitengebied (Zuidwest-Drenthe)"
    )
    _submit(page, "Overnemen")
    page.get_by_label("Vastgesteld op").fill("2027-12-14")
    page.get_by_label("Kenmerk besluit").fill("RB 2027-88")
    _submit(page, "Markeren als vastgesteld")
    main = page.locator("main").inner_text()
    assert "versie 2" in main and "vastgesteld door gemeenteraad op 14 december 2027" in main
    assert "Woninginbraak voorkomen" in main and "Veilig buitengebied" in main
    assert "van 376 (2024) naar 350 (2031)" in main
    assert page.get_by_role("link", name="Prioriteit toevoegen").count() == 0
    page.screenshot(path=str(screenshot_dir / "veiligheidsplan.png"), full_page=True)

    _follow(page, page.get_by_role("link", name="Vergelijken met de vorige versie"))
    added = page.locator("ins").all_inner_texts()
    assert any("Woninginbraak voorkomen" in text for text in added)


def test_regional_coordinator_changes_a_shared_objective_and_compares_members(page_for):
    page = page_for(REGIO)
    visit(page, "/regios/zuidwest-drenthe/prioriteiten/")
    _follow(
        page,
        page.get_by_role("link", name=re.compile(r"^Bewerken Gemeenten en partners hebben meer")),
    )
    page.get_by_label("Doelstelling", exact=True).fill(
        "Gemeenten en partners hebben zicht op online fraude in hun gebied."
    )
    page.get_by_label("Kwalitatief (niet gemeten met een indicator)").check()
    _submit(page, "Opslaan")
    visit(page, "/regios/zuidwest-drenthe/naast-elkaar/")
    table = page.get_by_role("table").inner_text()
    for name in ("Meppel", "Midden-Drenthe", "Westerveld"):
        assert name in table
    assert "per 1.000 inwoners" in table


def test_council_member_reads_the_published_plan_without_edit_controls(page_for):
    page = page_for(RAAD)
    visit(page, "/gemeenten/GM1701/veiligheidsplan/")
    main = page.locator("main")
    assert "Integraal Veiligheidsplan Westerveld 2023–2027" in main.inner_text()
    assert "Gedeelde prioriteit van Zuidwest-Drenthe" in main.inner_text()
    assert main.locator("form").count() == 0
    assert (
        main.get_by_role("link", name=re.compile("^(Bewerken|Prioriteit|Doelstelling)")).count()
        == 0
    )
    assert main.get_by_role("button").count() == 0
