"""Several uitvoeringsplannen in one year: one per priority or speerpunt, each with its own
address, pages, API, documents and dashboard, and no priority worked out twice in a year."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from docx import Document as Docx

from ivp.planning.execution.services.actions import action_plan_create, action_plan_next_year
from ivp.planning.models import ActionPlan
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

WESTERVELD = "/gemeenten/GM1701/uitvoeringsplan/"


def _priority(plan, start: str):
    return plan.priorities.get(title__startswith=start)


@pytest.fixture
def two_plans(westerveld_plan):
    """Westerveld's 2027: a plan for the priority on undermining, one for social nuisance."""
    undermining = _priority(westerveld_plan, "Ondermijnende")
    nuisance = _priority(westerveld_plan, "Sociale overlast")
    first = action_plan_create(
        policy_plan=westerveld_plan, start_year=2027, priorities=[undermining]
    )
    second = action_plan_create(
        policy_plan=westerveld_plan, start_year=2027, priorities=[nuisance], scope="Overlast!"
    )
    return first, second


def test_two_plans_start_in_one_year_each_at_its_own_address(two_plans):
    first, second = two_plans
    assert first.address == "2027-ondermijnende-factoren-verminderen"
    assert second.address == "2027-overlast"  # typed, made fit for an address
    assert first.title.endswith("2027: Ondermijnende factoren verminderen")
    client = client_for("coordinator.westerveld")
    page = client.get(f"{WESTERVELD}{second.address}/").content.decode()
    assert "Sociale overlast terugdringen" in page
    assert "Ondermijnende factoren verminderen" not in page
    assert client.get(f"{WESTERVELD}2027/").status_code == 404  # no plan of everything
    listing = client.get(WESTERVELD).content.decode()
    assert first.get_absolute_url() in listing and second.get_absolute_url() in listing


def test_a_priority_is_worked_out_in_one_plan_a_year(two_plans, westerveld_plan):
    undermining = _priority(westerveld_plan, "Ondermijnende")
    with pytest.raises(ValidationError, match=r"al uitgewerkt in .*2027: Ondermijnende"):
        action_plan_create(
            policy_plan=westerveld_plan, start_year=2027, priorities=[undermining], scope="nog-een"
        )
    with pytest.raises(ValidationError, match="Ondermijnende factoren verminderen is al"):
        action_plan_create(policy_plan=westerveld_plan, start_year=2027)  # everything
    speerpunt = undermining.focus_areas.first()
    with pytest.raises(ValidationError, match=f"{speerpunt.title} is al uitgewerkt"):
        action_plan_create(policy_plan=westerveld_plan, start_year=2027, focus_areas=[speerpunt])
    with pytest.raises(ValidationError, match="heeft al een uitvoeringsplan 2027-overlast"):
        action_plan_create(
            policy_plan=westerveld_plan,
            start_year=2027,
            priorities=[_priority(westerveld_plan, "Digitale")],
            scope="overlast",
        )
    assert ActionPlan.objects.filter(municipality__code="GM1701", start_year=2027).count() == 2


def test_a_plan_per_speerpunt_holds_that_speerpunts_objectives_only(westerveld_plan):
    undermining = _priority(westerveld_plan, "Ondermijnende")
    first, second = undermining.focus_areas.order_by("order")[:2]
    plan = action_plan_create(policy_plan=westerveld_plan, start_year=2027, focus_areas=[first])
    other = action_plan_create(policy_plan=westerveld_plan, start_year=2027, focus_areas=[second])
    theme = plan.themes.get()
    assert theme.focus_area == first and theme.priority == undermining
    assert theme.title == f"{first.title} (speerpunt van {undermining.title})"
    assert {o.focus_area_id for o in theme.objectives} <= {first.pk}
    assert plan.address != other.address
    page = client_for("coordinator.westerveld").get(plan.get_absolute_url()).content.decode()
    assert theme.title in page


