"""Parties as the plan writes them: "politie, scholen" lands on the register's "Politie" and
"Scholen" and is written so in the pages, exports and documents, while the register and the
totals per party count it as that party; new versions keep the spelling; the lead party comes
first."""

import csv
import io
from datetime import date

import pytest

from ivp.planning.execution import export as action_export
from ivp.planning.execution.services.actions import (
    action_plan_adopt,
    action_plan_new_version,
    action_plan_next_year,
    action_save,
)
from ivp.planning.models import Action, ActionPlan, Party, Priority
from ivp.planning.policy.export import plan_data
from ivp.planning.policy.services import plan as plan_services
from ivp.reports import services as documents
from tests.conftest import client_for
from tests.reports.reading import docx_file, html_tree, words

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(db) -> dict[str, Party]:
    """The register spells its parties with a capital, as it did before plans were typed."""
    return {name: Party.objects.get_or_create(name=name)[0] for name in ("Politie", "Scholen")}


def _html_text(kind, plan) -> str:
    made = documents.make(kind, plan.municipality, plan.start_year, "html", plan=plan)
    return words(html_tree(made.content).text_content())


def _form_data(client, address) -> dict:
    initial = client.get(address).context["form"].initial
    return {key: "" if value is None else value for key, value in initial.items()}


def test_a_priority_typed_in_lower_case_is_written_so_on_the_register_parties(
    steenwijkerland_draft_plan, register
):
    plan = steenwijkerland_draft_plan
    coordinator = client_for("coordinator.steenwijkerland")
    response = coordinator.post(
        plan.get_absolute_url() + "prioriteiten/nieuw/",
        {"title": "Jeugd", "kind": "prioriteit", "approach": "", "parties": "politie, scholen"},
    )
    assert response.status_code == 302
    priority = plan.priorities.get(title="Jeugd")
    assert priority.ordered_parties == [register["Politie"], register["Scholen"]]
    assert not Party.objects.filter(name__in=["politie", "scholen"]).exists()
    assert priority.party_names == ["politie", "scholen"]

    page = coordinator.get(plan.get_absolute_url()).content.decode()
    assert "Partijen:</strong> politie, scholen" in page
    [exported] = [p for p in plan_data(plan)["priorities"] if p["title"] == "Jeugd"]
    assert exported["parties"] == ["politie", "scholen"]
    assert "Partijen: politie, scholen." in _html_text("ivp", plan)

    # the form shows the plan's words, and saving it unchanged keeps them
    address = plan.get_absolute_url() + f"prioriteiten/{priority.pk}/"
    data = _form_data(coordinator, address)
    assert data["parties"] == "politie, scholen"
    assert coordinator.post(address, data).status_code == 302
    assert Priority.objects.get(pk=priority.pk).party_names == ["politie", "scholen"]

    # the register names its party as the register does
    register_page = coordinator.get("/gemeenten/GM1708/partijen/")
    rows = html_tree(register_page.content).xpath("//table//tbody/tr/th")
    names = [row.text_content().strip() for row in rows]
    assert "Politie" in names and "politie" not in names


def _draft_action_plan() -> ActionPlan:
    return ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)


def test_the_uitvoeringsplan_writes_parties_as_typed_and_counts_them_per_register_party(
    register,
):
    plan = _draft_action_plan()
    theme = plan.themes.order_by("order").first()
    typed = action_save(theme=theme, item="Voorlichting op school", parties=["scholen", "politie"])
    capitalised = action_save(theme=theme, item="Surveillance", parties=["Politie"])
    assert typed.ordered_parties == [register["Scholen"], register["Politie"]]

    rows = {row["item"]: row for row in action_export.action_rows(plan)}
    assert rows["Voorlichting op school"]["parties"] == ["scholen", "politie"]
    csv_rows = list(
        csv.reader(io.StringIO(action_export.as_csv(plan).decode("utf-8-sig")), delimiter=";")
    )
    [csv_row] = [r for r in csv_rows if r[3] == "Voorlichting op school"]
    assert csv_row[5] == "scholen, politie"

    coordinator = client_for("coordinator.steenwijkerland")
    page = coordinator.get(plan.get_absolute_url())
    assert "scholen, politie" in page.content.decode()
    per_party = dict(page.context["party_totals"])
    assert "politie" not in per_party and "scholen" not in per_party
    politie_actions = Action.objects.filter(theme__action_plan=plan, parties=register["Politie"])
    assert per_party["Politie"]["count"] == politie_actions.count()
    assert {typed.pk, capitalised.pk} <= set(politie_actions.values_list("pk", flat=True))

    text = _html_text("uitvoeringsplan", plan)
    assert "Voorlichting op school" in text and "scholen, politie" in text
    assert "Scholen, Politie" not in text


