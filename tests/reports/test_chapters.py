"""Documents laid out by chapters the coordinator writes in ivp: the outline taken over,
reordered, renamed, left out and added to; text with paragraphs and lists; the generated parts
placed in their chapter; versioned with the plan and in the audit trail; and no text meant
for the coordinator in what goes to the council."""

import io

import pytest
from django.core.exceptions import ValidationError

from ivp.planning.models import ActionPlan, Chapter
from ivp.planning.policy.services.plan import plan_new_version
from ivp.planning.workflow.chapter_services import chapter_save, outline_take_over
from ivp.reports import services
from ivp.reports.builders.chapters import outline_of
from ivp.reports.outlines import OUTLINES
from tests.conftest import client_for

from .adopting import adopt
from .reading import docx_file, html_tree, pdf_text, words

pytestmark = pytest.mark.django_db

# Phrases that are notes for the coordinator or marks of the tool; none may reach the council.
TOOL_PHRASES = [
    "met ivp",
    "in ivp",
    "ivp heeft",
    "oorzaken en context voegt de gemeente zelf toe",
    "geen cijfers ingelezen",
    "(kwalitatief)",
    "niet vermeld in het brondocument",
    "Budget en uren zijn bij de acties nog niet ingevuld",
    "Voor dit thema zijn nog geen acties vastgelegd",
    "Het college stelt elk jaar een uitvoeringsplan vast",
]
VOORWOORD = (
    "Veiligheid maken we samen, in elke kern van de gemeente.\r\n\r\n"
    "Dit plan vraagt inzet van:\r\n"
    "- de politie en het Openbaar Ministerie\r\n"
    "- de inwoners en ondernemers"
)
OWN = "Begrippen en afkortingen"
OWN_TEXT = "RIEC: Regionaal Informatie- en Expertisecentrum.\n\nBibob: de wet die toetsing regelt."


def _page(code: str, kind: str, address) -> str:
    return f"/gemeenten/{code}/documenten/{kind}/{address}/hoofdstukken/"


def _edit(client, page: str, chapter: Chapter, **changes):
    fields = {
        "title": chapter.title,
        "included": "on" if chapter.included else "",
        "body": chapter.body,
        "block": chapter.block,
        "signer_function": chapter.signer_function,
        "signer_name": chapter.signer_name,
        "lock_version": chapter.lock_version,
        **changes,
    }
    return client.post(f"{page}{chapter.pk}/", {k: v for k, v in fields.items() if v != ""})


def _levels_one(html) -> list[str]:
    return [
        h.text_content().strip()
        for h in html.iterfind(".//h2")
        if "ivp-doc-h1" in h.get("class", "")
    ]


def _chapter_text(html, title: str, following: str) -> str:
    """The text from a chapter's heading up to the next chapter's (after the contents)."""
    text = html.text_content()
    body = text[text.index("Colofon") :]
    start = body.index(title)
    return body[start : body.index(following, start)]


@pytest.fixture
def written_ivp(westerveld_plan):
    """A new version of Westerveld's IVP whose document the coordinator has written: a
    voorwoord with a list and its signer, the safety picture moved before the frameworks, the
    prioritisation left out and a chapter of its own."""
    draft = plan_new_version(plan=westerveld_plan)
    client = client_for("coordinator.westerveld")
    page = _page("GM1701", "ivp", draft.start_year)
    assert client.post(page, {"overnemen": "1"}).status_code == 302
    chapters = {c.key: c for c in Chapter.objects.filter(policy_plan=draft, document="ivp")}
    assert len(chapters) == len(OUTLINES["ivp"])
    _edit(
        client,
        page,
        chapters["voorwoord"],
        body=VOORWOORD,
        signer_function="burgemeester van Westerveld",
    )
    _edit(client, page, chapters["prioritering"], included="")
    for _step in range(4):  # veiligheidsbeeld: from after tendensen to right after inleiding
        client.post(f"{page}{chapters['veiligheidsbeeld'].pk}/omhoog/")
    client.post(page, {"title": OWN})
    own = Chapter.objects.get(policy_plan=draft, document="ivp", title=OWN)
    _edit(client, page, own, body=OWN_TEXT)
    return draft