def test_the_form_makes_a_plan_for_one_speerpunt(westerveld_plan):
    speerpunt = _priority(westerveld_plan, "Sociale overlast").focus_areas.first()
    client = client_for("coordinator.westerveld")
    form = client.get(WESTERVELD).content.decode()
    assert "Of alleen deze speerpunten" in form and speerpunt.title in form
    response = client.post(
        WESTERVELD,
        {"start_year": 2027, "focus_areas": [speerpunt.pk], "scope": "Woonoverlast 2027"},
        follow=True,
    )
    plan = ActionPlan.objects.get(municipality__code="GM1701", start_year=2027)
    assert plan.address == "2027-woonoverlast-2027"
    assert response.redirect_chain[-1][0] == plan.get_absolute_url()
    again = client.post(WESTERVELD, {"start_year": 2027, "focus_areas": [speerpunt.pk]})
    assert "is al uitgewerkt in" in again.content.decode()


def test_next_year_keeps_the_part_and_its_address(westerveld_plan):
    speerpunt = _priority(westerveld_plan, "Sociale overlast").focus_areas.first()
    ActionPlan.objects.filter(municipality__code="GM1701", start_year=2026).delete()
    first = action_plan_create(
        policy_plan=westerveld_plan, start_year=2026, focus_areas=[speerpunt], scope="woonoverlast"
    )
    following = action_plan_next_year(action_plan=first)
    assert following.address == "2027-woonoverlast"
    assert following.title.endswith(f"2027: {speerpunt.title}")
    assert [(t.priority, t.focus_area) for t in following.themes.all()] == [
        (speerpunt.priority, speerpunt)
    ]


def test_the_check_asks_only_for_the_objectives_of_the_plans_own_part(two_plans):
    first, _second = two_plans
    out = io.StringIO()
    call_command("lint", gemeente="GM1701", plan=first.address, stdout=out, stderr=io.StringIO())
    without_actions = [line for line in out.getvalue().splitlines() if "geen actie" in line]
    own = first.themes.get().objectives
    assert len(without_actions) == len(own) > 0
    assert all(any(o.text[:40] in line for o in own) for line in without_actions)


def test_documents_name_each_plan(two_plans, tmp_path):
    first, second = two_plans
    client = client_for("coordinator.westerveld")
    listing = client.get("/gemeenten/GM1701/documenten/").content.decode()
    for plan in two_plans:
        assert f"/documenten/uitvoeringsplan/{plan.address}/" in listing
        assert f"/documenten/voortgang/{plan.address}/" in listing
    page = client.get(f"/gemeenten/GM1701/documenten/uitvoeringsplan/{second.address}/")
    assert second.title in page.content.decode()
    progress = client.get(f"/gemeenten/GM1701/documenten/voortgang/{second.address}/")
    assert "Voortgangsrapportage integrale veiligheid 2027: Sociale overlast" in (
        progress.content.decode()
    )
    target = tmp_path / "plan.docx"
    call_command(
        "report", "uitvoeringsplan", gemeente="GM1701", plan=first.address, format="docx",
        output=str(target), stderr=io.StringIO(),
    )  # fmt: skip
    text = "\n".join(p.text for p in Docx(target).paragraphs)
    assert first.title in text and "Sociale overlast terugdringen" not in text
    with pytest.raises(CommandError, match=r"2 uitvoeringsplannen \(2027-"):
        call_command("actions", "GM1701", jaar=2027)
    assert client.get("/gemeenten/GM1701/documenten/ivp/2023-deel/").status_code == 404


def test_the_api_reads_a_plan_by_its_address(two_plans):
    _first, second = two_plans
    client = client_for("coordinator.westerveld")
    answer = client.get(f"/api/v1/gemeenten/GM1701/uitvoeringsplannen/{second.address}/")
    data = json.loads(answer.content)
    assert data["address"] == second.address and data["title"] == second.title
    assert client.get("/api/v1/gemeenten/GM1701/uitvoeringsplannen/2027-geen/").status_code == 404


def test_the_municipalitys_dashboard_offers_each_plans_dashboard(two_plans):
    for plan in two_plans:
        plan.dashboard_published = True
        plan.status = ActionPlan.Status.VASTGESTELD
        plan.save()
    page = client_for(None).get("/gemeenten/GM1701/dashboard/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "een uitvoeringsplan per prioriteit" in text
    for plan in two_plans:
        assert f"/uitvoeringsplan/{plan.address}/dashboard/" in text
