"""The PDF laid out as a municipality hands it to its council, read page by page.

Steenwijkerland's uitvoeringsplan 2026 (34 actions) is long enough that action tables run
over a page break, so what a split table does is seen for real.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf.generic import IndirectObject

from ivp.regions.models import Municipality
from ivp.reports import services
from ivp.reports.document import Table

from .reading import html_tree, pdf_reader, words

PAGES = Path(__file__).resolve().parents[2] / "var" / "test-artefacts" / "pdf-pages"
TOOL_PHRASES = ("met ivp", "open source", "EUPL", "Gemaakt op")


_MADE: dict[str, tuple] = {}


@pytest.fixture
def made(db):
    """The document as data, its PDF, and its standalone HTML, made once for the module (the
    PDF takes seconds; every test's transaction is rolled back, so all see the same plan)."""
    if not _MADE:
        steenwijkerland = Municipality.objects.get(code="GM1708")
        _MADE["uitvoeringsplan"] = (
            services.build("uitvoeringsplan", steenwijkerland, 2026),
            services.make("uitvoeringsplan", steenwijkerland, 2026, "pdf").content,
            services.make("uitvoeringsplan", steenwijkerland, 2026, "html").content,
        )
    return _MADE["uitvoeringsplan"]


def _page_lines(pdf: bytes) -> list[list[str]]:
    """Each page's lines without the running footer (title left, "Pagina n van m" right)."""
    pages = [page.extract_text().splitlines() for page in pdf_reader(pdf).pages]
    return [
        [line for line in lines if not re.search(r"Pagina \d+ van \d+$", line)] for lines in pages
    ]


def _squeezed(text: str) -> str:
    """Text without its spaces: a header cell may wrap after its slash ("Maatregelen/⏎…")."""
    return re.sub(r"\s+", "", text)


def _tables(document) -> list[Table]:
    blocks = [b for s in document.sections for b in s.blocks]
    return [b if isinstance(b, Table) else b.table for b in blocks if hasattr(b, "header")
            or hasattr(b, "table")]  # fmt: skip


def _split_action_tables(document, pages) -> list[tuple[Table, int, int]]:
    """Action tables (with a totals row) whose caption and totals stand on different pages."""
    found = []
    for table in _tables(document):
        if not table.footer:
            continue
        starts = [
            n for n, lines in enumerate(pages) if words(table.caption) in words(" ".join(lines))
        ]
        last_item = words(table.rows[-1][0])
        ends = [n for n, lines in enumerate(pages) if last_item in words(" ".join(lines))]
        if starts and ends and ends[-1] > starts[0]:
            found.append((table, starts[0], ends[-1]))
    return found


def _structure(pdf: bytes):
    """The structure tree root and every structure element in reading order, with its page."""
    reader = pdf_reader(pdf)
    page_numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages)}
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    elements = []

    def walk(node):
        if isinstance(node, list):
            for kid in node:
                walk(kid)
            return
        if not isinstance(node, IndirectObject):
            return  # a marked-content number
        element = node.get_object()
        if "/S" not in element:
            return  # a link's annotation
        page = element.get("/Pg")
        elements.append((element, node.idnum, page_numbers.get(page.idnum) if page else None))
        if "/K" in element:
            walk(element["/K"])

    walk(root["/K"])
    return root, elements


def _kids(element) -> list:
    kids = element.get("/K", [])
    kids = kids if isinstance(kids, list) else [kids]
    return [k.get_object() for k in kids if hasattr(k, "get_object")]


def test_the_demo_really_has_action_tables_running_over_a_page_break(made):
    document, pdf, _ = made
    assert _split_action_tables(document, _page_lines(pdf)), "no table splits: test says nothing"


def test_a_split_table_repeats_its_header_and_totals_only_after_its_last_action(made):
    document, pdf, _ = made
    pages = _page_lines(pdf)
    for table, first_page, last_page in _split_action_tables(document, pages):
        header = _squeezed(" ".join(table.header))
        totals = words(" ".join(c for c in table.footer[0] if c))
        for page in range(first_page + 1, last_page + 1):
            opening = _squeezed(" ".join(pages[page][:4]))
            assert opening.startswith(header), f"page {page + 1} does not open with {header!r}"
        # A table that runs on runs to the foot of its page, so what follows its caption there
        # is the table alone: no totals row yet.
        first = words(" ".join(pages[first_page]))
        assert totals not in first[first.index(words(table.caption)) :], "totals repeated"
        last = words(" ".join(pages[last_page]))
        assert last.count(totals) >= 1
        assert last.index(totals) > last.index(words(table.rows[-1][0]))


