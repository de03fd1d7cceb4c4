"""An uitvoeringsplan's actions brought in, in a real browser and on a phone's width:
Westerveld's coordinator uploads Steenwijkerland's uitvoeringsplan (seed 000, set as a Word
file) as the actions of Westerveld's 2025 plan, whose IVP names its themes otherwise. The table
on care and safety is found under Westerveld's priority on care; the coordinator puts the first
table under the priority on undermining, leaves the other tables out, drops one action, moves
one to the care priority and joins one to the action above; saves; and finds the concept
uitvoeringsplan with exactly those actions."""

from __future__ import annotations

import pytest

from ivp.intake.readers.text import read_text

from ..intake.seed_files import as_word
from ..intake.seed_text import SEED_004
from .support import COORDINATOR, check_page, visit

pytestmark = pytest.mark.browser

SEED_000 = SEED_004.with_name("000_91dd2a825e35555a.txt")
UNDERMINING = "Ondermijnende factoren verminderen"
CARE = "Zorg en veiligheid efficiënter samen laten werken"


def test_actions_are_read_checked_and_saved_as_a_concept_on_a_phone(page_for, tmp_path):
    if not SEED_000.exists():
        pytest.skip(f"{SEED_000} is not beside this checkout (../shared/seeds)")
    word = tmp_path / "uitvoeringsplan-steenwijkerland.docx"
    word.write_bytes(as_word(read_text(SEED_000.read_text(encoding="utf-8"), "seed")))

    page = page_for(COORDINATOR)
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, "/gemeenten/GM1701/uitvoeringsplan/")
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name="De acties van een bestaand uitvoeringsplan inlezen").click()
    check_page(page, navigation.value)
    page.get_by_label("Het uitvoeringsplan: Word, PDF, tekst of een werkblad").set_input_files(word)
    page.get_by_label("Jaar van het uitvoeringsplan").fill("2025")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Acties inlezen").click()
    check_page(page, navigation.value)
    save = page.get_by_role("button", name="Opslaan als concept-uitvoeringsplan")
    save.wait_for(timeout=60_000)  # the worker reads it; the page polls until then
    visit(page, page.url)  # the review, loaded whole, checked as every page
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    tables = page.locator("fieldset.ivp-import-part")
    assert tables.count() == 8
    first = tables.first
    assert "ONDERMIJNENDE CRIMINALITEIT" in first.locator("legend").inner_text()
    first.locator("select").first.select_option(label=UNDERMINING)
    care = tables.nth(1)  # "2 ZORG EN VEILIGHEID" names Westerveld's priority on care
    assert care.locator("select").first.locator("option:checked").inner_text() == CARE
    care_items = [i.input_value() for i in care.get_by_label("Item").all()]
    for n in range(2, 8):  # the others name no theme of Westerveld's plan: left out
        assert tables.nth(n).locator("select").first.input_value() == ""
    actions = first.locator("li.ivp-import-action")
    items = [actions.nth(n).get_by_label("Item").input_value() for n in range(actions.count())]
    assert len(items) == 8
    actions.nth(0).get_by_label("Overnemen").uncheck()
    actions.nth(1).get_by_label("Onder", exact=True).select_option(label=CARE)
    actions.nth(3).get_by_label("Vervolg van de actie erboven").check()
    with page.expect_navigation() as navigation:
        save.click()
    check_page(page, navigation.value)

    main = page.locator("main").inner_text()
    assert "is opgeslagen met de 11 acties die u hebt overgenomen" in main
    plan = page.request.get(page.url.split("?")[0] + "export.json")
    assert plan.ok, plan.status
    themes: dict[str, list[str]] = {}
    for action in plan.json()["actions"]:
        themes.setdefault(action["theme"], []).append(action["item"])
    assert themes[UNDERMINING] == [items[2], *items[4:]]
    assert themes[CARE] == [items[1], *care_items]
    assert items[0] not in main and items[3] not in themes[UNDERMINING]
