"""The Word reader on documents made here with python-docx: what a coordinator's IVP in Word
holds (numbered headings, lists, a bold line, a table with merged cells) comes out as blocks
in the order and with the numbers Word shows."""

from io import BytesIO

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from ivp.intake.blocks import Kind
from ivp.intake.readers.docx import read_docx


def _add_list(document, abstract_id: int, levels: list[tuple[str, str, str | None]]) -> None:
    """An abstract numbering: per level (numFmt, lvlText, linked paragraph style)."""
    numbering = document.part.numbering_part.element
    xml = f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
    for index, (number_format, text, style) in enumerate(levels):
        link = f'<w:pStyle w:val="{style}"/>' if style else ""
        xml += (
            f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/>{link}'
            f'<w:numFmt w:val="{number_format}"/><w:lvlText w:val="{text}"/></w:lvl>'
        )
    numbering.insert(0, parse_xml(xml + "</w:abstractNum>"))


def _add_num(document, num_id: int, abstract_id: int, restart: bool = False) -> None:
    override = (
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' if restart else ""
    )
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
        )
    )


def _number(paragraph, num_id: int, level: int | None = 0) -> None:
    level_xml = f'<w:ilvl w:val="{level}"/>' if level is not None else ""
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}>{level_xml}<w:numId w:val="{num_id}"/></w:numPr>')
    )


def _bytes(document) -> bytes:
    stream = BytesIO()
    document.save(stream)
    return stream.getvalue()


