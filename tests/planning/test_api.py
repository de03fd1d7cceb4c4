"""The policy side over REST: reads and writes exactly as the roles allow."""

import pytest

from ivp.planning.models import Action, ActionPlan
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PLAN = "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/"


def _action(item):
    return Action.objects.get(
        theme__action_plan__municipality__code="GM1708",
        theme__action_plan__start_year=2026,
        item=item,
    )


def test_the_schema_names_the_new_endpoints():
    schema = client_for(None).get("/api/schema/").content.decode()
    for path in ("/api/v1/acties/{action}/voortgang/", "/api/v1/indicatoren/", "veiligheidsplan"):
        assert path in schema


def test_the_plan_in_force_is_public_as_its_export():
    data = client_for(None).get("/api/v1/gemeenten/GM1701/veiligheidsplan/").json()
    assert data["title"] == "Integraal Veiligheidsplan Westerveld 2023–2027"
    first = data["priorities"][0]
    assert first["regional_links"][0]["region"]["code"] == "zuidwest-drenthe"
    assert first["focus_areas"][0]["title"].startswith("Bewustwording")


def test_observations_are_public_aggregates_with_their_source():
    rows = (
        client_for(None)
        .get("/api/v1/gemeenten/GM1708/waarnemingen/?indicator=misdrijven-totaal")
        .json()["results"]
    )
    assert {r["period"]: r["value"] for r in rows}["2024"] == 1133
    assert "Politie" in rows[0]["source"]


def test_the_coordinator_adds_and_changes_an_action_and_a_stale_change_gets_412():
    client = client_for("coordinator.steenwijkerland")
    theme = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026).themes.first()
    created = client.post(
        PLAN + "acties/",
        {
            "theme_id": theme.pk,
            "item": "Nieuwe actie",
            "parties": ["Gemeente", "Politie"],
            "planning": "Q4",
            "budget": "250.00",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["parties"] == ["Gemeente", "Politie"] and body["planning_months"][0] == "2026-10"
    url = f"/api/v1/acties/{body['id']}/"
    first = client.patch(
        url,
        {"owner": "Gemeente", "lock_version": body["lock_version"]},
        content_type="application/json",
    )
    assert first.status_code == 200
    stale = client.patch(
        url,
        {"owner": "Politie", "lock_version": body["lock_version"]},
        content_type="application/json",
    )
    assert stale.status_code == 412
    assert "Iemand anders" in stale.json()["detail"]
    assert stale.json()["current"]["owner"] == "Gemeente"  # what was saved meanwhile
    blind = client.patch(url, {"owner": "Politie"}, content_type="application/json")
    assert blind.status_code == 428
    assert Action.objects.get(pk=body["id"]).owner == "Gemeente"


def test_a_budget_of_veel_is_refused():
    theme = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026).themes.first()
    response = client_for("coordinator.steenwijkerland").post(
        PLAN + "acties/",
        {"theme_id": theme.pk, "item": "X", "budget": "veel"},
        content_type="application/json",
    )
    assert response.status_code == 400 and "budget" in response.json()


def test_a_partner_reports_progress_on_its_partys_action_only():
    client = client_for("partner.steenwijkerland")
    own = _action("Toezicht en handhaving")  # Politie
    without_version = client.post(
        f"/api/v1/acties/{own.pk}/voortgang/",
        {"status": "lopend", "percent_done": 50},
        content_type="application/json",
    )
    assert without_version.status_code == 428 and "lock_version" in without_version.json()
    assert not own.updates.filter(user__username="partner.steenwijkerland").exists()
    response = client.post(
        f"/api/v1/acties/{own.pk}/voortgang/",
        {"status": "lopend", "percent_done": 50, "lock_version": own.lock_version},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["organisation"] == "Politie"
    stale = client.post(
        f"/api/v1/acties/{own.pk}/voortgang/",
        {"status": "afgerond", "lock_version": own.lock_version},
        content_type="application/json",
    )
    assert stale.status_code == 412
    assert "partner.steenwijkerland" not in response.content.decode()
    other = _action("Borging Bibob-proces")  # Gemeente only
    refused = client.post(
        f"/api/v1/acties/{other.pk}/voortgang/",
        {"status": "afgerond"},
        content_type="application/json",
    )
    assert refused.status_code == 403
    assert not other.updates.filter(
        status="afgerond", user__username="partner.steenwijkerland"
    ).exists()
    # nor may the partner change the action itself
    patch = client.patch(
        f"/api/v1/acties/{own.pk}/", {"owner": "Politie"}, content_type="application/json"
    )
    assert patch.status_code == 403


def test_a_partner_of_another_municipality_cannot_touch_the_action():
    action = _action("Toezicht en handhaving")
    client = client_for("partner.westerveld")
    assert client.get(f"/api/v1/acties/{action.pk}/").status_code == 403
    response = client.post(
        f"/api/v1/acties/{action.pk}/voortgang/",
        {"status": "afgerond"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_a_status_that_does_not_exist_is_refused_in_dutch():
    action = _action("Toezicht en handhaving")
    response = client_for("coordinator.steenwijkerland").post(
        f"/api/v1/acties/{action.pk}/voortgang/",
        {"status": "klaar", "lock_version": action.lock_version},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "klaar" in str(response.json())
