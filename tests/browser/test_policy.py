"""The policy side in a real browser: a coordinator walks the cycle from the start memo to an
adopted plan; the regional coordinator changes a shared objective and sees the members side by
side; a council member reads the published plan and finds no edit control.

The walk runs on Meppel, which has no cycle or plan in the demo; bad input on the way (a
survey file with an unknown theme, weights that do not make 100%, five priorities without
confirmation, a target year outside the plan period, a fifth priority, an adoption without
its confirmation) is refused in Dutch; before the adoption an objective is removed and a
priority moved up."""

from __future__ import annotations

import re

import pytest

from .support import RAAD, REGIO, Role, check_page, visit

pytestmark = pytest.mark.browser

# Meppel, a Zuidwest-Drenthe member without a cycle or plan in the demo.
MEPPEL = Role(
    "coordinator-meppel", "coordinator.meppel", municipality="GM0119", may_see_westerveld=False
)


def _submit(page, button: str) -> None:
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    check_page(page, navigation.value)


def _follow(page, link) -> None:
    with page.expect_navigation() as navigation:
        link.click()
    check_page(page, navigation.value)


def _write_priority(page, *, title, approach, parties, objective) -> None:
    """Writes out the priority the draft took from the council's choice."""
    _follow(page, page.get_by_role("link", name=f"Prioriteit bewerken {title}"))
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
        page.get_by_label("Streefjaar").fill("2035")  # outside the plan period: refused
        _submit(page, "Opslaan")
        assert "buiten de planperiode 2027–2030" in page.get_by_role("alert").inner_text()
        page.get_by_label("Streefjaar").fill(objective["target_year"])
    else:
        page.get_by_label("Soort", exact=True).select_option("kwalitatief")
    _submit(page, "Opslaan")


def _priority_titles(page) -> list[str]:
    """The plan's priorities as numbered on its page, in that order, without their numbers."""
    headings = page.get_by_role("heading", level=3, name=re.compile(r"^\d+\. "))
    numbered = [text.split(". ", 1) for text in headings.all_inner_texts()]
    assert [int(number) for number, _title in numbered] == list(range(1, len(numbered) + 1))
    return [title for _number, title in numbered]