def test_an_api_patch_without_parties_keeps_their_spelling(register):
    plan = _draft_action_plan()
    action = action_save(
        theme=plan.themes.first(), item="Buurtpreventie", parties=["politie", "Scholen"]
    )
    response = client_for("coordinator.steenwijkerland").patch(
        f"/api/v1/acties/{action.pk}/",
        {"item": "Buurtpreventie-app", "lock_version": action.lock_version},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content[:500]
    assert response.json()["parties"] == ["politie", "Scholen"]
    assert Action.objects.get(pk=action.pk).party_names == ["politie", "Scholen"]


def test_a_new_version_of_the_ivp_keeps_the_spelling(steenwijkerland_draft_plan, register):
    plan = steenwijkerland_draft_plan
    priority = plan.priorities.get()
    plan_services.focus_area_save(priority=priority, title="Schoolomgeving", parties=["scholen"])
    plan_services.priority_save(
        plan=plan, priority=priority, title=priority.title, parties=["politie", "Scholen"]
    )
    plan_services.plan_adopt(
        plan=plan, adopted_on=date(2026, 12, 1), adopted_by="raad", decision_reference="R-1"
    )
    copy = plan_services.plan_new_version(plan=plan)
    copied = copy.priorities.get()
    assert copied.party_names == ["politie", "Scholen"]
    assert copied.ordered_parties == [register["Politie"], register["Scholen"]]
    assert copied.focus_areas.get(title="Schoolomgeving").party_names == ["scholen"]


def test_a_new_version_and_next_years_plan_of_the_uitvoeringsplan_keep_the_spelling(register):
    for plan in (_draft_action_plan(), ActionPlan.objects.get(municipality__code="GM1701")):
        action_save(
            theme=plan.themes.order_by("order").first(),
            item="Voorlichting op school",
            parties=["scholen", "politie"],
            status="lopend",
        )
    westerveld = ActionPlan.objects.get(municipality__code="GM1701")
    following = action_plan_next_year(action_plan=westerveld)  # Westerveld's IVP runs on
    carried = Action.objects.get(theme__action_plan=following, item="Voorlichting op school")
    assert carried.party_names == ["scholen", "politie"]

    plan = _draft_action_plan()
    action_plan_adopt(action_plan=plan, adopted_on=date(2026, 1, 20), decision_reference="B-1")
    copy = action_plan_new_version(action_plan=plan)
    again = Action.objects.get(theme__action_plan=copy, item="Voorlichting op school")
    assert again.party_names == ["scholen", "politie"]


def test_the_lead_party_comes_first_in_the_documents_as_typed(register, steenwijkerland_draft_plan):
    """The lead party is the one typed first ("the lead party first", says the form); the
    documents keep that order, never the alphabet's."""
    plan = _draft_action_plan()
    action_save(
        theme=plan.themes.order_by("order").first(),
        item="Schoolveiligheidsplan",
        parties=["scholen", "Gemeente", "politie"],
        owner="scholen",
    )
    document = docx_file(
        documents.make(
            "uitvoeringsplan", plan.municipality, plan.start_year, "docx", plan=plan
        ).content
    )
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    [row] = [r for r in cells if r[0] == "Schoolveiligheidsplan"]
    assert row[2] == "scholen, Gemeente, politie"

    ivp = steenwijkerland_draft_plan
    priority = ivp.priorities.get()
    plan_services.priority_save(
        plan=ivp,
        priority=priority,
        title=priority.title,
        parties=["Scholen", "gemeente", "Politie"],
    )
    assert "Partijen: Scholen, gemeente, Politie." in _html_text("ivp", ivp)
