"""The DOCX as a municipality opens it: tables as wide as the page that break no word, rows that
stay on one page under a repeated header, headings in the template's font, Dutch throughout,
properties of its own, alternative texts, no tool text; and LibreOffice lays it out so."""

import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from collections import Counter
from datetime import UTC, date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from ivp.regions.models import Municipality
from ivp.reports import services
from ivp.reports.column_widths import Cell, Font, column_widths, pieces, text_width
from ivp.reports.document import Document, Paragraph, Section, Table
from ivp.reports.render_docx import render

from .reading import ARTEFACTS, docx_file, libreoffice_pdf

PAGES = ARTEFACTS.parent / "docx-pages"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
LONG_WORD = re.compile(r"[^\W\d_]{8,}")
LETTERS = re.compile(r"[^\W\d_]+")


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _uitvoeringsplan() -> bytes:
    municipality = Municipality.objects.get(code="GM1708")
    return services.make("uitvoeringsplan", municipality, 2026, "docx").content


def _actions_tables(document):
    return [t for t in document.tables if t.rows[0].cells[0].text == "Item"]


@pytest.mark.django_db
def test_every_table_fills_the_page_keeps_its_rows_together_and_repeats_its_header():
    document = docx_file(_uitvoeringsplan())
    section = document.sections[-1]
    usable = (section.page_width - section.left_margin - section.right_margin) / 635  # twips
    assert len(_actions_tables(document)) == 8  # one per theme
    for table in document.tables:
        grid = table._tbl
        assert grid.xpath("w:tblPr/w:tblLayout/@w:type") == ["fixed"]
        columns = [int(w) for w in grid.xpath("w:tblGrid/w:gridCol/@w:w")]
        assert abs(sum(columns) - usable) <= len(columns)
        rows = grid.xpath("w:tr")
        assert all(row.xpath("w:trPr/w:cantSplit[@w:val='true']") for row in rows)
        assert rows[0].xpath("w:trPr/w:tblHeader[@w:val='true']")
        assert not any(row.xpath("w:trPr/w:tblHeader") for row in rows[1:])
        # Every longest word fits the demo's columns, so no cell is hyphenated either.
        assert all(
            p.xpath("w:pPr/w:suppressAutoHyphens[@w:val='true']") for p in grid.iter(_w("p"))
        )
    settings = document.settings.element
    assert settings.xpath("w:autoHyphenation/@w:val") == ["true"]


@pytest.mark.django_db
def test_headings_are_in_the_templates_font_and_everything_is_dutch():
    document = docx_file(_uitvoeringsplan())
    styles = document.styles
    themed = [
        attribute
        for fonts in styles.element.iter(_w("rFonts"))
        for attribute in fonts.attrib
        if attribute.endswith("Theme") or attribute.endswith("theme")
    ]
    assert themed == []  # Word would set those in the theme's Cambria or Calibri
    assert styles["Normal"].font.name == "Arial"
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "TOC Heading", "Caption"):
        style = styles[name]
        while style.font.name is None:
            style = style.base_style
        assert style.font.name == "Arial", name
    defaults = styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert defaults == ["nl-NL"]
    assert document.settings.element.xpath("w:themeFontLang/@w:val") == ["nl-NL"]
    assert document.core_properties.language == "nl-NL"


@pytest.mark.django_db
def test_properties_are_the_documents_own():
    content = _uitvoeringsplan()
    properties = docx_file(content).core_properties
    assert properties.title == "Uitvoeringsplan integrale veiligheid 2026"
    assert properties.author == properties.last_modified_by == "Gemeente Steenwijkerland"
    for moment in (properties.created, properties.modified):
        assert abs(timezone.now() - moment.replace(tzinfo=UTC)) < timedelta(minutes=5)
    assert properties.comments == ""
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        names = package.namelist()
        assert not any("thumbnail" in name for name in names)  # the template's first page
        for name in names:
            part = package.read(name)
            assert b"python-docx" not in part, name
            assert b"Huisstijl ivp" not in part, name  # the template's own title