def test_coordinator_walks_the_cycle_to_an_adopted_plan(page_for, screenshot_dir, tmp_path):
    page = page_for(MEPPEL)

    # 1. The start memo: a new cycle with its seven steps, the memo adopted by the college.
    visit(page, "/gemeenten/GM0119/cyclus/")
    page.get_by_label("Naam").fill("IVP Meppel 2027–2030")
    page.get_by_label("Eerste jaar van het plan").fill("2027")
    page.get_by_label("Laatste jaar van het plan").fill("2030")
    page.get_by_label("Begrote uren coördinator, vanaf").fill("300")
    page.get_by_label("Begrote uren coördinator, tot en met").fill("400")
    _submit(page, "Cyclus aanmaken")
    _follow(page, page.get_by_role("link", name="Bewerken Startnotitie"))
    page.get_by_label("Status").select_option("afgerond")
    page.get_by_label("Gepland einde").fill("2026-06-30")
    page.get_by_label("Besloten door").fill("college")
    page.get_by_label("Datum besluit").fill("2026-06-16")
    page.get_by_label("Bestede uren").fill("40")
    _submit(page, "Opslaan")
    steps = page.get_by_role("table").inner_text()
    assert "college, 16 juni 2026" in steps
    assert "budget coördinator 300–400 uur" in steps

    # 3. The matrix: the objective column comes from the analysis of the real figures.
    visit(page, "/gemeenten/GM0119/prioritering/")
    objective_row = page.locator("tr", has_text="Objectieve veiligheid")
    assert "Geregistreerde misdrijven, totaal" in objective_row.inner_text()
    # residents' priorities from a survey file: a wrong row refuses the whole file
    bad = tmp_path / "veiligheidsmonitor_fout.csv"
    bad.write_text("thema;percentage\nOndermijning;49\nDrugshandel;38\n", encoding="utf-8")
    page.get_by_label("Bestand met prioriteiten van inwoners (CSV of XLSX)").set_input_files(
        str(bad)
    )
    _submit(page, "Importeren")
    alert = page.get_by_role("alert").inner_text()
    assert "veiligheidsmonitor_fout.csv" in alert and "rij 3" in alert and "thema" in alert
    assert page.get_by_text("49% van de inwoners").count() == 0
    good = tmp_path / "veiligheidsmonitor.csv"
    good.write_text("thema;percentage\nOndermijning;49\nAlcohol en drugs;38,5\n", encoding="utf-8")
    page.get_by_label("Bestand met prioriteiten van inwoners (CSV of XLSX)").set_input_files(
        str(good)
    )
    _submit(page, "Importeren")
    assert page.get_by_text("49% van de inwoners wil aanpak").count() == 1
    # weights must make 100%
    page.get_by_label("Gewicht objectief (%)").fill("40")
    page.get_by_label("Professionele score voor Ondermijning").fill("4,5")
    _submit(page, "Gewichten en scores opslaan")
    assert "tellen op tot 115%" in page.get_by_role("alert").first.inner_text()
    page.get_by_label("Gewicht objectief (%)").fill("25")
    _submit(page, "Gewichten en scores opslaan")
    assert page.get_by_text("score 4,5 van 5").count() == 1
    # the council's choice: more than four only with a confirmation
    five = (
        "Ondermijning",
        "Alcohol en drugs",
        "Sociale kwaliteit",
        "Jeugdoverlast",
        "Veilig uitgaan",
    )
    for theme in five:
        page.get_by_label(re.compile(rf"\d+\. {theme}$")).check()
    page.get_by_label("Datum besluit").fill("2026-10-27")
    page.get_by_label("Kenmerk besluit").fill("RB 2026-61")
    _submit(page, "Keuze vastleggen")
    assert (
        "Bevestig dat dit het besluit van de raad is"
        in page.get_by_role("alert").first.inner_text()
    )
    for theme in five[3:]:
        page.get_by_label(re.compile(rf"\d+\. {theme}$")).uncheck()
    _submit(page, "Keuze vastleggen")
    assert "De keuze van de raad is vastgelegd." in page.get_by_role("status").first.inner_text()
    page.screenshot(path=str(screenshot_dir / "prioritering.png"), full_page=True)

    # 4. The plan: a draft from the council's choice, two priorities written out, a shared
    # regional priority adopted by link, and the council's adoption recorded.
    _follow(page, page.get_by_role("link", name="Het integraal veiligheidsplan schrijven"))
    _submit(page, "Conceptplan aanmaken")
    _write_priority(
        page,
        title="Ondermijning",
        approach="bewustwording van ondernemers en medewerkers\nBibob bij vergunningen",
        parties="RIEC Noord, Politie basisteam Zuidwest-Drenthe",
        objective={
            "text": "Minder geregistreerde misdrijven.",
            "indicator": "Geregistreerde misdrijven, totaal",
            "baseline": "2160",
            "baseline_year": "2024",
            "target": "2000",
            "target_year": "2030",
        },
    )
    _write_priority(
        page,
        title="Alcohol en drugs",
        approach="voorlichting op scholen\ntoezicht op alcoholverkoop aan jongeren",
        parties="GGD Drenthe, Verslavingszorg Noord Nederland",
        objective={"text": "Minder jongeren drinken alcohol."},
    )
    page.get_by_label("Gedeelde regionale prioriteit").select_option(
        label="Jonge aanwas voorkomen (Zuidwest-Drenthe)"
    )
    _submit(page, "Overnemen")
    page.get_by_label("Gedeelde regionale prioriteit").select_option(
        label="Veilig buitengebied (Zuidwest-Drenthe)"
    )
    _submit(page, "Overnemen")
    assert "adviseert er ten hoogste 4" in page.get_by_role("alert").first.inner_text()

    # 5. Before the decision: an objective removed after its confirmation page, a priority
    # moved up; the adoption then lists what becomes fixed and waits for the confirmation.
    _follow(page, page.get_by_role("link", name="Verwijderen Minder jongeren drinken alcohol."))
    confirm = page.locator("main").inner_text()
    assert "Doelstelling „Minder jongeren drinken alcohol.” verwijderen?" in confirm
    assert "De geschiedenis blijft bewaard in de audittrail." in confirm
    _submit(page, "Verwijderen")
    assert "verwijderd" in page.get_by_role("status").first.inner_text()
    assert page.locator("main li", has_text="Minder jongeren drinken alcohol.").count() == 0
    titles = _priority_titles(page)
    assert titles[-1] == "Jonge aanwas voorkomen"  # adopted last, so last in order
    _submit(page, "Prioriteit Jonge aanwas voorkomen omhoog")
    assert _priority_titles(page) == [*titles[:-2], titles[-1], titles[-2]]
    page.get_by_label("Vastgesteld op").fill("2026-12-15")
    page.get_by_label("Kenmerk besluit").fill("RB 2026-88")
    _submit(page, "Markeren als vastgesteld")
    fixed = page.locator("main").inner_text()
    assert "Wat vast komt te liggen" in fixed and "Prioriteiten (4)" in fixed
    assert "RB 2026-88" in fixed and "nieuwe versie" in fixed
    assert fixed.index(titles[-1]) < fixed.index(titles[-2])  # in the order just chosen
    _submit(page, "Plan vaststellen")  # without the tick: asked again, nothing adopted
    assert "Vink de bevestiging aan" in page.locator("main").inner_text()
    page.get_by_label(re.compile("^Ik bevestig dat dit plan zo is vastgesteld")).check()
    _submit(page, "Plan vaststellen")
    main = page.locator("main").inner_text()
    assert "versie 1" in main and "vastgesteld door gemeenteraad op 15 december 2026" in main
    headings = page.locator("main h3").all_inner_texts()
    assert any("Jonge aanwas voorkomen" in h for h in headings)  # adopted as a priority
    assert not any("Veilig buitengebied" in h for h in headings)  # refused: a fifth one
    assert (
        "van 2.160 (2024) naar 2.000 (2030)" in main or "van 2160 (2024) naar 2000 (2030)" in main
    )
    assert "Partijen: GGD Drenthe, Verslavingszorg Noord Nederland" in main
    assert page.get_by_role("link", name="Prioriteit toevoegen").count() == 0
    assert _priority_titles(page) == [*titles[:-2], titles[-1], titles[-2]]
    assert "Minder jongeren drinken" not in main
    assert page.get_by_role("button", name=re.compile("omhoog|omlaag")).count() == 0
    page.screenshot(path=str(screenshot_dir / "veiligheidsplan.png"), full_page=True)


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
    page.get_by_label("Soort", exact=True).select_option("kwalitatief")
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
    assert "Prioriteiten van Zuidwest-Drenthe" in main.inner_text()
    assert "Speerpunt 3: Bibob-beleid dat past bij Westerveld" in main.inner_text()
    assert main.locator("form").count() == 0
    assert (
        main.get_by_role("link", name=re.compile("^(Bewerken|Prioriteit|Doelstelling)")).count()
        == 0
    )
    assert main.get_by_role("button").count() == 0


STEENWIJKERLAND = Role(
    "coordinator-steenwijkerland",
    "coordinator.steenwijkerland",
    municipality="GM1708",
    may_see_westerveld=False,
)


@pytest.mark.parametrize(
    "path",
    [
        "/gemeenten/GM1708/prioritering/",
        "/gemeenten/GM1708/uitvoeringsplan/2026/",
        "/gemeenten/GM1708/cyclus/",
    ],
)
def test_wide_tables_scroll_in_their_own_frame_on_a_phone(context_for, path):
    """At 390 px a wide table scrolls inside its frame; the page itself never scrolls sideways
    (the matrix's hidden score labels once widened the whole page)."""
    page = context_for(STEENWIJKERLAND).new_page()
    page.set_viewport_size({"width": 390, "height": 900})
    visit(page, path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
