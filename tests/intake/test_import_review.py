"""Reading an existing plan in on its page: upload, read in the background, then every part
beside the line it came from, to accept, edit, move or drop; saving makes the concept plan
with exactly what was accepted, each part's history saying where it was read."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ivp.intake.models import PlanImport
from ivp.planning.models import PolicyPlan
from tests.conftest import client_for

from ..reports.reading import html_tree
from .review_forms import form_answers

pytestmark = pytest.mark.django_db
SEED = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / ("004_287127905622fb8b.txt")
)
PAGE = "/gemeenten/GM1701/veiligheidsplan/importeren/"


@pytest.fixture
def read_in(settings):
    """Seed 004 uploaded by Westerveld's coordinator and read (the worker runs at once)."""
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here: the seeds stand beside the checkout in CI")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client = client_for("coordinator.westerveld")
    upload = SimpleUploadedFile("westerveld-ivp.txt", SEED.read_bytes(), "text/plain")
    answer = client.post(PAGE, {"document": upload})
    assert answer.status_code == 302
    record = PlanImport.objects.get(file_name="westerveld-ivp.txt")
    assert record.status == PlanImport.Status.DONE, record.problems
    return client, record


def test_the_draft_is_shown_part_by_part_beside_its_line(read_in):
    client, record = read_in
    page = html_tree(client.get(record.get_absolute_url()).content)
    legends = [
        legend.text_content()
        for legend in page.iterfind(".//fieldset/legend")
        if legend.text_content().startswith(("Prioriteit", "Overig thema"))
    ]
    assert len(legends) == 4 and legends[0].startswith("Prioriteit: Het verminderen")
    quotes = [q.text_content() for q in page.iterfind(".//q")]
    assert any(q.startswith("Doelstelling 1: het verminderen") for q in quotes)
    sources = page.find_class("ivp-import-source")[0].text_content()
    assert "westerveld-ivp.txt, regel 1110" in sources
    assert "geen doelstelling gevonden" in page.text_content()
    assert PolicyPlan.objects.filter(municipality__code="GM1701").count() == 1  # nothing yet


def test_saving_makes_a_concept_with_exactly_what_was_accepted(read_in):
    client, record = read_in
    page = html_tree(client.get(record.get_absolute_url()).content)
    form = page.find(".//form[@class='utrecht-form ivp-import-review']")
    answers = form_answers(form)
    answers.pop("p2-keep")  # drop the third priority (digital crime, no speerpunten)
    answers.pop("p1-s2-keep")  # drop a speerpunt
    answers["p0-s2-under"] = "p3"  # move the Bibob speerpunt to the care-and-safety priority
    answers["p0-title"] = "Ondermijning tegengaan"
    answers.pop("voorwoord-keep")  # the voorwoord is not taken in
    answers["k0-name"] = "Veiligheidsagenda (landelijk)"  # a framework's name corrected
    answers.pop("k1-keep")  # nor the second framework the chapter on frameworks names
    saved = client.post(record.get_absolute_url(), answers)
    assert saved.status_code == 302
    plan = PolicyPlan.objects.get(municipality__code="GM1701", version=2)
    assert plan.status == PolicyPlan.Status.CONCEPT
    priorities = list(plan.priorities.order_by("order"))
    assert priorities[0].title == "Ondermijning tegengaan"
    assert len(priorities) == 3
    counts = [p.focus_areas.count() for p in priorities]
    assert counts == [2, 2, 5]
    assert (
        priorities[2].focus_areas.filter(title__startswith="Het implementeren van Bibob").exists()
    )
    reason = priorities[0].history.order_by("-history_id").first().history_change_reason
    assert reason == "Ingelezen uit westerveld-ivp.txt, r. 1110"
    record.refresh_from_db()
    assert record.status == PlanImport.Status.SAVED and record.plan == plan
    chapters = {c.key: c for c in plan.chapters.filter(document="ivp")}
    assert chapters["voorwoord"].body == "" and chapters["tendensen"].body  # as chosen
    frameworks = [f.name for f in plan.frameworks.all()]
    assert len(frameworks) == 3 and "Veiligheidsagenda (landelijk)" in frameworks


def test_a_file_that_is_no_plan_is_refused_with_its_name(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client = client_for("coordinator.westerveld")
    page = client.post(PAGE, {"document": SimpleUploadedFile("foto.png", b"\x89PNG", "image/png")})
    assert page.status_code == 200
    assert (
        "foto.png: ivp leest plannen uit .docx, .pdf, .txt, .md en .json." in page.content.decode()
    )
    broken = SimpleUploadedFile("kapot.pdf", b"%PDF-1.4 niets", "application/pdf")
    record_page = client.post(PAGE, {"document": broken}, follow=True)
    assert "kapot.pdf is geen PDF die te lezen is." in record_page.content.decode()
