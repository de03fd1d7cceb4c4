"""The PDF reader on a real plan's text: Westerveld's IVP 2023–2027 (seed 004) set as a
two-column PDF with WeasyPrint, hyphenated, with a running header and page numbers. Its
chapters must come back as headings in order and its words whole."""

import html

import pytest
from weasyprint import HTML

from ivp.intake.blocks import Kind
from ivp.intake.readers.pdf import read_pdf

from .seed_text import (
    assert_words_whole_and_in_order,
    chapters_and_paragraphs,
    same_titles,
    seed_004,
)


@pytest.fixture(scope="module")
def seed():
    chapters, parts = chapters_and_paragraphs(seed_004())
    body = "\n".join(f"<{tag}>{html.escape(text)}</{tag}>" for tag, text in parts)
    page = f"""<!doctype html><html lang="nl"><head><style>
    @page {{ size: A4; margin: 2.5cm 2cm;
      @top-center {{ content: "Integraal Veiligheidsplan Westerveld"; font-size: 9pt }}
      @bottom-center {{ content: "Pagina " counter(page) " van " counter(pages); font-size: 9pt }} }}
    body {{ font-family: serif; font-size: 10pt; columns: 2; column-gap: 0.8cm;
      hyphens: auto; text-align: justify }}
    h1 {{ font-size: 15pt }}
    </style></head><body>{body}</body></html>"""
    pdf = HTML(string=page).write_pdf()
    return chapters, read_pdf(pdf, "westerveld-ivp.pdf")


def test_the_chapters_are_the_headings_in_order(seed):
    chapters, blocks = seed
    headings = [(b.number, b.text) for b in blocks if b.kind == Kind.HEADING]
    assert [title for _number, title in chapters][:2] == ["Samenvatting", "Inleiding"]
    assert len(chapters) == 7
    assert same_titles(headings) == same_titles(chapters)
    pages = [b.place.page for b in blocks if b.kind == Kind.HEADING]
    assert pages == sorted(pages) and pages[-1] > 5


def test_the_words_come_back_whole_in_order_and_without_page_furniture(seed):
    _chapters, blocks = seed
    assert_words_whole_and_in_order(blocks, seed_004())
    assert not [
        b for b in blocks if "Pagina" in b.text or "Integraal Veiligheidsplan Westerveld" in b.text
    ]
