"""An uitvoeringsplan's actions read in on their page: upload with the year, read in the
background, each table under the theme of the IVP in force its heading names, each action
beside its row to accept, correct, move, join or drop; saving makes the concept uitvoeringsplan
with exactly that."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ivp.intake.models import PlanImport
from ivp.planning.models import ActionPlan
from tests.conftest import client_for

from ..reports.reading import html_tree
from .review_forms import form_answers

pytestmark = pytest.mark.django_db
SEED = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / ("000_91dd2a825e35555a.txt")
)
PAGE = "/gemeenten/GM1708/uitvoeringsplan/importeren/"


@pytest.fixture
def immediate(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def read_in(immediate):
    """Seed 000 uploaded by Steenwijkerland's coordinator for 2026, after the demo's
    uitvoeringsplan of that year (typed from the same document) was removed."""
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here: the seeds stand beside the checkout in CI")
    ActionPlan.objects.filter(municipality__code="GM1708", start_year=2026).delete()
    client = client_for("coordinator.steenwijkerland")
    upload = SimpleUploadedFile("uitvoeringsplan-2026.txt", SEED.read_bytes(), "text/plain")
    answer = client.post(PAGE, {"document": upload, "year": "2026"})
    assert answer.status_code == 302
    record = PlanImport.objects.get(file_name="uitvoeringsplan-2026.txt")
    assert record.status == PlanImport.Status.DONE and record.kind == PlanImport.Kind.ACTIONS
    assert answer["Location"] == record.get_absolute_url()
    return client, record


def test_each_table_is_put_under_the_theme_its_heading_names(read_in):
    client, record = read_in
    page = html_tree(client.get(record.get_absolute_url()).content)
    legends = [legend.text_content() for legend in page.iterfind(".//fieldset/legend")]
    assert "Tabel: A WONINGINBRAAK" in legends
    chosen = {
        select.get("name"): [o.text for o in select.iter("option") if o.get("selected")]
        for select in page.iterfind(".//select")
        if select.get("name").endswith("-under") and "-x" not in select.get("name")
    }
    assert all(len(titles) == 1 for titles in chosen.values()), chosen
    assert ["Woninginbraak"] in chosen.values()
    quotes = [q.text_content() for q in page.iterfind(".//q")]
    assert any(q.startswith("Weerbaarheidsdagen ondernijning") for q in quotes)


def test_saving_makes_a_concept_with_exactly_what_was_accepted(read_in):
    client, record = read_in
    page = html_tree(client.get(record.get_absolute_url()).content)
    form = page.find(".//form[@class='utrecht-form ivp-import-review']")
    answers = form_answers(form)
    items = {k: v for k, v in answers.items() if k.endswith("-item")}
    keys = [k.removesuffix("-item") for k in items]
    assert len(keys) == 34
    dropped, moved, joined, corrected = keys[0], keys[1], keys[3], keys[5]
    del answers[f"{dropped}-keep"]
    target = next(
        o.get("value")
        for o in page.iterfind(f".//select[@name='{moved}-under']/option")
        if o.text == "Verkeersveiligheid"
    )
    answers[f"{moved}-under"] = target
    answers[f"{joined}-join"] = "on"
    answers[f"{corrected}-planning"] = "Q2 2026"
    answers[f"{corrected}-parties"] = "Politie, Gemeente"
    saved = client.post(record.get_absolute_url(), answers)
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    assert saved.status_code == 302 and saved["Location"] == plan.get_absolute_url()
    assert plan.status == ActionPlan.Status.CONCEPT
    actions = {a.item: a for t in plan.themes.all() for a in t.actions.all()}
    assert len(actions) == 32
    assert items[f"{dropped}-item"] not in actions
    assert actions[items[f"{moved}-item"]].theme.title == "Verkeersveiligheid"
    assert items[f"{joined}-item"] not in actions
    above = actions[items[f"{keys[2]}-item"]]
    assert answers[f"{joined}-description"].split()[0] in above.description
    fixed = actions[items[f"{corrected}-item"]]
    assert fixed.planning_text == "Q2 2026"
    assert {p.name for p in fixed.ordered_parties} == {"Politie", "Gemeente"}
    record.refresh_from_db()
    assert record.status == PlanImport.Status.SAVED and record.action_plan == plan
    assert (
        "opgeslagen als concept-uitvoeringsplan"
        in client.get(record.get_absolute_url()).content.decode()
    )


def test_a_year_with_a_plan_or_without_an_ivp_is_refused_before_reading(immediate):
    client = client_for("coordinator.steenwijkerland")
    upload = SimpleUploadedFile("acties.csv", b"Item;Partijen\nx;y\n", "text/csv")
    taken = client.post(PAGE, {"document": upload, "year": "2026"}).content.decode()
    assert "heeft al een uitvoeringsplan voor 2026" in taken
    upload.seek(0)
    none = client.post(PAGE, {"document": upload, "year": "2040"}).content.decode()
    assert "heeft geen vastgesteld integraal veiligheidsplan voor 2040" in none
    photo = SimpleUploadedFile("foto.png", b"\x89PNG", "image/png")
    refused = client.post(PAGE, {"document": photo, "year": "2027"}).content.decode()
    assert "foto.png: ivp leest acties uit .docx, .pdf, .txt, .md, .xlsx en .csv." in refused
    assert not PlanImport.objects.filter(kind=PlanImport.Kind.ACTIONS, status="klaar").exists()


def test_a_file_without_actions_tables_says_so(immediate):
    ActionPlan.objects.filter(municipality__code="GM1708", start_year=2026).delete()
    client = client_for("coordinator.steenwijkerland")
    upload = SimpleUploadedFile("brief.txt", b"Geachte raad,\n\nHierbij het plan.\n", "text/plain")
    client.post(PAGE, {"document": upload, "year": "2026"})
    record = PlanImport.objects.get(file_name="brief.txt")
    page = client.get(record.get_absolute_url()).content.decode()
    assert "Geen tabel met acties gevonden." in page
    assert "Opslaan als concept-uitvoeringsplan" not in page


def test_parties_ivp_does_not_know_are_listed_before_saving(immediate):
    ActionPlan.objects.filter(municipality__code="GM1708", start_year=2026).delete()
    client = client_for("coordinator.steenwijkerland")
    sheet = (
        "Thema;Item;Partijen;Planning\n"
        "Woninginbraak;Buurtpreventie;Politie, Stichting Buurtkracht;Q1\n"
        "Woonoverlast;Bemiddeling;buurtbemiddeling-team, politie;Q2\n"
    )
    upload = SimpleUploadedFile("acties-2026.csv", sheet.encode(), "text/csv")
    client.post(PAGE, {"document": upload, "year": "2026"})
    record = PlanImport.objects.get(file_name="acties-2026.csv")
    page = html_tree(client.get(record.get_absolute_url()).content)
    heading = next(h for h in page.iterfind(".//h3") if h.text_content() == "Nieuwe partijen")
    listed = heading.getnext().getnext()
    assert [li.text_content() for li in listed.iterfind("li")] == [
        "Stichting Buurtkracht",
        "buurtbemiddeling-team",
    ]


def test_saving_twice_makes_one_plan(read_in):
    client, record = read_in
    page = html_tree(client.get(record.get_absolute_url()).content)
    answers = form_answers(page.find(".//form[@class='utrecht-form ivp-import-review']"))
    client.post(record.get_absolute_url(), answers)
    again = client.post(record.get_absolute_url(), answers, follow=True)
    assert ActionPlan.objects.filter(municipality__code="GM1708", start_year=2026).count() == 1
    assert "Deze acties zijn opgeslagen als concept-uitvoeringsplan." in again.content.decode()


def test_a_save_that_finds_the_draft_saved_meanwhile_saves_nothing(read_in):
    """Two requests that both read the draft before either saved: the second finds it saved
    under the lock and makes nothing."""
    from django.core.exceptions import ValidationError

    from ivp.intake.tasks import plan_import_save

    _client, record = read_in  # as both requests read it: ready to be saved
    made = []
    plan_import_save(record=record, save=lambda: made.append("plan") or record)
    with pytest.raises(ValidationError, match="al opgeslagen"):
        plan_import_save(record=record, save=lambda: made.append("twice") or record)
    assert made == ["plan"]
