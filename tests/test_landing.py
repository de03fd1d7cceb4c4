"""After logging in each role lands on its own work, and the coordinator's landing says where
the cycle stands and what needs attention."""

import pytest
from django.test import Client
from django.utils import timezone

from ivp.accounts.demo import DEMO_PASSWORD
from ivp.planning.execution import stale
from ivp.planning.models import Action, ActionPlan, PolicyPlan
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "lands_on"),
    [
        (None, "/"),
        ("beheerder", "/"),
        ("coordinator.steenwijkerland", "/gemeenten/GM1708/werkruimte/"),
        ("partner.steenwijkerland", "/gemeenten/GM1708/uitvoeringsplan/2026/"),
        ("regio.zuidwest-drenthe", "/regios/zuidwest-drenthe/"),
    ],
)
def test_each_role_lands_on_its_own_work(username, lands_on):
    response = client_for(username).get("/start/")
    assert response.status_code == 302 and response["Location"] == lands_on


def test_the_council_member_lands_on_the_plan_in_force():
    in_force = PolicyPlan.objects.get(municipality__code="GM1701", status="vastgesteld")
    response = client_for("raad.westerveld").get("/start/", follow=True)
    assert response.redirect_chain[-1][0] == in_force.get_absolute_url()
    assert in_force.title in response.content.decode()


def test_logging_in_leads_to_the_landing():
    response = Client().post(
        "/inloggen/",
        {"username": "coordinator.steenwijkerland", "password": DEMO_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/gemeenten/GM1708/werkruimte/"


def test_the_coordinators_landing_names_the_current_step_and_what_needs_attention():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    stale_now = stale.stale_actions(
        Action.objects.filter(theme__action_plan=plan), timezone.localdate()
    )
    page = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/werkruimte/")
    text = page.content.decode()
    current = page.context["overview"].current
    assert f"Nu: stap {current.step.number}, {current.step.title}" in text
    assert f"{len(stale_now)} stilgevallen acties" in text
    assert plan.title in text and "?stil=1" in text
    assert 'hx-get="/gemeenten/GM1708/uitvoeringsplan/2026/controle/"' in text  # the plan check


def test_a_step_page_says_where_the_step_stands():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    count = Action.objects.filter(theme__action_plan=plan).exclude(status="geschrapt").count()
    text = (
        client_for("coordinator.steenwijkerland")
        .get("/gemeenten/GM1708/cyclus/monitoring/")
        .content.decode()
    )
    assert "Waar deze stap staat" in text
    assert f"van {count} acties hebben een voortgangsmelding" in text
    analysis = (
        client_for("coordinator.steenwijkerland")
        .get("/gemeenten/GM1708/cyclus/veiligheidsanalyse/")
        .content.decode()
    )
    assert "Cijfers van 20" in analysis
