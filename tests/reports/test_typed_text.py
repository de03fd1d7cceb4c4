"""Text typed in a browser (CRLF, blank lines, "- " and "1. " lines) keeps its paragraphs, lists
and line breaks in the IVP and the uitvoeringsplan, read back from the Word, PDF and HTML files."""

import pytest

from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.models import Action, ActionPlanTheme, PolicyPlan
from ivp.regions.models import Municipality
from ivp.reports import services

from .reading import docx_file, html_tree, pdf_lines, pdf_structure, pdf_text

pytestmark = pytest.mark.django_db

# As a browser sends it, and as such texts were stored before input was normalised.
VISION = (
    "Steenwijkerland is een veilige gemeente.\r\n\r\n"
    "Dat doen we samen met:\r\n- de politie\r\n- de brandweer\r\n- de inwoners\r\n\r\n"
    "In drie stappen:\r\n1. kennen\r\n2. kiezen\r\n3. doen\r\n"
)
LOOKBACK = "Het jaar begon rustig.\r\n\r\nWat goed ging:\r\n- minder inbraken\r\n- meer meldingen"
DESCRIPTION = "Voorlichting op scholen\r\nen in wijkcentra"


@pytest.fixture
def typed_plans():
    """Steenwijkerland's IVP in force in 2026 and its uitvoeringsplan 2026, with typed texts
    written straight to the database (no form normalised them)."""
    plan = PolicyPlan.objects.get(
        municipality__code="GM1708", status=PolicyPlan.Status.VASTGESTELD, start_year=2023
    )
    PolicyPlan.objects.filter(pk=plan.pk).update(vision=VISION)
    action_plan = execution_selectors.current_action_plans().get(
        municipality__code="GM1708", start_year=2026
    )
    theme = action_plan.themes.order_by("order", "pk").first()
    ActionPlanTheme.objects.filter(pk=theme.pk).update(lookback=LOOKBACK)
    action = theme.actions.order_by("order", "pk").first()
    Action.objects.filter(pk=action.pk).update(description=DESCRIPTION)
    return action


def _make(kind, fmt):
    return services.make(kind, Municipality.objects.get(code="GM1708"), 2026, fmt).content


def _texts(paragraphs):
    return [p.text for p in paragraphs]


def test_ivp_docx_has_the_visions_paragraphs_and_both_lists_once(typed_plans):
    document = docx_file(_make("ivp", "docx"))
    texts = _texts(document.paragraphs)
    start = texts.index("Steenwijkerland is een veilige gemeente.")
    assert texts[start : start + 9] == [
        "Steenwijkerland is een veilige gemeente.",
        "Dat doen we samen met:",
        "de politie",
        "de brandweer",
        "de inwoners",
        "In drie stappen:",
        "kennen",
        "kiezen",
        "doen",
    ]
    paragraphs = document.paragraphs[start : start + 9]
    assert {p.style.name for p in paragraphs[2:5]} == {"List Bullet"}
    numbered = paragraphs[6:9]
    assert {p.style.name for p in numbered} == {"List Number"}
    # one numbering of its own, starting at 1 (not going on from an earlier list)
    num_ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(num_ids) == 1
    num = document.part.numbering_part.element.num_having_numId(num_ids.pop())
    assert num.xpath("w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_uitvoeringsplan_docx_has_the_lookback_list_and_a_cell_with_its_line_break(
    typed_plans,
):
    document = docx_file(_make("uitvoeringsplan", "docx"))
    paragraphs = document.paragraphs
    texts = _texts(paragraphs)
    start = texts.index("Het jaar begon rustig.")
    assert texts[start : start + 4] == [
        "Het jaar begon rustig.",
        "Wat goed ging:",
        "minder inbraken",
        "meer meldingen",
    ]
    assert paragraphs[start + 2].style.name == "List Bullet"
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    cell = next(c for c in cells if c.text.startswith("Voorlichting op scholen"))
    assert cell.text == "Voorlichting op scholen\nen in wijkcentra"  # one break, not two
    assert len(cell.paragraphs[0]._p.xpath(".//w:br")) == 1


def test_ivp_html_has_paragraphs_a_list_and_a_numbered_list(typed_plans):
    tree = html_tree(_make("ivp", "html"))
    first = next(
        p
        for p in tree.iterfind(".//p")
        if p.text_content() == "Steenwijkerland is een veilige gemeente."
    )
    following = [e for e in first.itersiblings()][:4]
    assert [e.tag for e in following] == ["p", "ul", "p", "ol"]
    assert [li.text_content() for li in following[1].iterfind("li")] == [
        "de politie",
        "de brandweer",
        "de inwoners",
    ]
    assert [li.text_content() for li in following[3].iterfind("li")] == ["kennen", "kiezen", "doen"]


def test_uitvoeringsplan_html_keeps_the_line_break_in_the_action_cell(typed_plans):
    tree = html_tree(_make("uitvoeringsplan", "html"))
    cell = next(td for td in tree.iterfind(".//td") if td.text_content().startswith("Voorlichting"))
    assert cell.text == "Voorlichting op scholen"
    assert [child.tag for child in cell] == ["br"]
    intro = next(p for p in tree.iterfind(".//p") if p.text_content() == "Wat goed ging:")
    listed = intro.getnext()
    assert listed.tag == "ul"
    assert [li.text_content() for li in listed] == ["minder inbraken", "meer meldingen"]


def _following(lines: list[str], first: str, count: int) -> list[str]:
    start = lines.index(first)
    return lines[start : start + count]


def test_ivp_pdf_lays_out_the_paragraphs_and_lists_and_tags_them(typed_plans):
    content = _make("ivp", "pdf")
    assert _following(pdf_lines(content), "Steenwijkerland is een veilige gemeente.", 9) == [
        "Steenwijkerland is een veilige gemeente.",
        "Dat doen we samen met:",
        "de politie",
        "de brandweer",
        "de inwoners",
        "In drie stappen:",
        "kennen",
        "kiezen",
        "doen",
    ]
    assert pdf_text(content).count("de brandweer") == 1
    tags = [tag for tag, _ in pdf_structure(content)]
    assert tags.count("L") >= 2 and "LI" in tags


def test_uitvoeringsplan_pdf_lays_out_the_lookback_list_and_the_cells_line_break(typed_plans):
    content = _make("uitvoeringsplan", "pdf")
    lines = pdf_lines(content)
    # a page may break after the first paragraph (a chart's labels then end that page's text)
    assert _following(lines, "Wat goed ging:", 3) == [
        "Wat goed ging:",
        "minder inbraken",
        "meer meldingen",
    ]
    assert lines.index("Het jaar begon rustig.") < lines.index("Wat goed ging:")
    assert _following(lines, "Voorlichting op scholen", 2)[1] == "en in wijkcentra"
    assert pdf_text(content).count("Voorlichting op scholen en in wijkcentra") == 1