def test_the_written_chapters_come_out_in_order_in_html_pdf_and_docx(written_ivp):
    municipality = written_ivp.municipality
    # This draft has no text for communication, finances, other themes or governance (no
    # work group, no uitvoeringsplan yet): those chapters stay out, as the outline page warns
    expected = [
        "Voorwoord",
        "Samenvatting",
        "Inleiding",
        "Veiligheidsbeeld",
        "Kaders en samenwerking",
        "Missie en visie",
        "Regionale prioriteiten",
        "Prioriteiten",
        OWN,
    ]
    html = html_tree(services.make("ivp", municipality, 2023, "html", plan=written_ivp).content)
    chapters = [t for t in _levels_one(html) if t not in ("Colofon", "Inhoud")]
    assert chapters == expected
    items = [li.text_content() for li in html.iterfind(".//li")]
    assert "de inwoners en ondernemers" in items
    # the generated chart sits in the chapter it was placed in
    chart = "JaarAantalPer 1.000 inwoners"  # the chart's table of figures
    assert chart in _chapter_text(html, "Veiligheidsbeeld", "Kaders en samenwerking")
    assert chart not in _chapter_text(html, "Kaders en samenwerking", "Missie en visie")
    text = html.text_content()

    pdf = pdf_text(services.make("ivp", municipality, 2023, "pdf", plan=written_ivp).content)
    positions = [pdf.index(words(title), pdf.index("Voorwoord")) for title in expected[1:]]
    assert positions == sorted(positions)
    assert words("Veiligheid maken we samen, in elke kern van de gemeente.") in pdf
    assert "burgemeester van Westerveld" in pdf

    docx = docx_file(services.make("ivp", municipality, 2023, "docx", plan=written_ivp).content)
    paragraphs = [p.text for p in docx.paragraphs]
    headings = [p.text for p in docx.paragraphs if p.style.name == "Heading 1"]
    assert [h for h in headings if h in expected] == expected
    start = paragraphs.index("Dit plan vraagt inzet van:")
    assert paragraphs[start + 1 : start + 3] == [
        "de politie en het Openbaar Ministerie",
        "de inwoners en ondernemers",
    ]
    assert docx.paragraphs[start + 1].style.name.startswith("List")
    for phrase in TOOL_PHRASES:
        assert phrase not in text and phrase not in pdf and phrase not in "\n".join(paragraphs)


@pytest.mark.parametrize("kind", ["uitvoeringsplan", "voortgang"])
def test_no_tool_text_reaches_the_council_in_the_other_documents(kind):
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    made = services.make(kind, plan.municipality, 2026, "html", plan=plan)
    text = " ".join(html_tree(made.content).text_content().split())
    for phrase in TOOL_PHRASES:
        assert phrase not in text, phrase


def test_the_uitvoeringsplan_numbers_priorities_and_letters_other_themes_with_introductions():
    plan = ActionPlan.objects.get(municipality__code="GM1701", start_year=2026)
    theme = plan.themes.order_by("order").first()
    theme.introduction = (
        "Dit jaar ligt de nadruk op weerbaarheid.\n\n- bij ondernemers\n- bij ambtenaren"
    )
    theme.save()
    html = html_tree(
        services.make("uitvoeringsplan", plan.municipality, 2026, "html", plan=plan).content
    )
    themes = [h.text_content() for h in html.iterfind(".//h3")]
    priorities = [t for t in themes if t[:2] in ("1.", "2.", "3.", "4.")]
    others = [t for t in themes if t[:2] in ("A.", "B.", "C.")]
    assert priorities and priorities[0].startswith(f"1. {theme.title}")
    assert len(others) == plan.themes.filter(priority__kind="overig").count()
    assert "Dit jaar ligt de nadruk op weerbaarheid." in html.text_content()
    assert "bij ambtenaren" in [li.text_content() for li in html.iterfind(".//li")]


def test_a_new_version_copies_the_chapters_and_the_adopted_one_stays_fixed(written_ivp):
    voorwoord = Chapter.objects.get(policy_plan=written_ivp, key="voorwoord")
    history = voorwoord.history.all()
    assert history.count() >= 2 and history.first().body.startswith("Veiligheid maken")

    adopt(written_ivp)
    with pytest.raises(ValidationError):
        chapter_save(chapter=voorwoord, title="Voorwoord", body="Anders.")
    third = plan_new_version(plan=written_ivp)
    copied = Chapter.objects.get(policy_plan=third, key="voorwoord")
    assert copied.body == voorwoord.body and copied.pk != voorwoord.pk


