"""The PDF reader on plans made here with WeasyPrint the way municipalities publish them: two
columns, words hyphenated at the line end, a running header, page numbers, footnotes and a
ruled table. The block stream must read as the text reads."""

import re
from collections import Counter
from io import BytesIO

import pdfplumber
import pytest
from weasyprint import HTML

from ivp.intake.blocks import Kind
from ivp.intake.readers.pdf import read_pdf

SENTENCES = 90
STYLE = """
@page { size: A4; margin: 2.5cm 2cm;
  @top-center { content: "Integraal Veiligheidsplan"; font-size: 9pt }
  @bottom-right { content: counter(page); font-size: 9pt } }
body { font-family: sans-serif; font-size: 10pt; line-height: 1.4 }
.columns { columns: 2; column-gap: 1cm; hyphens: auto; text-align: justify }
h1 { font-size: 18pt } h2 { font-size: 13pt }
.note { float: footnote; font-size: 8pt }
table { border-collapse: collapse } td, th { border: 1px solid black; padding: 2pt }
"""


def _sentences(first: int, last: int) -> str:
    return " ".join(
        f"Zin {n} gaat over veiligheidsbeleidsmedewerkers en ketenpartners in de gemeente."
        for n in range(first, last + 1)
    )


@pytest.fixture(scope="module")
def plan_pdf() -> bytes:
    html = f"""<!doctype html><html lang="nl"><head><style>{STYLE}</style></head><body>
    <h1>1. Inleiding</h1>
    <div class="columns">
      <p>De aanpak van ondermijnende criminaliteit<span class="note">Bron: landelijke
      monitor 2021.</span> vraagt samenwerking met Midden-<br>Drenthe en Meppel, en
      veiligheids-<br>beleid voor een veilige woon-<br>en werkomgeving.</p>
      <p>{_sentences(1, SENTENCES // 2)}</p>
      <h2>1.1 Onze aanpak</h2>
      <ul><li>Bewustwording van inwoners en ondernemers in alle kernen van de
      gemeente</li><li>Informatiepositie<ul><li>Meldingen</li></ul></li></ul>
      <ol><li>Eerste stap</li><li>Tweede stap</li></ol>
      <p>{_sentences(SENTENCES // 2 + 1, SENTENCES)}</p>
    </div>
    <h1 style="break-before: page">2. Uitvoering</h1>
    <p>Acties in 2026.</p>
    <table><tr><th>Item</th><th>Maatregel</th><th>Planning</th></tr>
      <tr><td rowspan="2">Ondermijning</td><td>Bewustwording</td><td>Q1</td></tr>
      <tr><td>Bibob</td><td>Q2</td></tr>
      <tr><td colspan="2">Over twee kolommen</td><td>Q3</td></tr></table>
    <p>Na de tabel.</p>
    </body></html>"""
    return HTML(string=html).write_pdf()


@pytest.fixture(scope="module")
def blocks(plan_pdf):
    return read_pdf(plan_pdf, "ivp.pdf")


def test_the_made_pdf_has_what_the_reader_must_undo(plan_pdf):
    with pdfplumber.open(BytesIO(plan_pdf)) as pdf:
        first = pdf.pages[0]
        lines = first.extract_text().splitlines()
        right_column = [w for w in first.extract_words() if w["x0"] > first.width / 2 + 10]
        assert len(pdf.pages) >= 3
    assert any(line.endswith("‐") for line in lines)  # hyphenated by WeasyPrint
    assert "Integraal Veiligheidsplan" in lines[0]
    assert len(right_column) > 100


def test_headings_with_level_number_and_page(blocks):
    headings = [(b.level, b.number, b.text, b.place.page) for b in blocks if b.kind == Kind.HEADING]
    assert [h[:3] for h in headings] == [
        (1, "1", "Inleiding"),
        (2, "1.1", "Onze aanpak"),
        (1, "2", "Uitvoering"),
    ]
    assert headings[0][3] == 1
    assert headings[2][3] > headings[1][3]