def test_every_table_is_one_table_in_the_tags_with_one_header_and_totals_last(made):
    document, pdf, _ = made
    _, elements = _structure(pdf)
    tables = [element for element, _, _ in elements if element["/S"] == "/Table"]
    assert len(tables) == len(_tables(document))
    sizes_made = {1 + len(t.rows) + len(t.footer) for t in _tables(document)}
    for element in tables:
        parts = _kids(element)
        tags = [str(p["/S"]) for p in parts]
        assert tags.count("/THead") == 1 and tags.count("/Caption") == 1
        assert tags.count("/TBody") == 1, tags  # a body that runs on is one body
        rows = [r for p in parts if str(p["/S"]) != "/Caption" for r in _kids(p)]
        assert all(str(r["/S"]) == "/TR" for r in rows)
        if "/TFoot" in tags:
            assert tags[-1] == "/TFoot", tags
        assert len(rows) in sizes_made
    split, _, _ = _split_action_tables(document, _page_lines(pdf))[0]
    sizes = [len([r for p in _kids(t) for r in _kids(p) if str(r["/S"]) == "/TR"]) for t in tables]
    assert 1 + len(split.rows) + len(split.footer) in sizes


def test_the_ids_of_header_cells_are_in_an_id_tree_and_pdf_ua_is_still_declared(made):
    _, pdf, _ = made
    root, elements = _structure(pdf)
    with_id = {str(element["/ID"]): number for element, number, _ in elements if "/ID" in element}
    assert with_id, "no header cell carries an ID: nothing for cells to point to"
    names = root["/IDTree"].get_object()["/Names"]
    tree = {str(names[i]): names[i + 1].idnum for i in range(0, len(names), 2)}
    assert tree == with_id
    assert list(tree) == sorted(tree, key=str.encode)  # a name tree is sorted
    pointed = {str(h) for e, _, _ in elements for h in e.get("/A", {}).get("/Headers", [])}
    assert pointed and pointed <= set(tree)
    metadata = pdf_reader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in metadata


def test_no_page_ends_with_a_heading(made):
    _, pdf, _ = made
    _, elements = _structure(pdf)
    for element, _, page in elements:
        if element["/S"] == "/Part":  # the body of one page
            last = _kids(element)[-1]
            assert last["/S"] not in ("/H1", "/H2", "/H3"), f"page {page + 1} ends with a heading"


def test_the_title_page_has_no_page_furniture_and_the_others_have_their_number(made):
    _, pdf, _ = made
    texts = [page.extract_text() for page in pdf_reader(pdf).pages]
    assert "Pagina" not in texts[0]
    assert words(texts[0]).count("Uitvoeringsplan integrale veiligheid 2026") == 1  # the title
    for number, text in enumerate(texts[1:], start=2):
        assert f"Pagina {number} van {len(texts)}" in text


def test_links_say_where_they_go(made):
    document, pdf, html = made
    chapters = {s.title for s in document.headings() if s.level == 1} | {"Colofon"}
    sections = {s.title for s in document.headings() if s.level == 2}  # the contents' depth
    described = []
    for page in pdf_reader(pdf).pages:
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link":
                described.append(words(str(annotation["/Contents"])))
    assert {words(t) for t in chapters} <= set(described)
    within = [d for d in described if d not in chapters]
    assert within and all(d.split(": ", 1)[0] in chapters for d in within)
    assert {d.split(": ", 1)[1] for d in within} == {words(t) for t in sections}
    # "Doelstellingen" stands under every theme; read out of the list, each names its theme.
    assert len(set(within)) == len({s.anchor for s in document.headings() if s.level == 2})
    for link in html_tree(html).iterfind(".//a"):
        text = words(link.text_content())
        assert text.lower() not in ("hier", "klik hier", "link", "") and "://" not in text


def test_no_tool_text_only_a_neutral_date_in_the_colofon(made):
    _, pdf, _ = made
    text = words(" ".join(page.extract_text() for page in pdf_reader(pdf).pages))
    for phrase in TOOL_PHRASES:
        assert phrase not in text, phrase
    assert re.search(r"Colofon .*Datum: \d{1,2} [a-z]+ \d{4}", text)


def test_pages_render_to_png_for_a_person_to_look_at(made):
    document, pdf, _ = made
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob("uitvoeringsplan-*"):
        old.unlink()
    (PAGES / "uitvoeringsplan.pdf").write_bytes(pdf)
    _, first_page, last_page = _split_action_tables(document, _page_lines(pdf))[0]
    for first, last in ((1, 2), (first_page + 1, last_page + 1)):
        subprocess.run(
            [shutil.which("pdftoppm") or "pdftoppm", "-r", "60", "-f", str(first), "-l",
             str(last), "-png", str(PAGES / "uitvoeringsplan.pdf"), str(PAGES / "uitvoeringsplan")],
            check=True,
        )  # fmt: skip
    images = sorted(PAGES.glob("uitvoeringsplan-*.png"))
    assert len(images) >= 4
    for image in images:
        assert sum(Image.open(image).convert("L").histogram()[:128]) > 500, f"{image} is empty"
