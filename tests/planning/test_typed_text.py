"""Typed text comes in with LF line endings (form, API, progress file) and the pages show its
paragraphs and lists."""

import pytest
from lxml import html

from ivp.planning.execution.services.progress import progress_read
from ivp.planning.models import Action, ActionPlan, PolicyPlan
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TYPED = "Wij werken samen.\r\n\r\nMet:\r\n- de politie <b>en</b>\r\n- de GGD\r\n"


def _plan_form(plan, **changes):
    return {
        "title": plan.title,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "mission": plan.mission,
        "vision": plan.vision,
        "lock_version": plan.lock_version,
        **changes,
    }


def test_the_plan_form_stores_typed_crlf_text_with_lf(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    response = client_for("coordinator.steenwijkerland").post(
        plan.get_absolute_url() + "bewerken/", _plan_form(plan, vision=TYPED)
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.vision == "Wij werken samen.\n\nMet:\n- de politie <b>en</b>\n- de GGD"


def test_the_plan_page_shows_the_vision_as_paragraphs_and_a_list(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    PolicyPlan.objects.filter(pk=plan.pk).update(vision=TYPED)  # as stored before normalising
    page = client_for("coordinator.steenwijkerland").get(plan.get_absolute_url())
    tree = html.fromstring(page.content)
    heading = next(h for h in tree.iterfind(".//h2") if h.text_content() == "Visie")
    shown = [heading.getnext(), heading.getnext().getnext(), heading.getnext().getnext().getnext()]
    assert [(e.tag, e.get("class")) for e in shown] == [
        ("p", "utrecht-paragraph"),
        ("p", "utrecht-paragraph"),
        ("ul", "utrecht-unordered-list"),
    ]
    assert [li.text_content() for li in shown[2]] == ["de politie <b>en</b>", "de GGD"]
    assert b"de politie &lt;b&gt;en&lt;/b&gt;" in page.content  # typed markup stays text


def test_the_api_stores_an_actions_crlf_description_with_lf():
    client = client_for("coordinator.steenwijkerland")
    theme = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026).themes.first()
    created = client.post(
        "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/acties/",
        {"theme_id": theme.pk, "item": "Voorlichting", "description": "Op scholen\r\nen wijken"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert Action.objects.get(pk=created.json()["id"]).description == "Op scholen\nen wijken"


def test_a_progress_files_note_of_several_lines_is_read_with_lf():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    action = Action.objects.filter(theme__action_plan=plan).first()
    raw = f'actie-id;status;toelichting\r\n{action.pk};lopend;"Gestart.\r\nLoopt door."\r\n'
    (update,) = progress_read(
        action_plan=plan, file_name="voortgang.csv", raw=raw.encode(), may_update=lambda a: True
    )
    assert update.note == "Gestart.\nLoopt door."
