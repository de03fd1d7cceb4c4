"""Regions created and edited in the UI, with member names typed as people write them."""

import pytest

from ivp.regions.models import Region
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "name": "Kop van Overijssel",
        "code": "kop-van-overijssel",
        "kind": Region.Kind.SAMENWERKINGSVERBAND,
        "members": "Steenwijkerland\nZwartewaterland, Kampen",
        "description": "Afspraken over gedeelde prioriteiten.",
    }
    return {**data, **overrides}


def test_beheerder_creates_a_region_from_typed_names():
    response = client_for("beheerder").post("/regios/nieuw/", _form())
    assert response.status_code == 302
    region = Region.objects.get(code="kop-van-overijssel")
    assert set(region.members.values_list("code", flat=True)) == {"GM1708", "GM1896", "GM0166"}
    page = client_for(None).get(response["Location"]).content.decode()
    assert "Zwartewaterland" in page and "Kampen" in page


def test_unknown_names_are_named_in_a_dutch_error_and_nothing_is_saved():
    response = client_for("beheerder").post(
        "/regios/nieuw/", _form(members="Steenwijkerland, Steenwijkerlandd, Atlantis")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Steenwijkerlandd" in page and "Atlantis" in page
    assert "aria-invalid" in page
    assert not Region.objects.filter(code="kop-van-overijssel").exists()


def test_a_coordinator_cannot_create_a_region_or_enrol_municipalities():
    """Recording a partnership would enrol its other members: the beheerder does that."""
    client = client_for("coordinator.westerveld")
    refused = client.post("/regios/nieuw/", _form(members="Westerveld, Meppel", code="wm"))
    assert refused.status_code == 403
    assert not Region.objects.filter(code="wm").exists()
    assert "Nieuwe regio" not in client.get("/regios/").content.decode()


def test_regiocoordinator_edits_the_description_but_not_the_members(zuidwest_drenthe):
    client = client_for("regio.zuidwest-drenthe")
    response = client.post(
        "/regios/zuidwest-drenthe/bewerken/",
        _form(
            name="Zuidwest-Drenthe",
            code="zuidwest-drenthe",
            kind=Region.Kind.PROVINCIE,
            members="Meppel, Midden-Drenthe, Westerveld, Amsterdam",
            description="Drie gemeenten, één basisteam.",
        ),
    )
    assert response.status_code == 302
    zuidwest_drenthe.refresh_from_db()
    assert zuidwest_drenthe.description == "Drie gemeenten, één basisteam."
    assert zuidwest_drenthe.kind == Region.Kind.SAMENWERKINGSVERBAND
    assert set(zuidwest_drenthe.members.values_list("name", flat=True)) == {
        "Meppel",
        "Midden-Drenthe",
        "Westerveld",
    }
    # Adding a member would have given the regiocoördinator Amsterdam's work in preparation.
    assert client.get("/gemeenten/GM0363/werkruimte/").status_code == 403
    assert zuidwest_drenthe.history.latest().history_user.username == "regio.zuidwest-drenthe"


def test_a_member_coordinator_cannot_rename_recode_or_enrol(zuidwest_drenthe):
    client = client_for("coordinator.westerveld")
    assert client.get("/regios/zuidwest-drenthe/bewerken/").status_code == 403
    response = client.post(
        "/regios/zuidwest-drenthe/bewerken/",
        _form(name="Drenthe Zuid", code="drenthe-zuid", members="Westerveld, Steenwijkerland"),
    )
    assert response.status_code == 403
    zuidwest_drenthe.refresh_from_db()
    assert (zuidwest_drenthe.name, zuidwest_drenthe.code) == (
        "Zuidwest-Drenthe",
        "zuidwest-drenthe",
    )
    assert set(zuidwest_drenthe.members.values_list("name", flat=True)) == {
        "Meppel",
        "Midden-Drenthe",
        "Westerveld",
    }
    assert "Regio bewerken" not in client.get("/regios/zuidwest-drenthe/").content.decode()


def test_a_member_coordinator_cannot_edit_a_partnership_without_regiocoordinator_either():
    """Before the change a member's coordinator kept a partnership nobody coordinated."""
    region = client_for("beheerder").post(
        "/regios/nieuw/", _form(code="wm", members="Westerveld, Meppel")
    )
    assert region.status_code == 302
    client = client_for("coordinator.westerveld")
    refused = client.post("/regios/wm/bewerken/", _form(code="wm2", members="Westerveld"))
    assert refused.status_code == 403
    assert set(Region.objects.get(code="wm").members.values_list("name", flat=True)) == {
        "Westerveld",
        "Meppel",
    }


def test_the_regiocoordinator_renames_and_recodes_their_region(zuidwest_drenthe):
    client = client_for("regio.zuidwest-drenthe")
    response = client.post(
        "/regios/zuidwest-drenthe/bewerken/",
        _form(name="Zuidwest-Drenthe (ZWD)", code="zwd", members="Meppel"),
    )
    assert response.status_code == 302
    zuidwest_drenthe.refresh_from_db()
    assert (zuidwest_drenthe.name, zuidwest_drenthe.code) == ("Zuidwest-Drenthe (ZWD)", "zwd")
    assert zuidwest_drenthe.members.count() == 3


def test_the_beheerder_changes_members_of_any_region(zuidwest_drenthe):
    response = client_for("beheerder").post(
        "/regios/zuidwest-drenthe/bewerken/",
        _form(
            name="Zuidwest-Drenthe",
            code="zuidwest-drenthe",
            members="Meppel, Midden-Drenthe, Westerveld, De Wolden",
        ),
    )
    assert response.status_code == 302
    assert zuidwest_drenthe.members.count() == 4


def test_duplicate_code_is_refused():
    response = client_for("beheerder").post("/regios/nieuw/", _form(code="zuidwest-drenthe"))
    assert response.status_code == 200
    assert Region.objects.filter(code="zuidwest-drenthe").count() == 1


def test_an_ambiguous_name_asks_which_one_is_meant():
    response = client_for("beheerder").post(
        "/regios/nieuw/", _form(members="Bergen, Steenwijkerland")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "“Bergen (L.)”" in page and "“Bergen (NH.)”" in page
    assert not Region.objects.filter(code="kop-van-overijssel").exists()
