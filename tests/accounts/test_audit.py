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


def test_a_replaced_population_figure_shows_old_and_new_in_the_trail():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ivp.regions.services import data_file

    real = data_file(
        "cbs-bevolking-gemeente-2002-2025", "statline_37230_bevolking_eind_jaar_2002_2024.csv"
    )
    lines = real.read_text(encoding="utf-8-sig").splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith('"Westerveld"'))
    lines[i] = lines[i].replace('"19983"', '"19990"')
    upload = SimpleUploadedFile(
        "bevolking-herzien.csv", "\n".join(lines).encode(), content_type="text/csv"
    )
    assert (
        client_for("beheerder").post("/beheer/bevolking-importeren/", {"file": upload}).status_code
        == 200
    )
    page = client_for("coordinator.westerveld").get("/gemeenten/GM1701/audit/").content.decode()
    assert "Westerveld 2024 (bevolking-herzien.csv)" in page
    assert "<del>19983</del>" in page and "<ins>19990</ins>" in page


def test_the_trail_costs_a_fixed_number_of_queries(django_assert_num_queries):
    from ivp.accounts.audit import audit_trail
    from ivp.taxonomy.models import Theme
    from ivp.taxonomy.selectors import current_version
    from ivp.taxonomy.services import municipal_theme_adapt

    westerveld = Municipality.objects.get(code="GM1701")
    themes = list(Theme.objects.filter(field__version=current_version()))
    # however long the trail grows: one query per kind of record for its changes, one more
    # for the records before them where it has any, and two for the population changes
    for round_ in range(3):
        for theme in themes:
            municipal_theme_adapt(
                municipality=westerveld, theme=theme, name=f"{theme.name} {round_}"
            )
        with django_assert_num_queries(48):  # 48 since comments on actions (issue 19)
            entries = audit_trail(westerveld)
    assert len(entries) >= 3 * len(themes)
    renamed = [e for e in entries if e.changes and e.changes[0].new.endswith(" 2")]
    assert renamed and renamed[0].changes[0].old.endswith(" 1")