def test_a_progress_reports_chapters_change_after_the_plan_is_adopted():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    plan.status = ActionPlan.Status.VASTGESTELD
    plan.save()
    chapters = outline_take_over(plan=plan, document="voortgang", defaults=OUTLINES["voortgang"])
    aanleiding = next(c for c in chapters if c.key == "aanleiding")
    chapter_save(chapter=aanleiding, title="Aanleiding", body="De raad vroeg om een stand.")
    text = html_tree(
        services.make("voortgang", plan.municipality, 2026, "html", plan=plan).content
    ).text_content()
    assert "De raad vroeg om een stand." in text
    with pytest.raises(ValidationError):  # the uitvoeringsplan itself is fixed
        uitvoering = outline_of(plan, "uitvoeringsplan")[0]
        chapter_save(chapter=uitvoering, title="Inleiding", body="Anders.")


def test_the_preview_shows_the_text_without_saving_it(written_ivp):
    client = client_for("coordinator.westerveld")
    page = _page("GM1701", "ivp", written_ivp.start_year)
    own = Chapter.objects.get(policy_plan=written_ivp, title=OWN)
    answer = _edit(client, page, own, body="Eerste alinea.\n\n- een punt", voorbeeld="1")
    assert answer.status_code == 200
    preview = html_tree(answer.content).find(".//article")
    assert [li.text_content() for li in preview.iterfind(".//li")] == ["een punt"]
    own.refresh_from_db()
    assert own.body == OWN_TEXT


def test_a_standard_chapter_is_left_out_not_removed(written_ivp):
    client = client_for("coordinator.westerveld")
    page = _page("GM1701", "ivp", written_ivp.start_year)
    standard = Chapter.objects.get(policy_plan=written_ivp, key="terugblik")
    client.post(f"{page}{standard.pk}/verwijderen/", {"lock_version": standard.lock_version})
    assert Chapter.objects.filter(pk=standard.pk).exists()
    own = Chapter.objects.get(policy_plan=written_ivp, title=OWN)
    client.post(f"{page}{own.pk}/verwijderen/", {"lock_version": own.lock_version})
    assert not Chapter.objects.filter(pk=own.pk).exists()
    listing = client.get(page).content.decode()
    assert (
        "Terugblik" in listing
        and "Nog geen tekst: dit hoofdstuk staat niet in het document." in listing
    )


def test_the_raadsvoorstel_puts_the_ivp_to_the_council_with_a_draft_decision(westerveld_plan):
    made = services.make("raadsvoorstel", westerveld_plan.municipality, 2024, "html")
    html = html_tree(made.content)
    chapters = [t for t in _levels_one(html) if t not in ("Colofon", "Inhoud")]
    assert chapters[0] == "Voorstel" and chapters[-1] == "Ontwerp-raadsbesluit"
    assert chapters.index("Samenvatting") < chapters.index("Inleiding en aanleiding")
    text = " ".join(html.text_content().split())
    assert f"het {westerveld_plan.title} vast te stellen" in text
    assert "artikel 38b van de Politiewet 2012" in text and "besluit:" in text
    for phrase in TOOL_PHRASES:
        assert phrase not in text, phrase


def test_the_collegevoorstel_puts_an_uitvoeringsplan_to_the_college(tmp_path):
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    target = tmp_path / "collegevoorstel.docx"
    from django.core.management import call_command

    call_command(
        "report", "collegevoorstel", gemeente="GM1708", jaar=2026, format="docx",
        output=str(target), stderr=io.StringIO(),
    )  # fmt: skip
    paragraphs = [p.text for p in docx_file(target.read_bytes()).paragraphs]
    assert f"het {plan.title} vast te stellen;" in paragraphs
    assert "de raad met een raadsinformatiebrief over het plan te informeren." in paragraphs
    listing = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/documenten/")
    assert "/documenten/collegevoorstel/2026/" in listing.content.decode()