@pytest.mark.django_db
def test_tables_and_charts_have_alternative_texts():
    document = docx_file(_uitvoeringsplan())
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    for table in document.tables:
        caption = table._tbl.xpath("w:tblPr/w:tblCaption/@w:val")
        description = table._tbl.xpath("w:tblPr/w:tblDescription/@w:val")
        assert caption and caption[0] in captions
        headers = [cell.text for cell in table.rows[0].cells]
        assert description and ", ".join(headers) in description[0]
    pictures = document.inline_shapes
    assert pictures
    for picture in pictures:
        assert picture._inline.docPr.get("descr").startswith("Grafiek:")
        assert picture._inline.docPr.get("title")


def test_the_renderer_writes_no_tool_text():
    document = Document(
        kind="uitvoeringsplan",
        title="Uitvoeringsplan integrale veiligheid 2026",
        municipality="Steenwijkerland",
        code="GM1708",
        year=2026,
        status="Concept",
        generated=date(2026, 3, 2),
        sources=["Politie, geregistreerde criminaliteit"],
        sections=[
            Section("Inleiding", blocks=[Paragraph("Dit plan werkt het veiligheidsplan uit.")]),
            Section("Acties", blocks=[Table("Acties", ["Item", "Partijen"], [["A", "politie"]])]),
        ],
    )
    with zipfile.ZipFile(io.BytesIO(render(document))) as package:
        text = " ".join(
            " ".join(etree.fromstring(package.read(name)).itertext())
            for name in package.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        )
    assert "Gemaakt" not in text
    assert not re.search(r"\bivp\b|EUPL|python-docx", text, re.IGNORECASE)
    assert "Datum: 2 maart 2026" in text  # in the colofon, as the HTML and PDF say it


def test_a_row_taller_than_most_of_a_page_may_break_across_pages():
    long = "Een lange beschrijving van wat de partners samen doen. " * 80
    rows = [["Kort", "Een regel."], ["Lang", long], ["Ook kort", "Nog een regel."]]
    document = Document(
        kind="uitvoeringsplan", title="Uitvoeringsplan 2026", municipality="Steenwijkerland",
        code="GM1708", year=2026,
        sections=[Section("Acties", blocks=[Table("Acties", ["Item", "Maatregelen"], rows)])],
    )  # fmt: skip
    table = docx_file(render(document)).tables[0]._tbl
    unsplit = [bool(row.xpath("w:trPr/w:cantSplit")) for row in table.xpath("w:tr")]
    assert unsplit == [True, True, False, True]  # Word would cut off what does not fit


def _title_page(document) -> str:
    lines = []
    for paragraph in document.paragraphs:
        if paragraph._p.xpath(".//w:br[@w:type='page']"):
            break
        lines.append(paragraph.text)
    return " ".join(lines)


@pytest.mark.django_db
def test_the_title_page_says_nothing_of_the_tool():
    title_page = _title_page(docx_file(_uitvoeringsplan()))
    assert "Uitvoeringsplan integrale veiligheid 2026" in title_page
    assert not re.search(r"\bivp\b|Gemaakt", title_page, re.IGNORECASE)


FONT = Font("DejaVu Sans", 9)


def _longest(column: list[Cell]) -> float:
    return max(text_width(p, FONT, bold=c.bold) for c in column for p in pieces(c.text))


def test_each_column_holds_its_longest_word_and_the_rest_goes_by_text():
    rows = [
        [Cell("Item", True), Cell("Maatregelen/activiteiten", True), Cell("Planning", True)],
        [Cell("Jeugdnetwerkoverleg", True), Cell("Twee netwerkbijeenkomsten per jaar " * 3), Cell("Q1")],
        [Cell("Buurtbemiddeling", True), Cell("Voortzetten en verder ontwikkelen " * 3), Cell("2026")],
    ]  # fmt: skip
    widths, whole = column_widths(rows, font=FONT, usable=470, padding=10.8)
    assert sum(widths) == pytest.approx(470)
    assert whole == [True, True, True]
    for number, width in enumerate(widths):
        assert width > _longest([row[number] for row in rows]) + 10.8
    assert widths[1] > widths[0] > widths[2]  # the descriptions hold the most text