def test_two_columns_read_left_then_right_without_page_furniture(blocks):
    text = " ".join(b.text for b in blocks if b.kind == Kind.PARAGRAPH)
    numbers = [int(n) for n in re.findall(r"Zin (\d+) gaat", text)]
    assert numbers == list(range(1, SENTENCES + 1))
    assert "Integraal Veiligheidsplan" not in " ".join(b.text for b in blocks)
    assert not [b for b in blocks if re.fullmatch(r"[\d\s]+", b.text)]
    # No page number slipped into the sentences either: besides the sentences' own numbers
    # only the footnote's number and the years of the text.
    others = Counter(re.findall(r"\d+", text)) - Counter(str(n) for n in numbers)
    assert sorted(others.elements()) == ["1", "2021", "2026"]


def test_words_broken_at_the_line_end_are_whole_again(blocks):
    text = " ".join(b.text for b in blocks)
    assert "‐" not in text
    assert text.count("veiligheidsbeleidsmedewerkers") == SENTENCES
    assert text.count("ketenpartners") == SENTENCES
    first = next(b for b in blocks if b.kind == Kind.PARAGRAPH)
    assert "met Midden-Drenthe en Meppel" in first.text
    assert "veiligheidsbeleid voor een veilige woon- en werkomgeving." in first.text


def test_footnote_mark_dropped_and_the_note_a_paragraph_after_its_paragraph(blocks):
    kinds_texts = [(b.kind, b.text) for b in blocks]
    first = next(i for i, b in enumerate(blocks) if b.kind == Kind.PARAGRAPH)
    assert blocks[first].text.startswith("De aanpak van ondermijnende criminaliteit vraagt")
    assert kinds_texts[first + 1] == (Kind.PARAGRAPH, "1 Bron: landelijke monitor 2021.")
    assert blocks[first + 1].place.page == 1
    assert "criminaliteit1" not in " ".join(text for _kind, text in kinds_texts)


def test_list_items_with_bullets_numbers_and_nesting(blocks):
    items = [(b.level, b.number, b.text) for b in blocks if b.kind == Kind.ITEM]
    assert items == [
        (0, "", "Bewustwording van inwoners en ondernemers in alle kernen van de gemeente"),
        (0, "", "Informatiepositie"),
        (1, "", "Meldingen"),
        (0, "1", "Eerste stap"),
        (0, "2", "Tweede stap"),
    ]


def test_ruled_table_in_place_with_merged_cells(blocks):
    index = next(i for i, b in enumerate(blocks) if b.kind == Kind.TABLE)
    table = blocks[index]
    assert table.text == "Acties in 2026."
    assert blocks[index + 1].text == "Na de tabel."
    assert table.rows == (
        ("Item", "Maatregel", "Planning"),
        ("Ondermijning", "Bewustwording", "Q1"),
        ("Ondermijning", "Bibob", "Q2"),
        ("Over twee kolommen", "", "Q3"),
    )


def test_lines_are_counted_per_page_after_the_furniture(blocks):
    assert blocks[0].place.page == 1 and blocks[0].place.line == 1  # the header is not line 1
    uitvoering = next(b for b in blocks if b.text == "Uitvoering")
    assert uitvoering.place.line == 1
    assert all(b.place.file == "ivp.pdf" for b in blocks)


def test_a_file_that_is_no_pdf_is_named_in_a_dutch_error():
    with pytest.raises(ValueError, match=r"^plan\.pdf is geen PDF die te lezen is\.$"):
        read_pdf(b"PK\x03\x04 a zip, not a pdf", "plan.pdf")
    with pytest.raises(ValueError, match=r"^kapot\.pdf is geen PDF die te lezen is\.$"):
        read_pdf(b"%PDF-1.7\n garbage without objects", "kapot.pdf")


def _one_page(body: str, style: str = "") -> bytes:
    """One page: a running header cannot be told from text there, so it has none."""
    no_header = "@page { @top-center { content: none } }"
    page = f"""<!doctype html><html lang="nl"><head><style>{STYLE}{no_header}{style}</style></head>
    <body>{body}</body></html>"""
    return HTML(string=page).write_pdf()


