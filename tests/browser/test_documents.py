"""Documents in a real browser: the coordinator reads the uitvoeringsplan as a document, has
it made as a PDF in the background and downloads it; then drafts a theme's look-back from the
figures and actions, edits it and saves it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..reports.reading import pdf_text
from .support import Role, axe_violations, check_page, format_violations, visit

pytestmark = pytest.mark.browser

STEENWIJKERLAND = Role(
    "coordinator-steenwijkerland", "coordinator.steenwijkerland", municipality="GM1708"
)


def test_coordinator_reads_makes_and_downloads_the_uitvoeringsplan(page_for, screenshot_dir):
    page = page_for(STEENWIJKERLAND)
    visit(page, "/gemeenten/GM1708/uitvoeringsplan/2026/")
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name="het uitvoeringsplan als document").click()
    check_page(page, navigation.value)
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Uitvoeringsplan integrale veiligheid 2026"
    )
    contents = page.get_by_role("navigation", name="Inhoud")
    assert contents.get_by_role("link", name="Totalen per partij").count() == 1
    page.screenshot(path=str(screenshot_dir / "document-uitvoeringsplan.png"))
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=re.compile("^Maak PDF")).click()
    check_page(page, navigation.value)
    ready = page.get_by_role("link", name=re.compile(r"^Download uitvoeringsplan-"))
    ready.wait_for(timeout=60_000)  # the worker makes it; the page polls until then
    assert not axe_violations(page), format_violations(page.url, axe_violations(page))
    with page.expect_download() as download:
        ready.click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"%PDF-")
    assert "Toezicht en handhaving" in pdf_text(content)


def test_coordinator_drafts_edits_and_saves_a_lookback(page_for):
    page = page_for(STEENWIJKERLAND)
    visit(page, "/gemeenten/GM1708/uitvoeringsplan/2026/")
    page.get_by_text("Inleiding, doelstellingen en terugblik (Woonoverlast)").click()
    with page.expect_navigation() as navigation:
        page.get_by_role("link", name=re.compile(r"terugblik.*: Woonoverlast$", re.I)).click()
    check_page(page, navigation.value)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Concept uit de cijfers en acties van 2025").click()
    check_page(page, navigation.value)
    box = page.get_by_label("Terugblik")
    draft = box.input_value()
    assert draft.startswith("Voor 2025 is in ivp geen uitvoeringsplan met dit thema vastgelegd.")
    sources = page.get_by_role("table", name="Zinnen van het concept en hun bron")
    assert "Uitvoeringsplannen in ivp" in sources.inner_text()
    box.fill(draft + " Aangevuld door de coördinator.")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Opslaan").click()
    check_page(page, navigation.value)
    section = page.locator("section", has_text="Woonoverlast").last
    assert "Aangevuld door de coördinator." in section.inner_text()
