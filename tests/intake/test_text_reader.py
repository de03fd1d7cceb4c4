"""Plain text and Markdown read as the blocks of a plan: the real seeds as a PDF-to-text and a
Word-to-Markdown conversion gave them, and text made here with every difficulty at once."""

import itertools
import re
from pathlib import Path

import pytest

from ivp.intake.blocks import Kind
from ivp.intake.readers.text import read_text

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
IVP = "004_287127905622fb8b.txt"  # Westerveld's IVP 2023–2027, text out of a PDF
ACTIONS = "000_91dd2a825e35555a.txt"  # Steenwijkerland's uitvoeringsplan 2026, Markdown-like


def _seed(name: str):
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"{path} is not here: the seeds stand beside the checkout in CI")
    return read_text(path.read_text(encoding="utf-8"), name)


def test_the_chapters_of_an_ivp_out_of_a_pdf_are_its_numbered_headings_in_order():
    blocks = _seed(IVP)
    chapters = [(b.number, b.text) for b in blocks if b.kind == Kind.HEADING]
    assert [number for number, _ in chapters] == ["1", "2", "3", "4", "5", "6", "7"]
    assert chapters[0][1] == "Samenvatting" and chapters[1][1] == "Inleiding"
    assert chapters[6][1].startswith("Doelstellingen")
    assert all(b.place.file == IVP and b.place.line > 0 for b in blocks)


def test_a_short_numbered_list_inside_a_chapter_stays_a_list():
    """The summary lists the four priorities as 1–4 while the chapters are numbered too."""
    blocks = _seed(IVP)
    summary = next(i for i, b in enumerate(blocks) if b.text == "Samenvatting")
    introduction = next(i for i, b in enumerate(blocks) if b.text == "Inleiding")
    listed = [b for b in blocks[summary:introduction] if b.kind == Kind.ITEM]
    assert [b.number for b in listed] == ["1", "2", "3", "4"]
    assert all(len(b.text.split()) > 5 for b in listed)


def test_lines_wrapped_with_empty_lines_between_them_are_whole_paragraphs_again():
    blocks = _seed(IVP)
    paragraphs = [b.text for b in blocks if b.kind == Kind.PARAGRAPH]
    broken = [
        (first[-30:], second[:30])
        for first, second in itertools.pairwise(paragraphs)
        if first[-1:] not in ".!?:;" and second[:1].islower()
    ]
    assert broken == []
    assert max(len(p) for p in paragraphs) > 500  # the voorwoord's lines, joined


def test_markdown_headings_tables_and_the_contents_of_an_uitvoeringsplan():
    blocks = _seed(ACTIONS)
    headings = [b for b in blocks if b.kind == Kind.HEADING]
    assert ("A", "WONINGINBRAAK") in [(h.number, h.text) for h in headings]
    tables = [b for b in blocks if b.kind == Kind.TABLE]
    assert tables[0].text == "Inhoudsopgave"
    header = ["Item", "Maatregelen/activiteiten", "Partijen", "Planning"]
    actions = [t for t in tables if [c.replace(" ", "") for c in t.rows[0]] == header]
    assert len(actions) == 8  # one per theme
    assert sum(len(t.rows) - 1 for t in actions) == 34  # the actions the demo holds too
    assert all(len(row) == 4 for t in actions for row in t.rows)
    assert any("gebruiken we de VNG-handreiking" in b.text for b in blocks)  # "ge-⏎bruiken"


PLAN = """\
<b>Integraal Veiligheidsplan Proefdorp 2027–2030</b>

Integraal Veiligheidsplan Proefdorp 2027-2030 concept

1. Inleiding
Dit plan beschrijft hoe de gemeente de komende jaren aan veiligheid werkt, samen met de politie en
de partners in de regio Midden-
Drenthe en daarbuiten. Het is een voorbeeld dat in deze test zelf is geschreven met veiligheids-

beleid als onderwerp.

12

Integraal Veiligheidsplan Proefdorp 2027-2030 concept

2. Prioriteiten
2.1 Woninginbraak
**Aanpak**
- buurtpreventie in elke kern
  - met appgroepen
- voorlichting in het najaar

Pagina 4 van 9

Integraal Veiligheidsplan Proefdorp 2027-2030 concept

2.2. Jeugd
| Doel | Indicator |
|---|---|
| Minder overlast | meldingen |

1 Bron: politie, meldingen 2026.

3 Financiën
Het budget staat in de begroting.

Integraal Veiligheidsplan Proefdorp 2027-2030 concept
"""