def test_bold_lines_a_numbered_one_a_heading_the_others_emphasis():
    blocks = read_pdf(
        _one_page(
            "<h2>3 Doelen</h2><p><b>3.2.1 Minder woninginbraken</b></p><p>Gewone tekst.</p>"
            "<p><b>Een vetgedrukte zin zonder nummer.</b></p><p><i>Schuin gezet.</i></p>"
        ),
        "kop.pdf",
    )
    assert [(b.kind, b.level, b.number, b.text, b.emphasis) for b in blocks] == [
        (Kind.HEADING, 1, "3", "Doelen", False),
        (Kind.HEADING, 2, "3.2.1", "Minder woninginbraken", False),
        (Kind.PARAGRAPH, 0, "", "Gewone tekst.", False),
        (Kind.PARAGRAPH, 0, "", "Een vetgedrukte zin zonder nummer.", True),
        (Kind.PARAGRAPH, 0, "", "Schuin gezet.", True),
    ]


@pytest.mark.parametrize(
    "call",
    [
        "font-size: 10pt; vertical-align: baseline",  # the body's size: by the page's notes
        "font-size: 8pt; vertical-align: baseline",  # smaller and glued, not raised
    ],
)
def test_a_footnote_mark_on_the_baseline_is_dropped_too(call):
    blocks = read_pdf(
        _one_page(
            '<p>Woninginbraken<span class="note">Politiecijfers 2022.</span> namen af.</p>'
            "<p>Artikel2 blijft staan.</p>",
            f"::footnote-call {{ {call} }}",
        ),
        "noot.pdf",
    )
    assert [b.text for b in blocks] == [
        "Woninginbraken namen af.",
        "1 Politiecijfers 2022.",
        "Artikel2 blijft staan.",
    ]


def test_a_heading_between_two_column_sections_on_one_page_is_read_between_them():
    blocks = read_pdf(
        _one_page(
            f"<div class='columns'><p>{_sentences(1, 12)}</p></div>"
            "<h2>1.2 Tussenkop</h2>"
            f"<div class='columns'><p>{_sentences(13, 24)}</p></div>"
        ),
        "secties.pdf",
    )
    assert [(b.kind, b.number or b.text[:6]) for b in blocks] == [
        (Kind.PARAGRAPH, "Zin 1 "),
        (Kind.HEADING, "1.2"),
        (Kind.PARAGRAPH, "Zin 13"),
    ]
    numbers = [int(n) for b in blocks for n in re.findall(r"Zin (\d+) gaat", b.text)]
    assert numbers == list(range(1, 25))


def _table_at_a_page_foot(space_mm: int, *, thead: bool, lines: int) -> bytes:
    """A table that starts low on the first page, below a block of `space_mm`, and goes on
    on the second: eight actions, the middle cell of each `lines` lines high."""
    header = "<tr><th>Actie</th><th>Toelichting</th><th>Partijen</th></tr>"
    rows = "".join(
        f"<tr><td>Actie {n}</td><td>"
        + "<br>".join(f"Regel {line} van actie {n}." for line in range(1, lines + 1))
        + f"</td><td>Partij {n}</td></tr>"
        for n in range(1, 9)
    )
    table = (
        f"<table><thead>{header}</thead>{rows}</table>"
        if thead
        else f"<table>{header}{rows}</table>"
    )
    html = f"""<!doctype html><html lang="nl"><head><style>{STYLE}</style></head><body>
    <h1>1. Acties</h1><div style="height: {space_mm}mm"></div><p>Voor de tabel.</p>
    {table}<p>Na de tabel.</p></body></html>"""
    return HTML(string=html).write_pdf()


