"""The beheerder uploads figures: a file with a bad row is refused with the row named and
nothing saved; a good file shows its progress, and the new figures appear on the analysis
page of the municipality. Everyone reads the analysis pages and the map."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA

from .support import ANONYMOUS, BEHEERDER, COORDINATOR, check_page, visit

pytestmark = pytest.mark.browser

SOURCE = DATA / "politie-47013-gemeente-totaal" / "statline_47013_totaal_2024.csv"


def _edition_file(tmp_path: Path, *, bad_row: bool) -> Path:
    """The real 2024 export, as a newer edition with Steenwijkerland revised to 1140;
    optionally with text in Westerveld's number cell."""
    text = SOURCE.read_text(encoding="utf-8-sig")
    text = text.replace('"Steenwijkerland";"1133"', '"Steenwijkerland";"1140"')
    if bad_row:
        text = text.replace('"Westerveld";"376"', '"Westerveld";"veel"')
    path = tmp_path / ("misdrijven_2024_fout.csv" if bad_row else "misdrijven_2024.csv")
    path.write_text(text, encoding="utf-8")
    return path


def _upload(page, path: Path) -> None:
    visit(page, "/cijfers/importeren/")
    page.get_by_label("Bestand met cijfers (CSV)").set_input_files(str(path))
    page.get_by_label("Editie (optioneel)").fill("2027-01")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Importeren").click()
    check_page(page, navigation.value)


def test_upload_with_a_bad_row_names_it_and_saves_nothing(page_for, tmp_path):
    page = page_for(BEHEERDER)
    _upload(page, _edition_file(tmp_path, bad_row=True))
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=30_000)
    text = alert.inner_text()
    assert "misdrijven_2024_fout.csv" in text
    assert "veel" in text and "rij" in text.lower()
    check_page(page, page.goto(page.url))
    visit(page, "/gemeenten/GM1708/veiligheidsbeeld/")
    assert "1.140" not in page.locator("main").inner_text()


def test_good_upload_shows_progress_and_the_new_figure(page_for, tmp_path):
    page = page_for(BEHEERDER)
    _upload(page, _edition_file(tmp_path, bad_row=False))
    assert page.locator("#upload-status").count() == 1
    done = page.get_by_role("status").filter(has_text="Geïmporteerd")
    done.wait_for(timeout=30_000)
    assert "1 vervangen" in done.inner_text() or "vervangen" in done.inner_text()
    check_page(page, page.goto(page.url))

    visit(page, "/gemeenten/GM1708/veiligheidsbeeld/")
    main = page.locator("main").inner_text()
    assert "1.140" in main
    assert "Bron: Politie, 47013NED (editie 2027-01)" in main


def test_everyone_reads_the_analysis_and_the_map(page_for):
    page = page_for(ANONYMOUS)
    visit(page, "/gemeenten/GM1701/veiligheidsbeeld/")
    assert "Veiligheidsbeeld Westerveld" in page.locator("h1").inner_text()
    visit(page, "/gemeenten/GM1701/veiligheidsbeeld/misdrijven-totaal/")
    visit(page, "/cijfers/kaart/?gemeente=GM1701")
    assert page.locator("tr[aria-current=true]").inner_text().startswith("Westerveld")


def test_coordinator_imports_own_figures_through_the_column_mapping(page_for, tmp_path):
    page = page_for(COORDINATOR)
    path = tmp_path / "overlast_2024.csv"
    path.write_text(
        "Maand;Soort;Aantal\njan 2024;Jeugd;12\nfeb 2024;Jeugd;9\n"
        "jan 2024;Verward gedrag;3\nfeb 2024;Verward gedrag;5\n",
        encoding="utf-8",
    )
    visit(page, "/gemeenten/GM1701/cyclus/veiligheidsanalyse/")
    with page.expect_navigation():
        page.get_by_role("link", name="Eigen cijfers importeren").click()
    check_page(page, page.goto(page.url))
    page.get_by_label("Bestand (CSV of XLSX)").set_input_files(str(path))
    page.get_by_label("Naam van de cijfers").fill("Meldingen overlast")
    page.get_by_label("Soort cijfers").select_option("overlast")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Volgende: kolommen koppelen").click()
    check_page(page, navigation.value)
    assert "Verward gedrag" in page.locator("table").inner_text()  # the preview
    page.get_by_label("Kolom met de categorie (optioneel)").select_option("Soort")
    page.get_by_label("Thema").select_option("jeugdoverlast")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Importeren").click()
    done = page.get_by_role("status").filter(has_text="Geïmporteerd")
    done.wait_for(timeout=30_000)
    assert "4 nieuwe waarden" in done.inner_text()
    check_page(page, page.goto(page.url))


def test_national_and_province_figures_pages(page_for):
    page = page_for(ANONYMOUS)
    # made anew: some 60 series and charts, 5 s on a quiet machine, over 15 s once in CI
    # beside the other test worker (bench/kept_pictures.py measures it)
    visit(page, "/cijfers/gebied/NL01/", timeout=60_000)
    visit(page, "/cijfers/gebied/PV22/")
    assert "± 0,1" in page.locator("main").inner_text()


def test_an_indicator_with_its_changes_and_swing_reads_on_a_phone(page_for):
    """The table of changes, with the normal swing in its method column, scrolls inside its
    own region (reachable by keyboard) and the page stays 390 px wide."""
    page = page_for(ANONYMOUS)
    page.set_viewport_size({"width": 390, "height": 844})
    visit(page, "/gemeenten/GM1708/veiligheidsbeeld/misdrijven-totaal/")  # axe and Dutch
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    region = page.get_by_role("region", name="Veranderingen tussen perioden")
    assert "gewone schommeling tussen jaren ±" in region.inner_text()