@pytest.fixture
def plan_docx() -> bytes:
    document = docx.Document()
    _add_list(document, 90, [("decimal", "%1.", "Heading1"), ("decimal", "%1.%2", "Heading2")])
    _add_num(document, 90, 90)
    _add_list(document, 91, [("bullet", "•", None), ("bullet", "o", None)])
    _add_num(document, 91, 91)
    _add_list(document, 92, [("decimal", "%1.", None), ("lowerLetter", "%2)", None)])
    _add_num(document, 92, 92)
    _add_num(document, 93, 92, restart=True)
    heading_1 = document.add_heading("Samenvatting", level=1)
    _number(heading_1, 90, level=None)  # the level comes from the style the list links
    document.add_paragraph("")
    document.add_paragraph("Een gewone alinea.")
    heading_2 = document.add_heading("Prioriteiten", level=1)
    _number(heading_2, 90, level=None)
    heading_2_1 = document.add_heading("Ondermijning", level=2)
    _number(heading_2_1, 90, level=None)
    document.add_heading("3.4. Getypt nummer", level=2)
    for text, level in (("Eerste punt", 0), ("Onderpunt", 1), ("Tweede punt", 0)):
        _number(document.add_paragraph(text), 91, level)
    for text, level in (("Een", 0), ("Twee", 0), ("Twee a", 1), ("Twee b", 1), ("Drie", 0)):
        _number(document.add_paragraph(text), 92, level)
    for text in ("Opnieuw een", "Opnieuw twee"):
        _number(document.add_paragraph(text), 93, 0)
    document.add_paragraph("Via de stijl", style="List Bullet")
    bold = document.add_paragraph()
    bold.add_run("Vet ").bold = True
    bold.add_run("en schuin").italic = True
    mixed = document.add_paragraph()
    mixed.add_run("Deels ").bold = True
    mixed.add_run("gewoon")
    document.add_paragraph("Acties 2026")
    table = document.add_table(rows=4, cols=3)
    for row, values in enumerate(
        (
            ("Item", "Maatregel", "Planning"),
            ("Ondermijning", "Bewustwording", "Q1"),
            ("", "Bibob", "Q2"),
            ("Breed over twee", "", "Q3"),
        )
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(3, 0).merge(table.cell(3, 1))
    table.cell(1, 2).add_paragraph("Q4")
    document.add_paragraph("Na de tabel.")
    return _bytes(document)


def test_headings_carry_level_and_the_number_word_shows(plan_docx):
    headings = [
        (b.level, b.number, b.text)
        for b in read_docx(plan_docx, "ivp.docx")
        if b.kind == Kind.HEADING
    ]
    assert headings == [
        (1, "1", "Samenvatting"),
        (1, "2", "Prioriteiten"),
        (2, "2.1", "Ondermijning"),
        (2, "3.4", "Getypt nummer"),
    ]


def test_list_items_with_levels_bullets_letters_and_a_restart(plan_docx):
    items = [
        (b.level, b.number, b.text) for b in read_docx(plan_docx, "ivp.docx") if b.kind == Kind.ITEM
    ]
    assert items == [
        (0, "", "Eerste punt"),
        (1, "", "Onderpunt"),
        (0, "", "Tweede punt"),
        (0, "1", "Een"),
        (0, "2", "Twee"),
        (1, "a", "Twee a"),
        (1, "b", "Twee b"),
        (0, "3", "Drie"),
        (0, "1", "Opnieuw een"),
        (0, "2", "Opnieuw twee"),
        (0, "", "Via de stijl"),
    ]


def test_emphasis_only_when_every_run_is_bold_or_italic(plan_docx):
    paragraphs = {
        b.text: b.emphasis for b in read_docx(plan_docx, "ivp.docx") if b.kind == Kind.PARAGRAPH
    }
    assert paragraphs["Vet en schuin"] is True
    assert paragraphs["Deels gewoon"] is False
    assert paragraphs["Een gewone alinea."] is False


def test_table_in_its_place_with_merged_cells_read_once_across_and_repeated_down(plan_docx):
    blocks = read_docx(plan_docx, "ivp.docx")
    kinds = [b.kind for b in blocks]
    table = blocks[kinds.index(Kind.TABLE)]
    assert blocks[kinds.index(Kind.TABLE) - 1].text == "Acties 2026"
    assert blocks[kinds.index(Kind.TABLE) + 1].text == "Na de tabel."
    assert table.text == "Acties 2026"
    assert table.rows == (
        ("Item", "Maatregel", "Planning"),
        ("Ondermijning", "Bewustwording", "Q1\nQ4"),
        ("Ondermijning", "Bibob", "Q2"),
        ("Breed over twee", "", "Q3"),
    )


def test_place_counts_the_body_elements_empty_paragraphs_included(plan_docx):
    blocks = read_docx(plan_docx, "ivp.docx")
    assert [(b.place.line, b.place.page) for b in blocks[:3]] == [(1, None), (3, None), (4, None)]
    assert all(b.text for b in blocks)


def test_localised_heading_style_and_outline_level():
    document = docx.Document()
    # A Dutch Word's own heading style, with no outline level to give it away.
    document.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Kop2">'
            '<w:name w:val="Kop 2"/><w:basedOn w:val="Normal"/></w:style>'
        )
    )
    document.add_paragraph("Lokale kop", style="Kop 2")
    outlined = document.add_paragraph("Kop via overzichtsniveau")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    document.add_paragraph("Gewoon")
    blocks = read_docx(_bytes(document), "kop.docx")
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (Kind.HEADING, 2, "Lokale kop"),
        (Kind.HEADING, 3, "Kop via overzichtsniveau"),
        (Kind.PARAGRAPH, 0, "Gewoon"),
    ]


def test_footnotes_follow_the_paragraph_citing_them_with_word_s_number():
    document = docx.Document()
    notes = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="7"><w:p><w:r><w:t>Bron: politiecijfers 2022.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="3"><w:p><w:r><w:t>Veiligheidsmonitor 2021.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    cited = document.add_paragraph("Woninginbraken namen af")
    for note_id in ("7", "3"):
        cited._p.append(
            parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{note_id}"/></w:r>')
        )
    cited.add_run(" in twee jaar.")
    document.add_paragraph("Daarna.")
    blocks = read_docx(_bytes(document), "noten.docx")
    assert [(b.text, b.place.line) for b in blocks] == [
        ("Woninginbraken namen af in twee jaar.", 1),
        ("1 Bron: politiecijfers 2022.", 1),
        ("2 Veiligheidsmonitor 2021.", 1),
        ("Daarna.", 2),
    ]


def test_a_file_that_is_no_word_document_is_named_in_a_dutch_error():
    with pytest.raises(ValueError, match=r"^plan\.docx is geen Word-document dat te lezen is\.$"):
        read_docx(b"%PDF-1.7 not a zip", "plan.docx")
