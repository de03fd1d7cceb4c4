"""The four documents, opened as a reader opens them: Word, PDF and HTML."""

from decimal import Decimal

import pytest
from django.db.models import Sum
from PIL import Image

from ivp.figures.models import Indicator, Observation
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.models import Action
from ivp.regions.models import Municipality
from ivp.reports import services
from ivp.reports.document import Paragraph, Table

from .reading import (
    docx_file,
    docx_headings,
    docx_text,
    html_tree,
    pdf_first_pages_as_png,
    pdf_fonts_embedded,
    pdf_reader,
    pdf_structure,
    pdf_text,
    words,
)

pytestmark = pytest.mark.django_db


def _make(kind, code, fmt, year=2026):
    return services.make(kind, Municipality.objects.get(code=code), year, fmt).content


def _uitvoeringsplan_actions():
    plan = execution_selectors.current_action_plans().get(
        municipality__code="GM1708", start_year=2026
    )
    return plan, list(
        Action.objects.filter(theme__action_plan=plan)
        .prefetch_related("parties")
        .order_by("theme__order", "order", "pk")
    )


def _expected_headings(kind, code):
    document = services.build(kind, Municipality.objects.get(code=code), 2026)
    return [s.title for s in document.headings()], document


# --- Uitvoeringsplan Steenwijkerland 2026 -----------------------------------------------------


def test_uitvoeringsplan_docx_holds_every_action_with_its_parties_in_order():
    plan, actions = _uitvoeringsplan_actions()
    document = docx_file(_make("uitvoeringsplan", "GM1708", "docx"))
    headings = docx_headings(document)
    assert headings[0] == ("Title", plan.title)
    expected, _ = _expected_headings("uitvoeringsplan", "GM1708")
    assert [text for style, text in headings[1:]] == [*expected, "Colofon", "Bronnen"]
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    for action in actions:
        row = next(r for r in rows if r[0] == action.item and r[1] == action.description)
        assert row[2] == ", ".join(action.party_names)
        assert row[3] == action.planning_text
    assert document.tables[1].rows[0].cells[0].text == "Item"
    first_item = document.tables[1].rows[1].cells[0].paragraphs[0]
    assert first_item.style.name == "Table Text"  # the template's dense table style
    assert all(run.bold for run in first_item.runs)  # it names its row, as in the PDF
    assert [c.text for c in document.tables[1].rows[0].cells[:4]] == [
        "Item", "Maatregelen/activiteiten", "Partijen", "Planning",
    ]  # fmt: skip


def test_uitvoeringsplan_docx_is_dutch_with_contents_chart_and_colofon():
    content = _make("uitvoeringsplan", "GM1708", "docx")
    document = docx_file(content)
    assert document.core_properties.language == "nl-NL"
    defaults = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert defaults == ["nl-NL"]
    assert document.element.xpath("//w:instrText[contains(., 'TOC')]"), "no table of contents"
    pictures = document.inline_shapes
    assert len(pictures) == 1
    assert "Grafiek: Aantal acties per thema" in pictures[0]._inline.docPr.get("descr")
    text = docx_text(document)
    assert "Bron" in text or "Bronnen" in text
    assert "Colofon" in [p.text for p in document.paragraphs]


def test_budget_and_hours_in_the_documents_equal_the_database():
    _plan, actions = _uitvoeringsplan_actions()
    for number, action in enumerate(actions[:5], start=1):
        action.budget, action.hours = Decimal("1250.50") * number, 10 * number
        action.save(update_fields=["budget", "hours"])
    theme = actions[0].theme
    sums = Action.objects.filter(theme=theme).aggregate(budget=Sum("budget"), hours=Sum("hours"))
    budget = f"{sums['budget']:,.2f}".replace(",", "#").replace(".", ",").replace("#", ".")
    document = docx_file(_make("uitvoeringsplan", "GM1708", "docx"))
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Uren")
    footer = [c.text for c in table.rows[-1].cells]
    assert footer[0] == f"Totaal, {theme.actions.count()} acties"
    assert budget in footer and str(sums["hours"]) in footer
    first = next(r for r in table.rows if r.cells[0].text == actions[0].item)
    assert "1.250,50" in [c.text for c in first.cells]
    text = pdf_text(_make("uitvoeringsplan", "GM1708", "pdf"))
    assert f"Totaal, {theme.actions.count()} acties" in text and budget in text


def test_uitvoeringsplan_pdf_is_tagged_dutch_titled_real_text():
    plan, actions = _uitvoeringsplan_actions()
    content = _make("uitvoeringsplan", "GM1708", "pdf")
    root = pdf_reader(content).trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    metadata = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in metadata
    assert f">{plan.title}<" in metadata
    assert all(pdf_fonts_embedded(content).values())
    structure = pdf_structure(content)
    tags = [tag for tag, _ in structure]
    assert tags.count("H1") == 1 and "Table" in tags and "TH" in tags
    figures = [alt for tag, alt in structure if tag == "Figure"]
    assert figures and all(alt and alt.startswith("Grafiek:") for alt in figures)
    text = pdf_text(content)
    for action in actions:
        assert words(action.item) in text
        for name in action.party_names:
            assert words(name) in text
    expected, _ = _expected_headings("uitvoeringsplan", "GM1708")
    positions = [text.find(title, text.find("Inleiding Dit")) for title in expected[:4]]
    assert positions == sorted(positions) and -1 not in positions


