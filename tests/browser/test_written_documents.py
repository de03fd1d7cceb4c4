"""A document written in ivp, in a real browser: for Hoogeveen (no plan in the demo, and none
made by another browser test) the beheerder drafts an IVP 2027–2030, takes over the outline of
its document, writes the introduction with a list, bold and a footnote and places the safety picture's chart in
it, has the PDF made and finds both; adopts the plan; and an anonymous visitor downloads the
adopted plan's PDF, made by the worker at adoption."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ..reports.reading import pdf_text, words
from .support import ANONYMOUS, BEHEERDER, check_page, visit

pytestmark = pytest.mark.browser

CODE = "GM0118"
PLAN_TITLE = "Integraal Veiligheidsplan Hoogeveen 2027–2030"
CHAPTERS = f"/gemeenten/{CODE}/documenten/ivp/2027/hoofdstukken/"
NOTE = "Bron: evaluatie van het IVP 2023–2026."
INTRODUCTION = (
    f"Dit plan bouwt voort op het **vorige**.^[{NOTE}]\n\n"
    "We werken in drie stappen:\n- kennen\n- kiezen\n- doen"
)
CHART_TABLE = "Jaar Aantal Per 1.000 inwoners"  # the header of the chart's table of figures


def _go(page, role: str, name: str) -> None:
    with page.expect_navigation() as navigation:
        page.get_by_role(role, name=name, exact=True).first.click()
    check_page(page, navigation.value)


def _download(page, link) -> bytes:
    with page.expect_download() as download:
        link.click()
    return Path(download.value.path()).read_bytes()


def test_a_written_chapter_with_a_chart_reaches_the_pdf_and_the_public(page_for):
    page = page_for(BEHEERDER)
    visit(page, f"/gemeenten/{CODE}/veiligheidsplan/")
    page.get_by_label("Titel").fill(PLAN_TITLE)
    page.get_by_label("Eerste jaar").fill("2027")
    page.get_by_label("Laatste jaar").fill("2030")
    _go(page, "button", "Conceptplan aanmaken")
    _go(page, "link", "Prioriteit toevoegen")
    page.get_by_label("Titel").fill("Ondermijning tegengaan")
    page.get_by_label("Thema", exact=True).select_option(
        label="Integriteit en veiligheid: Ondermijning"
    )
    _go(page, "button", "Opslaan")

    visit(page, CHAPTERS)
    _go(page, "button", "Indeling aanpassen")
    _go(page, "link", "Schrijven of wijzigen Inleiding")
    page.get_by_label("Tekst", exact=True).fill(INTRODUCTION)
    page.get_by_label("Gegenereerd onderdeel na de tekst").select_option(
        label="Het veiligheidsbeeld in het kort (grafiek en tabel)"
    )
    _go(page, "button", "Voorbeeld")
    preview = page.locator("article.ivp-preview")
    assert preview.get_by_role("listitem").all_inner_texts()[:3] == ["kennen", "kiezen", "doen"]
    assert preview.locator("strong").all_inner_texts() == ["vorige"]
    assert preview.get_by_role("complementary", name="Voetnoten bij Inleiding").inner_text() == NOTE
    _go(page, "button", "Opslaan")
    assert "Hoofdstuk „Inleiding” opgeslagen." in page.locator("main").inner_text()

    _go(page, "link", "Het document lezen")
    _go(page, "button", "Maak PDF Integraal Veiligheidsplan 2027")
    ready = page.get_by_role("link", name=re.compile(r"^Download integraal-veiligheidsplan-"))
    ready.wait_for(timeout=60_000)  # the worker makes it; the page polls until then
    text = pdf_text(_download(page, ready))
    introduction = text.index("Dit plan bouwt voort op het vorige.")
    assert text.index(words("We werken in drie stappen: kennen kiezen doen")) > introduction
    assert text.index(CHART_TABLE) > introduction  # the chart sits in the introduction
    assert text.count(words(NOTE)) == 1  # the footnote, at the foot of its page

    # The council adopts; the files of the adopted plan are made once, for everyone.
    visit(page, CHAPTERS)
    _go(page, "link", PLAN_TITLE)
    page.get_by_label("Vastgesteld op").fill("2026-12-17")
    page.get_by_label("Kenmerk besluit").fill("RB 2026-101")
    _go(page, "button", "Markeren als vastgesteld")
    page.get_by_label(re.compile("^Ik bevestig dat dit plan zo is vastgesteld")).check()
    _go(page, "button", "Plan vaststellen")

    visitor = page_for(ANONYMOUS)
    public = visitor.get_by_role("link", name="downloaden als PDF")
    for _attempt in range(60):  # the worker makes the files after the adoption
        visit(visitor, f"/gemeenten/{CODE}/documenten/ivp/2027/")
        if public.count():
            break
        visitor.wait_for_timeout(1000)
    content = _download(visitor, public)
    assert content.startswith(b"%PDF-")
    adopted = pdf_text(content)
    assert "Dit plan bouwt voort op het vorige." in adopted
    assert "Vastgesteld door" in adopted and "RB 2026-101" in adopted
