"""Frameworks per municipality: the national ones shared, a region's for its members, a
municipality's own only for itself; ordered from national to local; linked to priorities."""

import pytest

from ivp.planning.models import Framework, PolicyPlan
from ivp.planning.policy import export
from ivp.planning.policy import selectors as policy_selectors
from ivp.regions.models import Municipality
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

STEENWIJKERLAND_DRAFT = {"municipality__code": "GM1708", "status": "concept"}


def test_a_plan_is_never_offered_another_municipalitys_coalition_agreement():
    plan = PolicyPlan.objects.get(**STEENWIJKERLAND_DRAFT)
    page = client_for("coordinator.steenwijkerland").get(f"{plan.get_absolute_url()}bewerken/")
    text = page.content.decode()
    assert "Landelijke Veiligheidsagenda 2023–2026" in text  # national: shared
    assert "Coalitieakkoord Steenwijkerland 2022–2026" in text  # its own
    assert "Westerveld" not in text.split("<main", 1)[1]  # not Westerveld's coalition agreement
    assert "Noord-Nederland" not in text  # nor the police plan of a unit it is not in


def test_the_coordinator_adds_a_framework_that_only_its_own_plans_are_offered():
    client = client_for("coordinator.steenwijkerland")
    response = client.post(
        "/gemeenten/GM1708/kaders/nieuw/",
        {
            "name": "Nota Horecabeleid Steenwijkerland",
            "level": "lokaal",
            "issuer": "gemeenteraad",
            "start_year": 2024,
            "end_year": 2028,
            "order": 2,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/gemeenten/GM1708/kaders/"
    table = response.content.decode().split("<tbody", 1)[1]
    positions = [
        table.index(name)
        for name in (
            "Landelijke Veiligheidsagenda",  # national first
            "Coalitieakkoord Steenwijkerland",  # then its own, in the order given
            "Nota Horecabeleid Steenwijkerland",
        )
    ]
    assert positions == sorted(positions)
    assert Framework.objects.get(name="Nota Horecabeleid Steenwijkerland").municipality.code == (
        "GM1708"
    )
    westerveld = client_for("coordinator.westerveld").get("/gemeenten/GM1701/kaders/")
    assert "Nota Horecabeleid" not in westerveld.content.decode()


def test_another_municipality_cannot_edit_a_framework_it_does_not_own():
    westerveld_own = Framework.objects.get(code="coalitieakkoord-westerveld-2022-2026")
    response = client_for("coordinator.steenwijkerland").get(
        f"/gemeenten/GM1708/kaders/{westerveld_own.pk}/"
    )
    assert response.status_code == 404


def test_westerveld_lists_its_frameworks_in_the_sources_order_and_per_priority():
    data = export.plan_data(policy_selectors.plan_in_force(Municipality.objects.get(code="GM1701")))
    assert [f["name"] for f in data["frameworks"]] == [
        "Landelijke Veiligheidsagenda 2023–2026",
        "Regionaal Beleidsplan Veiligheid Noord-Nederland 2020–2023",
        "Jaarwerkplan Politie basisteam Zuidwest-Drenthe",
        "Coalitieakkoord Westerveld 2022–2026",
    ]
    first = data["priorities"][0]
    assert first["frameworks"] == [
        "Landelijke Veiligheidsagenda 2023–2026",
        "Regionaal Beleidsplan Veiligheid Noord-Nederland 2020–2023",
    ]


def test_a_regions_own_framework_is_offered_to_its_members_only():
    client = client_for("regio.zuidwest-drenthe")
    response = client.post(
        "/regios/zuidwest-drenthe/kaders/nieuw/",
        {
            "name": "Regionale aanpak ondermijning Zuidwest-Drenthe 2025–2028",
            "level": "regionaal",
            "start_year": 2025,
            "end_year": 2028,
            "order": 0,
        },
        follow=True,
    )
    assert "Regionale aanpak ondermijning" in response.content.decode()
    name = "Regionale aanpak ondermijning Zuidwest-Drenthe"
    member = client_for("coordinator.westerveld").get("/gemeenten/GM1701/kaders/")
    outsider = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/kaders/")
    assert name in member.content.decode()
    assert name not in outsider.content.decode()


def test_a_framework_the_plan_names_stays_offered_though_its_regions_members_are_unknown():
    """Westerveld's plan names the police plan of Noord-Nederland, a unit whose members ivp
    does not hold: its next edit must not drop it."""
    page = client_for("coordinator.westerveld").get("/gemeenten/GM1701/kaders/")
    assert "Regionaal Beleidsplan Veiligheid Noord-Nederland 2020–2023" in page.content.decode()
