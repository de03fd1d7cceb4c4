"""A date or decision reference the source document does not give is a state ("niet vermeld in
het brondocument"), not a text: it is entered with a tick, left out of the plan page, the
documents and the exports, and the placeholder text stored before becomes that state."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from ivp.planning.models import ActionPlan, CycleStep, PolicyPlan
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.export import plan_data, plan_markdown
from ivp.planning.policy.services.plan import plan_update
from ivp.reports import services
from tests.conftest import client_for
from tests.reports.reading import docx_file, docx_text, html_tree, pdf_text, words

MIGRATION = importlib.import_module("ivp.planning.migrations.0010_decision_unstated")
PLACEHOLDER = "datum van vaststelling niet in het brondocument"


def _adopt_address(plan) -> str:
    return f"{plan.get_absolute_url().split('?')[0].split('#')[0]}vaststellen/"


@pytest.fixture
def draft_ivp(steenwijkerland):
    return PolicyPlan.objects.get(municipality=steenwijkerland, start_year=2027)


def test_a_plan_is_adopted_without_date_or_reference_when_the_source_gives_neither(draft_ivp):
    client = client_for("coordinator.steenwijkerland")
    address = _adopt_address(draft_ivp)
    decision = {
        "adopted_by": "gemeenteraad",
        "adopted_on": "",
        "adopted_on_unstated": "on",
        "decision_reference": "",
        "decision_reference_unstated": "on",
        "lock_version": draft_ivp.lock_version,
    }
    confirm = client.post(address, decision).content.decode()
    assert "Vastgesteld door de gemeenteraad (datum niet vermeld in het brondocument)" in confirm
    assert "besluitkenmerk niet vermeld in het brondocument" in confirm
    response = client.post(address, {**decision, "step": "bevestigen", "confirmed": "on"})
    assert response.status_code == 302

    plan = PolicyPlan.objects.get(pk=draft_ivp.pk)
    assert plan.adopted and plan.adopted_on is None and plan.decision_reference == ""
    assert plan.adopted_on_unstated and plan.decision_reference_unstated
    page = words(html_tree(client.get(plan.get_absolute_url()).content).text_content())
    assert "vastgesteld door gemeenteraad" in page and "brondocument" not in page
    assert plan_data(plan)["adopted"] == {"on": None, "by": "gemeenteraad", "decision": None}
    markdown = plan_markdown(plan)
    assert "Vastgesteld door gemeenteraad." in markdown
    assert "onbekend" not in markdown and "—" not in markdown.split("\n")[3]


def test_without_the_tick_the_adoption_date_is_still_required(draft_ivp):
    client = client_for("coordinator.steenwijkerland")
    decision = {
        "adopted_by": "gemeenteraad",
        "adopted_on": "",
        "decision_reference": "R-2027/1",
        "lock_version": draft_ivp.lock_version,
    }
    response = client.post(_adopt_address(draft_ivp), decision, follow=True)
    assert "Vul de datum van vaststelling in, of vink aan" in response.content.decode()
    assert not PolicyPlan.objects.get(pk=draft_ivp.pk).adopted


def test_a_date_both_given_and_ticked_as_unstated_is_refused(draft_ivp):
    client = client_for("coordinator.steenwijkerland")
    decision = {
        "adopted_by": "gemeenteraad",
        "adopted_on": "2027-01-20",
        "adopted_on_unstated": "on",
        "decision_reference": "R-2027/1",
        "lock_version": draft_ivp.lock_version,
    }
    response = client.post(_adopt_address(draft_ivp), decision, follow=True)
    assert "Er is een datum ingevuld én aangevinkt" in response.content.decode()
    assert not PolicyPlan.objects.get(pk=draft_ivp.pk).adopted


def test_an_implementation_plan_is_adopted_with_a_date_and_no_stated_reference(westerveld):
    plan = ActionPlan.objects.get(municipality=westerveld, start_year=2026, status="concept")
    client = client_for("coordinator.westerveld")
    decision = {
        "adopted_by": "college",
        "adopted_on": "2026-01-20",
        "decision_reference_unstated": "on",
        "lock_version": plan.lock_version,
        "step": "bevestigen",
        "confirmed": "on",
    }
    client.post(_adopt_address(plan), decision)
    plan.refresh_from_db()
    assert plan.adopted and plan.adopted_on == date(2026, 1, 20)
    assert plan.decision_reference == "" and plan.decision_reference_unstated


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_westerveld_documents_say_adopted_by_the_council_without_a_placeholder(westerveld, fmt):
    plan = policy_selectors.plan_in_force(westerveld)
    assert plan.adopted_on_unstated and plan.decision_reference_unstated
    content = services.make("ivp", westerveld, 2024, fmt).content
    if fmt == "docx":
        text = docx_text(docx_file(content))
    elif fmt == "pdf":
        text = pdf_text(content)
    else:
        text = words(html_tree(content).text_content())
    assert "Vastgesteld door gemeenteraad, versie 1." in text
    assert "brondocument" not in text and "besluit" not in text.split("versie 1.")[0][-80:]


def test_the_placeholder_stored_before_becomes_the_state(westerveld_plan):
    PolicyPlan.objects.filter(pk=westerveld_plan.pk).update(
        adopted_on_unstated=False, decision_reference_unstated=False, decision_reference=PLACEHOLDER
    )
    dated = ActionPlan.objects.filter(municipality=westerveld_plan.municipality).first()
    ActionPlan.objects.filter(pk=dated.pk).update(
        adopted_on=date(2026, 1, 20), decision_reference=PLACEHOLDER
    )
    MIGRATION.placeholder_to_state(apps, None)
    plan = PolicyPlan.objects.get(pk=westerveld_plan.pk)
    assert (plan.decision_reference, plan.adopted_on_unstated) == ("", True)
    assert plan.decision_reference_unstated
    dated.refresh_from_db()
    # the date was given; only the reference was a placeholder
    assert (dated.adopted_on_unstated, dated.decision_reference_unstated) == (False, True)
    assert dated.decision_reference == ""


def test_a_cycle_step_decision_without_a_stated_date_shows_so_on_the_cycle_page(westerveld):
    client = client_for("coordinator.westerveld")
    step = CycleStep.objects.get(cycle__municipality=westerveld, kind="veiligheidsplan")
    form = {
        "status": "afgerond",
        "hours_spent": "0",
        "decided_by": "gemeenteraad",
        "decision_date_unstated": "on",
        "decision_reference": "R-12",
        "lock_version": step.lock_version,
    }
    address = reverse("planning:step_edit", args=[westerveld.code, "veiligheidsplan"])
    response = client.post(address, form)
    assert response.status_code == 302, response.content.decode()
    step.refresh_from_db()
    assert step.decision_date is None and step.decision_date_unstated
    page = words(html_tree(client.get(response.url).content).text_content())
    assert "gemeenteraad, datum niet vermeld in het brondocument (R-12)" in page


def test_changing_a_plan_adopted_on_an_unstated_date_is_refused_without_a_placeholder(
    westerveld_plan,
):
    with pytest.raises(ValidationError) as refused:
        plan_update(plan=westerveld_plan, mission="Anders")
    assert refused.value.messages == [
        "Dit plan is vastgesteld en wijzigt niet meer; begin een nieuwe versie om het te wijzigen."
    ]
