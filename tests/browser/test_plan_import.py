"""Bringing an existing plan in, in a real browser: the beheerder uploads Westerveld's IVP
(seed 004, set as a Word file, with an approach list added to its second priority) for De
Wolden, which has no plan in the demo; waits while the worker reads it; accepts most parts,
moves one approach line to another priority and drops one speerpunt; saves; and finds the
concept with exactly those parts, their source in the audit trail."""

from __future__ import annotations

import pytest

from ivp.intake.blocks import Block, Kind, Place
from ivp.intake.readers.text import read_text

from ..intake.seed_files import as_word
from ..intake.seed_text import SEED_004
from .support import BEHEERDER, check_page, visit

pytestmark = pytest.mark.browser

CODE = "GM1690"  # De Wolden
MOVED = "vroegsignalering samen met de woningcorporaties"
DROPPED = "Bij veel overlastgevallen spelen psychische problemen een rol"


def _with_an_approach_list(blocks: list[Block]) -> list[Block]:
    """Seed 004 writes speerpunten, no approach lines: the test adds two, in its own words,
    after the second priority's heading."""
    at = next(i for i, b in enumerate(blocks) if b.text.startswith("Doelstelling 2:"))
    place = Place("test", 0)
    added = [
        Block(Kind.PARAGRAPH, "Onze aanpak richt zich op:", place),
        Block(Kind.ITEM, "buurtbemiddeling in elke kern", place),
        Block(Kind.ITEM, MOVED, place),
    ]
    return blocks[: at + 1] + added + blocks[at + 1 :]


def _go(page, role: str, name: str) -> None:
    with page.expect_navigation() as navigation:
        page.get_by_role(role, name=name, exact=True).first.click()
    check_page(page, navigation.value)


def test_an_existing_plan_is_read_checked_and_saved_as_a_concept(page_for, tmp_path):
    if not SEED_004.exists():
        pytest.skip(f"{SEED_004} is not beside this checkout (../shared/seeds)")
    blocks = _with_an_approach_list(read_text(SEED_004.read_text(encoding="utf-8"), "seed"))
    word = tmp_path / "ivp-westerveld.docx"
    word.write_bytes(as_word(blocks))

    page = page_for(BEHEERDER)
    visit(page, f"/gemeenten/{CODE}/veiligheidsplan/")
    _go(page, "link", "Een bestaand plan inlezen (Word, PDF of tekst)")
    page.get_by_label("Het plan: Word, PDF, tekst of de JSON van ivp").set_input_files(word)
    _go(page, "button", "Het plan inlezen")
    save = page.get_by_role("button", name="Opslaan als conceptplan")
    save.wait_for(timeout=60_000)  # the worker reads it; the page polls until then
    visit(page, page.url)  # the review, loaded whole, checked as every page
    parts = [p for p in page.locator("fieldset legend").all_inner_texts() if p.startswith("Prior")]
    assert len(parts) == 4 and parts[1].startswith("Prioriteit: Het terug dringen")
    assert "ivp-westerveld.docx" in page.locator(".ivp-import-source").first.inner_text()

    second = page.locator("fieldset").nth(1)
    moved = second.locator("textarea", has_text=MOVED)
    key = moved.get_attribute("name").removesuffix("-text")
    under = page.locator(f"select[name='{key}-under']")
    care = next(o for o in under.locator("option").all_inner_texts()
                if o.startswith("De samenwerking tussen zorg"))  # fmt: skip
    under.select_option(label=care)
    dropped = second.locator("textarea", has_text=DROPPED).get_attribute("name")
    page.locator(f"input[name='{dropped.removesuffix('-text')}-keep']").uncheck()
    with page.expect_navigation() as navigation:
        save.click()
    check_page(page, navigation.value)

    text = page.locator("main").inner_text()
    assert "Het concept" in text and "is opgeslagen met wat u overnam" in text
    plan = page.request.get(page.url + "export.json").json()  # the concept as saved
    titles = [p["title"] for p in plan["priorities"]]
    assert len(titles) == 4 and plan["status"] == "concept"
    second, care = plan["priorities"][1], plan["priorities"][3]
    assert second["approach"] == ["buurtbemiddeling in elke kern"]
    assert care["approach"] == [MOVED]  # moved to the care-and-safety priority
    speerpunten = [a["title"] for p in plan["priorities"] for a in p["focus_areas"]]
    assert len(speerpunten) == 9 and DROPPED not in speerpunten

    visit(page, f"/gemeenten/{CODE}/audit/")
    assert "Ingelezen uit ivp-westerveld.docx" in page.locator("main").inner_text()
