"""Seed 004 as a coordinator's Word file would hold it (Kop 1 chapters, justified paragraphs
in two columns, a header and "Pagina n" in the footer), read as DOCX and as the PDF
LibreOffice makes of it: a second producer's PDF, with the wide spaces of justified text."""

import shutil

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ivp.intake.blocks import Kind
from ivp.intake.readers.docx import read_docx
from ivp.intake.readers.pdf import read_pdf
from tests.reports.reading import libreoffice_pdf

from .seed_text import (
    assert_words_whole_and_in_order,
    chapters_and_paragraphs,
    same_titles,
    seed_004,
)


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory):
    chapters, parts = chapters_and_paragraphs(seed_004())
    document = docx.Document()
    section = document.sections[0]
    section._sectPr.append(parse_xml(f'<w:cols {nsdecls("w")} w:num="2" w:space="567"/>'))
    section.header.paragraphs[0].text = "Integraal Veiligheidsplan Westerveld"
    footer = section.footer.paragraphs[0]
    footer.text = "Pagina "
    footer._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    for tag, text in parts:
        if tag == "h1":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text).paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    path = tmp_path_factory.mktemp("seed") / "westerveld-ivp.docx"
    document.save(path)
    return chapters, path


def test_word_gives_the_chapters_and_every_word(seed_docx):
    chapters, path = seed_docx
    blocks = read_docx(path.read_bytes(), path.name)
    headings = [(b.number, b.text) for b in blocks if b.kind == Kind.HEADING]
    assert headings == chapters
    assert_words_whole_and_in_order(blocks, seed_004(), tolerance=0)


@pytest.mark.slow
def test_libreoffice_s_pdf_of_it_reads_back_the_same(seed_docx, tmp_path):
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed: scripts/system-deps.sh installs it")
    chapters, path = seed_docx
    pdf = libreoffice_pdf(path, tmp_path)
    blocks = read_pdf(pdf.read_bytes(), pdf.name)
    headings = [(b.number, b.text) for b in blocks if b.kind == Kind.HEADING]
    assert same_titles(headings) == same_titles(chapters)
    assert len({b.place.page for b in blocks}) > 8
    assert_words_whole_and_in_order(blocks, seed_004())
    assert not [
        b for b in blocks if "Pagina" in b.text or "Integraal Veiligheidsplan Westerveld" in b.text
    ]