@pytest.mark.parametrize(("kind", "code"), [("uitvoeringsplan", "GM1708"), ("ivp", "GM1701")])
def test_first_pages_render_to_png_for_a_person_to_look_at(kind, code):
    pages = pdf_first_pages_as_png(_make(kind, code, "pdf"), f"{kind}-{code}")
    assert len(pages) == 3
    for page in pages:
        dark = sum(Image.open(page).convert("L").histogram()[:128])
        assert dark > 500, f"{page} looks empty"


def test_uitvoeringsplan_html_is_one_dutch_file_with_alt_texts_and_table_headers():
    tree = html_tree(_make("uitvoeringsplan", "GM1708", "html"))
    assert tree.get("lang") == "nl"
    plan, actions = _uitvoeringsplan_actions()
    assert tree.findtext(".//title") == plan.title
    images = tree.findall(".//figure/img")
    assert images and all(i.get("alt", "").startswith("Grafiek:") for i in images)
    assert all(i.get("src").startswith("data:image/svg+xml;base64,") for i in images)
    headers = [th.text_content() for th in tree.iterfind(".//tbody/tr/th[@scope='row']")]
    assert {a.item for a in actions} <= set(headers)
    expected, _ = _expected_headings("uitvoeringsplan", "GM1708")
    shown = [h.text_content() for h in tree.iterfind(".//h2") if h.get("id") != "inhoudsopgave"]
    assert [h for h in shown if h in expected or h == "Colofon"] == [
        t for t in expected if t in shown
    ] + ["Colofon"]


# --- Westerveld IVP -------------------------------------------------------------------------


def test_westerveld_ivp_in_every_format_has_its_priorities_in_order(westerveld_plan):
    plan = westerveld_plan
    titles = [p.title for p in plan.priorities.filter(kind="prioriteit").order_by("order", "pk")]
    expected, _ = _expected_headings("ivp", "GM1701")
    numbered = [t for t in expected if t.startswith("Prioriteit ")]
    assert numbered == [f"Prioriteit {n}: {t}" for n, t in enumerate(titles, start=1)]
    document = docx_file(_make("ivp", "GM1701", "docx"))
    assert [t for _, t in docx_headings(document)][1:-2] == expected
    text = pdf_text(_make("ivp", "GM1701", "pdf"))
    assert all(words(t) in text for t in numbered)
    assert "werken we ook aan regionale prioriteiten" in text
    assert words("Speerpunt 3: Bibob-beleid dat past bij Westerveld") in text
    for objective in plan.priorities.first().objectives.all():
        assert words(objective.text) in text
    tree = html_tree(_make("ivp", "GM1701", "html"))
    assert [h.text_content() for h in tree.iterfind(".//h2")][1:-1] == [
        s.title for s in _expected_headings("ivp", "GM1701")[1].headings() if s.level == 1
    ]


def test_ivp_figures_table_equals_the_registered_crimes():
    _, document = _expected_headings("ivp", "GM1701")
    chart = document.charts[0]
    stored = dict(
        Observation.objects.filter(
            area_code="GM1701", indicator__code="misdrijven-totaal", period__regex=r"^\d{4}$"
        ).values_list("period", "value")
    )
    for period, count, _rate in chart.table.rows:
        assert count == f"{stored[period]:,.0f}".replace(",", ".")
    assert document.figures_date.startswith("geregistreerde misdrijven")
    assert any(s.startswith("Bron: Politie") for s in document.sources)


def _dutch(value: float, unit: str) -> str:
    if unit == "aantal" and float(value).is_integer():
        return f"{value:,.0f}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "#").replace(".", ",").replace("#", ".")


# --- Veiligheidsanalyse and voortgangsrapportage --------------------------------------------


def test_analyse_has_every_indicator_with_chart_data_and_sources():
    _, document = _expected_headings("analyse", "GM1708")
    assert document.charts, "no charts"
    for chart in document.charts:
        assert chart.table.rows, chart.title
        assert "Bron:" in chart.table.caption
    assert document.sources and document.figures_date
    indicators = {i.name: i for i in Indicator.objects.filter(observations__area_code="GM1708")}
    for chart in document.charts:
        indicator = indicators[chart.title.rsplit(",", 1)[0]]
        stored = dict(
            Observation.objects.filter(area_code="GM1708", indicator=indicator).values_list(
                "period", "value"
            )
        )
        for period, value, *_ in chart.table.rows:
            assert value == _dutch(stored[period], indicator.unit), (indicator.code, period)
    text = pdf_text(_make("analyse", "GM1708", "pdf"))
    assert "Colofon" in text and document.sources[0].split(" (")[0] in text


