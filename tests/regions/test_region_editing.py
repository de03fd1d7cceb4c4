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


def test_coordinator_may_only_record_partnerships_that_include_their_municipality():
    client = client_for("coordinator.westerveld")
    refused = client.post("/regios/nieuw/", _form())
    assert refused.status_code == 200
    assert not Region.objects.filter(code="kop-van-overijssel").exists()
    accepted = client.post("/regios/nieuw/", _form(members="Westerveld, Meppel", code="wm"))
    assert accepted.status_code == 302
    # A coordinator cannot make an official region such as a province.
    province = client.post(
        "/regios/nieuw/", _form(members="Westerveld", code="pv-x", kind=Region.Kind.PROVINCIE)
    )
    assert province.status_code == 200
    assert not Region.objects.filter(code="pv-x").exists()


def test_regiocoordinator_edits_their_region_and_history_records_it(zuidwest_drenthe):
    client = client_for("regio.zuidwest-drenthe")
    response = client.post(
        "/regios/zuidwest-drenthe/bewerken/",
        _form(
            name="Zuidwest-Drenthe",
            code="zuidwest-drenthe",
            members="Meppel, Midden-Drenthe, Westerveld, De Wolden",
        ),
    )
    assert response.status_code == 302
    assert zuidwest_drenthe.members.count() == 4
    latest = zuidwest_drenthe.history.latest()
    assert latest.history_user.username == "regio.zuidwest-drenthe"


def test_duplicate_code_is_refused():
    response = client_for("beheerder").post("/regios/nieuw/", _form(code="zuidwest-drenthe"))
    assert response.status_code == 200
    assert Region.objects.filter(code="zuidwest-drenthe").count() == 1