@pytest.mark.parametrize(
    ("space_mm", "thead", "lines", "first_page", "second_page"),
    [
        # The header row alone at the foot of the first page.
        (206, False, 1, ["Toelichting"], ["Actie 1 ", "Actie 8 "]),
        # The first action broken over the pages, two of its lines on each.
        (194, False, 4, ["Toelichting", "Regel 2 van actie 1."], ["Regel 3 van actie 1."]),
        # WeasyPrint repeats a <thead> on the next page, here above a broken row.
        (
            194,
            True,
            4,
            ["Toelichting", "Regel 2 van actie 1."],
            ["Toelichting", "Regel 3 van actie 1."],
        ),
        # And above whole rows.
        (197, True, 1, ["Toelichting", "Actie 2 "], ["Toelichting", "Actie 3 "]),
    ],
    ids=["header-alone-at-the-foot", "row-broken", "thead-repeated-row-broken", "thead-repeated"],
)
def test_a_table_broken_over_a_page_comes_back_as_one_table(
    space_mm, thead, lines, first_page, second_page
):
    pdf = _table_at_a_page_foot(space_mm, thead=thead, lines=lines)
    with pdfplumber.open(BytesIO(pdf)) as made:
        texts = [page.extract_text() + "\n" for page in made.pages]
    assert len(texts) == 2
    assert all(text in texts[0] for text in first_page)  # the break falls where meant
    assert all(text in texts[1] for text in second_page)
    assert ("Toelichting" in texts[1]) == thead

    blocks = read_pdf(pdf, "acties.pdf")

    assert [(b.kind, b.text) for b in blocks if b.kind != Kind.TABLE] == [
        (Kind.HEADING, "Acties"),
        (Kind.PARAGRAPH, "Voor de tabel."),
        (Kind.PARAGRAPH, "Na de tabel."),
    ]
    table = next(b for b in blocks if b.kind == Kind.TABLE)
    assert blocks.index(table) == 2 and table.place.page == 1
    assert table.rows == (
        ("Actie", "Toelichting", "Partijen"),
        *(
            (f"Actie {n}", "\n".join(f"Regel {line} van actie {n}." for line in range(1, lines + 1)),
             f"Partij {n}")
            for n in range(1, 9)
        ),
    )  # fmt: skip


def test_a_table_broken_from_the_left_column_into_the_right_comes_back_as_one_table():
    rows = [(f"Actie {n}", f"Regel 1 van actie {n}.\nRegel 2 van actie {n}.", f"Partij {n}")
            for n in range(1, 13)]  # fmt: skip
    cells = "".join(
        "<tr>" + "".join(f"<td>{cell.replace(chr(10), '<br>')}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    pdf = _one_page(
        f"<div class='columns'><p>{_sentences(1, 20)}</p>"
        f"<table><tr><th>Actie</th><th>Toelichting</th><th>Partijen</th></tr>{cells}</table>"
        f"<p>{_sentences(21, 30)}</p></div>"
    )
    with pdfplumber.open(BytesIO(pdf)) as made:
        assert len(made.pages) == 1
        page = made.pages[0]
        cells = [w for w in page.extract_words() if w["text"] == "Regel"]
    assert {w["x0"] < page.width / 2 for w in cells} == {True, False}  # in both columns

    blocks = read_pdf(pdf, "kolommen.pdf")

    tables = [b for b in blocks if b.kind == Kind.TABLE]
    assert len(tables) == 1
    assert tables[0].rows == (("Actie", "Toelichting", "Partijen"), *rows)
    text = " ".join(b.text for b in blocks if b.kind == Kind.PARAGRAPH)
    assert [int(n) for n in re.findall(r"Zin (\d+) gaat", text)] == list(range(1, 31))


def test_columns_whose_text_stands_only_beside_a_table_are_still_read_left_then_right():
    def table(first: int, last: int) -> str:
        rows = "".join(
            f"<tr><td>Actie {n}</td><td>Regel 1 van actie {n}.<br>Regel 2.</td></tr>"
            for n in range(first, last + 1)
        )
        return f"<table><tr><th>Actie</th><th>Toelichting</th></tr>{rows}</table>"

    # A table atop the left column, the text below it and on atop the right column,
    # another table below that.
    pdf = _one_page(
        "<div class='columns' style='column-fill: auto; height: 220mm'>"
        f"{table(1, 8)}<p>{_sentences(1, 17)}</p>{table(9, 16)}</div>"
    )
    with pdfplumber.open(BytesIO(pdf)) as made:
        page = made.pages[0]
        middle = page.width / 2
        boxes = [found.bbox for found in page.find_tables()]
        text = [w for w in page.extract_words() if w["text"] == "gaat"]
    assert sorted(box[0] < middle for box in boxes) == [False, True]
    left = [w for w in text if w["x0"] < middle]
    right = [w for w in text if w["x0"] >= middle]
    assert left and right and min(w["top"] for w in left) > max(w["bottom"] for w in right)

    blocks = read_pdf(pdf, "naast-tabellen.pdf")

    assert [b.kind for b in blocks] == [Kind.TABLE, Kind.PARAGRAPH, Kind.TABLE]
    assert [int(n) for n in re.findall(r"Zin (\d+) gaat", blocks[1].text)] == list(range(1, 18))
    assert [row[0] for row in blocks[2].rows[1:]] == [f"Actie {n}" for n in range(9, 17)]
