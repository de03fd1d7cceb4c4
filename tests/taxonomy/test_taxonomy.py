"""Kernbeleid Veiligheid as versioned data, adapted per municipality without touching the national version."""

import pytest

from ivp.taxonomy.models import MunicipalTheme, SafetyField, TaxonomyVersion, Theme
from ivp.taxonomy.selectors import current_version, themes_for
from ivp.taxonomy.services import municipal_theme_adapt, municipal_theme_add, taxonomy_load
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_two_national_versions_six_and_five_fields():
    six = TaxonomyVersion.objects.get(code="kbv-6-velden")
    five = TaxonomyVersion.objects.get(code="kbv-5-velden")
    assert six.is_current and not five.is_current
    assert list(six.fields.values_list("name", flat=True)) == [
        "Veilige woon- en leefomgeving",
        "Bedrijvigheid en veiligheid",
        "Jeugd en veiligheid",
        "Fysieke veiligheid",
        "Digitale veiligheid",
        "Integriteit en veiligheid",
    ]
    assert five.fields.count() == 5
    assert not five.fields.filter(name="Digitale veiligheid").exists()
    assert Theme.objects.filter(field__version=six, name="Ondermijning").exists()


def _names(fields):
    return {t.name for f in fields for t in f.themes}


def test_rename_hide_and_add_change_only_the_municipality(westerveld, steenwijkerland):
    version = current_version()
    tourism = Theme.objects.get(field__version=version, code="veilig-toerisme")
    school = Theme.objects.get(field__version=version, code="veilig-in-en-om-school")
    municipal_theme_adapt(municipality=westerveld, theme=tourism, name="Veilige recreatie")
    municipal_theme_adapt(municipality=westerveld, theme=school, hidden=True)
    field = SafetyField.objects.get(version=version, number=4)
    municipal_theme_add(municipality=westerveld, field=field, name="Natuurbranden")

    own = _names(themes_for(westerveld, version))
    assert {"Veilige recreatie", "Natuurbranden"} <= own
    assert "Veilig toerisme" not in own and "Veilig in en om de school" not in own
    assert "Veilig in en om de school" in _names(
        themes_for(westerveld, version, include_hidden=True)
    )

    other = _names(themes_for(steenwijkerland, version))
    assert {"Veilig toerisme", "Veilig in en om de school"} <= other
    assert "Natuurbranden" not in other
    tourism.refresh_from_db()
    assert tourism.name == "Veilig toerisme"


def test_reloading_the_national_taxonomy_keeps_adaptations(westerveld):
    theme = Theme.objects.get(field__version=current_version(), code="jeugdoverlast")
    municipal_theme_adapt(municipality=westerveld, theme=theme, name="Overlast door jongeren")
    taxonomy_load()
    assert (
        MunicipalTheme.objects.get(municipality=westerveld, theme=theme).name
        == "Overlast door jongeren"
    )


def test_coordinator_renames_through_the_page_and_the_audit_trail_shows_before_and_after(
    westerveld,
):
    client = client_for("coordinator.westerveld")
    theme = Theme.objects.get(field__version=current_version(), code="veilig-uitgaan")
    response = client.post(
        "/gemeenten/GM1701/themas/bewerken/",
        {
            "action": "adapt",
            "versie": "kbv-6-velden",
            "theme_id": theme.pk,
            "name": "Horeca en uitgaan",
        },
    )
    assert response.status_code == 302
    client.post(
        "/gemeenten/GM1701/themas/bewerken/",
        {"action": "adapt", "versie": "kbv-6-velden", "theme_id": theme.pk, "name": "Uitgaan"},
    )
    assert "Uitgaan" in client.get("/gemeenten/GM1701/themas/").content.decode()
    audit = client.get("/gemeenten/GM1701/audit/").content.decode()
    assert "coordinator.westerveld" in audit
    assert "<del>Horeca en uitgaan</del>" in audit and "<ins>Uitgaan</ins>" in audit


def test_adding_an_own_theme_without_a_name_is_refused_in_dutch():
    client = client_for("coordinator.westerveld")
    field = SafetyField.objects.get(version=current_version(), number=1)
    response = client.post(
        "/gemeenten/GM1701/themas/bewerken/",
        {"action": "add", "versie": "kbv-6-velden", "field": field.pk, "name": ""},
    )
    assert response.status_code == 200
    assert "Dit veld is vereist" in response.content.decode()


def test_the_five_field_version_is_shown_on_request():
    page = client_for(None).get("/taxonomie/?versie=kbv-5-velden").content.decode()
    assert "Georganiseerde criminaliteit" in page
    assert "Digitale veiligheid" not in page.split("<h2", 1)[1]


@pytest.mark.parametrize(
    "data",
    [
        {"action": "edit-own", "adaptation_id": "abc", "name": "X"},
        {"action": "adapt", "theme_id": "abc", "name": "X"},
        {"action": "adapt", "theme_id": "999999", "name": "X"},
        {"action": "iets-anders"},
    ],
)
def test_crafted_theme_posts_get_a_dutch_message_not_a_server_error(data):
    client = client_for("coordinator.westerveld")
    response = client.post("/gemeenten/GM1701/themas/bewerken/", {"versie": "kbv-6-velden", **data})
    assert response.status_code == 200
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not MunicipalTheme.objects.filter(municipality__code="GM1701", name="X").exists()


def test_another_municipalitys_own_theme_cannot_be_edited(steenwijkerland):
    field = SafetyField.objects.get(version=current_version(), number=1)
    theirs = municipal_theme_add(
        municipality=steenwijkerland, field=field, name="Van Steenwijkerland"
    )
    client = client_for("coordinator.westerveld")
    client.post(
        "/gemeenten/GM1701/themas/bewerken/",
        {
            "versie": "kbv-6-velden",
            "action": "edit-own",
            "adaptation_id": theirs.pk,
            "name": "Ook van ons",
            "hidden": "on",
        },
    )
    theirs.refresh_from_db()
    assert (theirs.name, theirs.hidden) == ("Van Steenwijkerland", False)


def test_an_own_theme_is_renamed_and_hidden_through_the_page(westerveld):
    field = SafetyField.objects.get(version=current_version(), number=4)
    own = municipal_theme_add(municipality=westerveld, field=field, name="Natuurbrand")
    client = client_for("coordinator.westerveld")
    response = client.post(
        "/gemeenten/GM1701/themas/bewerken/",
        {
            "versie": "kbv-6-velden",
            "action": "edit-own",
            "adaptation_id": own.pk,
            "name": "Natuurbranden",
            "hidden": "on",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert (own.name, own.hidden) == ("Natuurbranden", True)
    assert (
        "<strong>Natuurbranden</strong>"
        not in client.get("/gemeenten/GM1701/themas/").content.decode()
    )


def test_renaming_keeps_an_adapted_description(westerveld):
    theme = Theme.objects.get(field__version=current_version(), code="jeugdoverlast")
    municipal_theme_adapt(
        municipality=westerveld, theme=theme, description="Vooral rond de Havelte-kern."
    )
    municipal_theme_adapt(municipality=westerveld, theme=theme, name="Overlast door jongeren")
    adaptation = MunicipalTheme.objects.get(municipality=westerveld, theme=theme)
    assert (adaptation.name, adaptation.description) == (
        "Overlast door jongeren",
        "Vooral rond de Havelte-kern.",
    )