def test_numbering_page_furniture_bold_lists_tables_and_hyphenation():
    blocks = read_text(PLAN, "plan.txt")
    said = [(b.kind, b.number, b.text) for b in blocks]
    assert (Kind.HEADING, "1", "Inleiding") in said
    assert (Kind.HEADING, "2.1", "Woninginbraak") in said
    assert (Kind.HEADING, "2.2", "Jeugd") in said  # "2.2." with its last dot
    assert (Kind.HEADING, "3", "Financiën") in said  # "3" without a dot
    assert [b.level for b in blocks if b.kind == Kind.HEADING] == [1, 1, 2, 2, 1]
    text = " ".join(b.text for b in blocks)
    assert "concept" not in text and "Pagina" not in text and " 12 " not in f" {text} "
    assert "regio Midden-Drenthe en daarbuiten" in text  # a hyphen before a capital stays
    assert "met veiligheidsbeleid als onderwerp" in text  # a word hyphenated at the line end
    title, aanpak = blocks[0], next(b for b in blocks if b.text == "Aanpak")
    assert title.emphasis and aanpak.emphasis and aanpak.kind == Kind.PARAGRAPH
    items = [(b.level, b.text) for b in blocks if b.kind == Kind.ITEM]
    assert items == [(0, "buurtpreventie in elke kern"), (1, "met appgroepen"),
                     (0, "voorlichting in het najaar")]  # fmt: skip
    [table] = [b for b in blocks if b.kind == Kind.TABLE]
    assert table.rows == (("Doel", "Indicator"), ("Minder overlast", "meldingen"))
    assert table.text == "Jeugd"  # named by the heading above it
    note = next(b for b in blocks if b.text.startswith("1 Bron:"))
    assert note.kind == Kind.PARAGRAPH  # a footnote, not the first of a list
    inleiding = next(b for b in blocks if b.text == "Inleiding")
    assert str(inleiding.place) == "plan.txt, regel 5"


def test_a_text_that_is_no_plan_gives_paragraphs_and_no_headings():
    blocks = read_text("Boodschappen: melk, brood.\n\nNiet vergeten!\n", "lijstje.txt")
    assert [b.kind for b in blocks] == [Kind.PARAGRAPH, Kind.PARAGRAPH]
    assert read_text("", "leeg.txt") == []
    assert not re.search(r"\S", " ".join(b.text for b in read_text("\n\n \t\n", "x")))


def _headings(markdown: str) -> list[tuple[str, int]]:
    blocks = read_text(markdown.replace(" / ", "\n\n"), "plan.md")
    return [(b.text, b.level) for b in blocks if b.kind == Kind.HEADING]


@pytest.mark.parametrize(
    ("markdown", "depths"),
    [
        ("## Inleiding / #### Aanleiding / ## Prioriteiten / #### Woninginbraak / ###### Aanpak",
         [1, 2, 1, 2, 3]),  # levels skipped throughout
        ("# Inleiding / ## Aanleiding / # Prioriteiten / ### Woninginbraak / #### Aanpak / "
         "### Jeugd / # Financiën", [1, 2, 1, 2, 3, 2, 1]),  # skipped in one chapter
        ("## 2 Prioriteiten / ## 2.1 Woninginbraak / ## 2.1.1 Aanpak / ## 2.2 Jeugd / "
         "## 3 Financiën", [1, 2, 3, 2, 1]),  # one level: the numbering says the depth
        ("# 1 Thema's / ## Inzet op thema's / ### 1 Ondermijning / ### 2 Zorg / # 2 Terugblik",
         [1, 2, 3, 3, 1]),  # numbers that are no outline leave the depth to the "#"s
        ("# Inleiding / ## Aanleiding / # Prioriteiten", [1, 2, 1]),  # a first chapter stays
    ],
    ids=["skipped", "skipped-once", "numbered", "not-an-outline", "first-chapter"],
)  # fmt: skip
def test_a_markdown_heading_is_as_deep_as_it_stands_in_the_document(markdown, depths):
    assert [level for _, level in _headings(markdown)] == depths


@pytest.mark.parametrize("chapters", ["#", "##"])
def test_a_title_set_as_a_heading_is_the_cover_not_a_chapter(chapters):
    markdown = (f"# Integraal Veiligheidsplan Proefdorp 2027-2030 / {chapters} Inleiding / "
                f"{chapters}# Aanleiding / {chapters} Prioriteiten")  # fmt: skip
    title = read_text(markdown.replace(" / ", "\n\n"), "plan.md")[0]
    assert title.kind == Kind.PARAGRAPH and title.emphasis
    assert title.text == "Integraal Veiligheidsplan Proefdorp 2027-2030"
    assert _headings(markdown) == [("Inleiding", 1), ("Aanleiding", 2), ("Prioriteiten", 1)]


def test_a_bold_line_under_a_markdown_heading_is_a_heading_one_level_below_it():
    markdown = ("**Veiligheidsplan Proefdorp** / ## Prioriteiten / **Woninginbraak** / "
                "Inbraken raken mensen. / **Let op: dit is een zin.** / # Uitvoering / "
                "## Acties / **Planning**")  # fmt: skip
    assert _headings(markdown) == [("Prioriteiten", 1), ("Woninginbraak", 2), ("Uitvoering", 1),
                                   ("Acties", 2), ("Planning", 3)]  # fmt: skip
    bold = [b.text for b in read_text(markdown.replace(" / ", "\n\n"), "x") if b.emphasis]
    assert "Veiligheidsplan Proefdorp" in bold  # above every heading: the cover's
    assert "Let op: dit is een zin." in bold  # a sentence, no title