def test_columns_that_cannot_all_hold_their_longest_word_narrow_the_widest_only():
    header = ["Thema", "Afgerond", "Lopend", "Vertraagd", "Gepland", "Geschrapt", "Voortgang"]
    rows = [
        [Cell(text, True) for text in header],
        [Cell("Veilig uitgaan en evenementenveiligheid", True), *(Cell("1") for _ in header[1:])],
    ]
    narrow = 440  # the longest words together are some 500 points wide
    widths, whole = column_widths(rows, font=FONT, usable=narrow, padding=10.8)
    assert sum(widths) == pytest.approx(narrow)
    assert whole == [False] + [True] * 6  # only the themes' column is hyphenated
    assert all(
        w > text_width(h, FONT, bold=True) for w, h in zip(widths[1:], header[1:], strict=True)
    )


# --- LibreOffice -----------------------------------------------------------------------------


def _pdf_words(pdf: Path) -> tuple[str, etree._Element]:
    """The text in reading order (a word hyphenated at a line end is whole again) and the
    words with their places: pages, blocks, lines."""
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    boxes = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    return unicodedata.normalize("NFKC", text), etree.fromstring(boxes)


def _docx_words(document, pages: int) -> Counter:
    """How often each word stands in the DOCX: its paragraphs, table cells and the footer of
    every page."""
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    parts += [p.text for p in document.sections[-1].footer.paragraphs] * pages
    return Counter(LETTERS.findall(" ".join(parts)))


@pytest.mark.slow
@pytest.mark.django_db
def test_libreoffice_breaks_no_word_of_a_table_across_lines(tmp_path):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed: scripts/system-deps.sh installs it")
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob("uitvoeringsplan-*"):
        old.unlink()
    docx = PAGES / "uitvoeringsplan-GM1708.docx"
    docx.write_bytes(_uitvoeringsplan())
    pdf = libreoffice_pdf(docx, tmp_path)
    shutil.copy(pdf, PAGES / pdf.name)
    text, boxes = _pdf_words(pdf)
    document = docx_file(docx.read_bytes())
    pages = boxes.findall(".//{*}page")
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    table_words = {w for cell in cells for w in LONG_WORD.findall(cell)}
    assert {"Weerbaarheidsdagen", "veiligheidsdashboard", "Veiligheidsregio"} <= table_words

    # Each long word of a table is found whole as often as the DOCX holds it: a word broken
    # without a hyphen leaves two pieces and one whole word less.
    in_pdf = Counter(LETTERS.findall(text))
    in_docx = _docx_words(document, len(pages))
    broken = {w: (in_pdf[w], in_docx[w]) for w in table_words if in_pdf[w] < in_docx[w]}
    assert broken == {}, "found whole, held by the DOCX"

    # And no line of a table cell ends in a hyphen the text does not have there: the running
    # text is hyphenated (its lines are as wide as the page), a cell never.
    width = max(float(b.get("xMax")) - float(b.get("xMin")) for b in boxes.iter("{*}block"))
    hyphenated = []
    for block in boxes.iter("{*}block"):
        if float(block.get("xMax")) - float(block.get("xMin")) > 0.6 * width:
            continue
        lines = [[w.text for w in line.iter("{*}word")] for line in block.iter("{*}line")]
        for line, following in pairwise(lines):
            if line[-1].endswith("-") and not any(
                f"{line[-1]}{following[0]}" in c or f"{line[-1]} " in c for c in cells
            ):
                hyphenated.append(f"{line[-1]}{following[0]}")
    assert hyphenated == []

    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(pdf), str(PAGES / "uitvoeringsplan-GM1708")],
        check=True,
    )
    assert len(list(PAGES.glob("uitvoeringsplan-GM1708-*.png"))) == len(pages)