def test_voortgang_counts_statuses_and_names_delayed_and_dropped_with_their_notes():
    _plan, actions = _uitvoeringsplan_actions()
    counts = {s: sum(1 for a in actions if a.status == s) for s in Action.Status.values}
    text = pdf_text(_make("voortgang", "GM1708", "pdf"))
    assert (
        words(
            f"Van de {len(actions)} acties in {_plan.title} zijn er {counts['afgerond']} afgerond, "
            f"{counts['lopend']} lopend, {counts['vertraagd']} vertraagd"
        )
        in text
    )
    for action in actions:
        if action.status in ("vertraagd", "geschrapt"):
            assert words(action.item) in text
            note = action.updates.order_by("-date", "-pk").first().note
            assert words(note) in text
    assert "Vervolg en communicatie" in text
    document = docx_file(_make("voortgang", "GM1708", "docx"))
    assert len(document.inline_shapes) == 1


def test_an_unknown_plan_year_is_a_clear_error():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="Meppel heeft geen veiligheidsplan voor 2026"):
        call_command("report", "ivp", gemeente="GM0119", jaar=2026, format="pdf")


def test_cli_writes_the_file(tmp_path):
    from django.core.management import call_command

    target = tmp_path / "plan.docx"
    call_command(
        "report", "uitvoeringsplan", gemeente="GM1708", jaar=2026, format="docx",
        output=str(target),
    )  # fmt: skip
    assert docx_file(target.read_bytes()).core_properties.title.startswith("Uitvoeringsplan")


def test_voortgang_shows_a_measurable_objective_against_baseline_and_target():
    plan, _ = _uitvoeringsplan_actions()
    objective = plan.themes.get(priority__title="Woninginbraak").priority.objectives.first()
    indicator = Indicator.objects.get(code="misdrijven-totaal")
    stored = dict(
        Observation.objects.filter(
            area_code="GM1708", indicator=indicator, period__regex=r"^\d{4}$"
        ).values_list("period", "value")
    )
    first, last = min(stored), max(stored)
    objective.indicator, objective.kind, objective.direction = indicator, "effect", "dalen"
    objective.baseline_value, objective.baseline_year = stored[first], int(first)
    objective.target_value, objective.target_year = stored[first] * 0.9, 2026
    objective.save()
    document = docx_file(_make("voortgang", "GM1708", "docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Doelstelling")
    row = next(r for r in table.rows if r.cells[0].text == objective.text)
    cells = [c.text for c in row.cells]
    assert cells[1] == indicator.name
    assert cells[2] == f"{_dutch(stored[first], 'aantal')} ({first})"
    assert cells[3] == f"{_dutch(stored[last], 'aantal')} ({last})"
    assert cells[4] == f"{_dutch(stored[first] * 0.9, 'aantal')} (2026)"
    assert cells[5].split(" (")[0] in ("gestegen", "gedaald", "niet aantoonbaar veranderd")


def test_analyse_leaves_out_the_fields_it_has_no_figures_for_and_states_each_ratio():
    """Which fields lack figures is a note for the coordinator (the app says it), not a
    chapter of the council's document."""
    _, document = _expected_headings("analyse", "GM1708")
    titles = [s.title for s in document.headings() if s.level == 2]
    assert [t.split(". ")[0] for t in titles if t[0].isdigit()] == ["1"]  # fields: level 2

    text = pdf_text(_make("analyse", "GM1708", "pdf"))
    assert "Bedrijvigheid en veiligheid" not in text and "ivp heeft" not in text
    benchmark_rows = next(
        block.rows
        for section in document.sections
        for block in section.blocks
        if isinstance(block, Table) and block.caption.endswith("vergelijking in 2024")
    )
    for label, _rate, ratio, interval, verdict in benchmark_rows:
        if verdict in ("hoger", "lager"):
            named = f"de {label}" if label.startswith("rest van") else label
            assert f"{verdict} dan in {named}" in text
            assert f"verhouding {ratio}, 95%-interval {interval}" in text


def test_ivp_shows_the_plan_years_so_far_beside_the_years_before_it():
    _, document = _expected_headings("ivp", "GM1701")
    years = [row[0] for row in document.charts[0].table.rows]
    assert years == ["2022", "2023", "2024"]
    blocks = [b for s in document.sections for b in s.blocks]
    text = words(" ".join(b.text for b in blocks if isinstance(b, Paragraph)))
    assert "De cijfers vanaf 2023 vallen in de planperiode zelf" in text


def test_the_analysis_says_how_a_change_is_judged_and_words_it_without_a_p_value():
    text = pdf_text(_make("analyse", "GM1708", "pdf"))
    assert "groter is dan toeval en de gewone schommeling tussen jaren samen verklaren" in text
    assert "meer dan de gewone schommeling van ±" in text
    assert "p < 0,05" not in text
