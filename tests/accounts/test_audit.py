"""The audit trail: who changed what, when, before and after; coordinators see their own."""

import pytest
from django.contrib.auth import get_user_model

from ivp.regions.models import Municipality
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_admin_edit_of_a_municipality_is_in_its_audit_trail():
    admin = client_for("beheerder")
    municipality = Municipality.objects.get(code="GM1701")
    response = admin.post(
        f"/beheer/django/regions/municipality/{municipality.pk}/change/",
        {
            "code": "GM1701",
            "name": "Westerveld (Dr.)",
            "cbs_name": municipality.cbs_name,
            "province": municipality.province_id,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client_for("coordinator.westerveld").get("/gemeenten/GM1701/audit/").content.decode()
    assert "beheerder" in page
    assert "<del>Westerveld</del>" in page and "<ins>Westerveld (Dr.)</ins>" in page


def test_role_changes_are_recorded_without_the_password():
    user = get_user_model().objects.get(username="raad.westerveld")
    user.is_staff = True
    user.save()
    latest = user.history.latest()
    assert latest.is_staff is True
    assert not hasattr(latest, "password")


def test_the_other_municipalitys_coordinator_cannot_read_the_trail():
    assert (
        client_for("coordinator.steenwijkerland").get("/gemeenten/GM1701/audit/").status_code == 403
    )
