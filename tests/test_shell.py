"""The page frame: cycle navigation, the municipality switcher, public pages without login."""

import pytest

from ivp.web.cycle import STEPS
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_regiocoordinator_switches_between_the_regions_municipalities():
    client = client_for("regio.zuidwest-drenthe")
    page = client.get("/").content.decode()
    assert 'id="switch-municipality"' in page
    for name in ("Meppel", "Midden-Drenthe", "Westerveld"):
        assert f">{name}</option>" in page
    assert ">Steenwijkerland</option>" not in page

    response = client.post("/account/gemeente-kiezen/", {"code": "GM0119"})
    assert response["Location"] == "/gemeenten/GM0119/werkruimte/"
    page = client.get(response["Location"]).content.decode()
    assert "/gemeenten/GM0119/cyclus/startnotitie/" in page


def test_switching_to_a_municipality_outside_ones_roles_is_refused():
    client = client_for("regio.zuidwest-drenthe")
    assert client.post("/account/gemeente-kiezen/", {"code": "GM1708"}).status_code == 404


def test_single_municipality_roles_get_no_switcher_but_see_their_cycle():
    page = client_for("partner.westerveld").get("/").content.decode()
    assert 'id="switch-municipality"' not in page
    for step in STEPS:
        assert f"/gemeenten/GM1701/cyclus/{step.slug}/" in page


def test_raad_sees_no_work_in_preparation():
    client = client_for("raad.westerveld")
    page = client.get("/").content.decode()
    assert "/cyclus/" not in page and "/werkruimte/" not in page
    assert "/werkruimte/" not in client.get("/account/").content.decode()
    assert client.get("/gemeenten/GM1701/werkruimte/").status_code == 403


def test_opening_a_workspace_makes_it_the_active_municipality():
    client = client_for("beheerder")
    page = client.get("/gemeenten/GM1708/werkruimte/").content.decode()
    assert "/gemeenten/GM1708/cyclus/veiligheidsanalyse/" in page


def test_cycle_step_pages_say_what_will_come_not_fake_content():
    page = (
        client_for("coordinator.westerveld")
        .get("/gemeenten/GM1701/cyclus/verantwoording/")
        .content.decode()
    )
    assert 'aria-current="page"' in page
    assert 'role="note"' in page


def test_policy_steps_lead_to_their_pages():
    client = client_for("coordinator.westerveld")
    for step, target in (
        ("startnotitie", "/gemeenten/GM1701/cyclus/"),
        ("prioritering", "/gemeenten/GM1701/prioritering/"),
        ("veiligheidsplan", "/gemeenten/GM1701/veiligheidsplan/"),
    ):
        page = client.get(f"/gemeenten/GM1701/cyclus/{step}/").content.decode()
        assert target in page and 'role="note"' not in page


def test_analysis_step_leads_to_the_safety_picture_and_own_figures():
    page = (
        client_for("coordinator.westerveld")
        .get("/gemeenten/GM1701/cyclus/veiligheidsanalyse/")
        .content.decode()
    )
    assert "/gemeenten/GM1701/veiligheidsbeeld/" in page
    assert "/gemeenten/GM1701/cijfers/eigen/" in page
    partner = client_for("partner.westerveld").get("/gemeenten/GM1701/cyclus/veiligheidsanalyse/")
    assert "/cijfers/eigen/" not in partner.content.decode()


def test_public_municipality_page_shows_population_with_source_and_wijken():
    page = client_for(None).get("/gemeenten/GM1708/").content.decode()
    assert "45.716" in page  # population end of 2024, Dutch thousands separator
    assert "CBS 37230ned" in page
    assert "Wijk 00 Steenwijk" in page or "WK170800" in page
    assert "85984NED" in page


def test_lowercase_code_works_and_unknown_code_is_a_dutch_404():
    client = client_for(None)
    assert client.get("/gemeenten/gm1708/").status_code == 200
    response = client.get("/gemeenten/GM9999/")
    assert response.status_code == 404
    assert "Pagina niet gevonden</h1>" in response.content.decode()
    api = client.get("/api/v1/gemeenten/GM9999/")
    assert api.status_code == 404 and api.json() == {"detail": "Niet gevonden."}


def test_htmx_search_returns_only_the_rows():
    response = client_for(None).get("/gemeenten/?q=steenwijk", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Steenwijkerland" in body and "<html" not in body
    assert body.count('<th class="utrecht-table__header-cell" scope="row">') == 1
    assert 'hx-swap-oob="innerHTML"' in body and "1 gemeente gevonden" in body


def test_opening_a_form_address_gives_a_dutch_page_not_an_empty_405():
    response = client_for("coordinator.westerveld").get("/account/gemeente-kiezen/")
    assert response.status_code == 405
    assert "Dit adres is alleen voor formulieren</h1>" in response.content.decode()


def test_municipalities_sort_the_dutch_way():
    page = client_for(None).get("/gemeenten/").content.decode()
    rows = page[page.index('id="municipality-rows"') :]
    assert (
        rows.index(">Gooise Meren</a>")
        < rows.index(">&#x27;s-Gravenhage</a>")
        < rows.index(">Groningen</a>")
    )
    assert (
        rows.index(">Hendrik-Ido-Ambacht</a>")
        < rows.index(">&#x27;s-Hertogenbosch</a>")
        < rows.index(">Het Hogeland</a>")
    )
