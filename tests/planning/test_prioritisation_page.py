"""The prioritisation page reads; its three forms each post to their own address."""

import pytest

from ivp.planning.models import Prioritisation
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.services.cycle import cycle_create
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PAGE = "/gemeenten/GM1701/prioritering/"


def _weights(**changes):
    data = {
        "weight_objective": 25,
        "weight_subjective": 25,
        "weight_professional": 25,
        "weight_agenda": 25,
        "professional_scale": 5,
    }
    data.update(changes)
    return data


def test_a_new_cycle_has_its_prioritisation_and_opening_the_page_records_nothing(steenwijkerland):
    cycle = cycle_create(
        municipality=steenwijkerland, name="IVP 2027", plan_start_year=2027, plan_end_year=2030
    )
    assert Prioritisation.objects.filter(cycle=cycle).exists()
    trail = Prioritisation.history.count()
    response = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/prioritering/")
    assert response.status_code == 200
    assert 'action="/gemeenten/GM1708/prioritering/scores/"' in response.content.decode()
    assert Prioritisation.history.count() == trail


def test_weights_are_saved_by_their_own_address_and_lead_back_to_the_page(westerveld):
    client = client_for("coordinator.westerveld")
    response = client.post(PAGE + "scores/", _weights(weight_objective=40, weight_agenda=10))
    assert response.status_code == 302 and response["Location"] == PAGE
    prioritisation = policy_selectors.prioritisation_of(policy_selectors.current_cycle(westerveld))
    assert prioritisation.weight_objective == 40 and prioritisation.weight_agenda == 10


def test_refused_weights_show_the_page_with_the_error_and_save_nothing(westerveld):
    client = client_for("coordinator.westerveld")
    trail = Prioritisation.history.count()
    response = client.post(PAGE + "scores/", _weights(weight_objective=40))
    assert response.status_code == 200
    page = response.content.decode()
    assert "tellen op tot 115%" in page
    assert "Keuze vastleggen" in page  # the other forms are on the page as before
    assert Prioritisation.history.count() == trail


def test_the_council_choice_is_recorded_by_its_own_address(westerveld):
    client = client_for("coordinator.westerveld")
    prioritisation = policy_selectors.prioritisation_of(policy_selectors.current_cycle(westerveld))
    form = client.get(PAGE).context["choice_form"]
    first_two = [value for value, _label in form.fields["themes"].choices[:2]]
    response = client.post(
        PAGE + "keuze/",
        {
            "themes": first_two,
            "decided_by": "gemeenteraad",
            "decided_on": "2026-10-27",
            "decision_reference": "RB 2026-61",
        },
    )
    assert response.status_code == 302
    prioritisation.refresh_from_db()
    assert prioritisation.decision_reference == "RB 2026-61"
    assert set(prioritisation.scores.filter(chosen=True).values_list("theme_id", flat=True)) == set(
        first_two
    )


@pytest.mark.parametrize("step", ["scores/", "importeren/", "keuze/"])
def test_opening_a_form_address_is_refused_with_a_page_and_writes_nothing(step, westerveld):
    trail = Prioritisation.history.count()
    response = client_for("coordinator.westerveld").get(PAGE + step)
    assert response.status_code == 405
    assert Prioritisation.history.count() == trail


def test_a_reader_of_the_page_may_not_post_its_forms(westerveld):
    response = client_for("partner.westerveld").post(PAGE + "scores/", _weights())
    assert response.status_code == 403
