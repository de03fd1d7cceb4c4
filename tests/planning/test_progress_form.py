"""The progress form starts from the last reported percentage and asks before it records
“afgerond” below 100%."""

import pytest
from django.utils import timezone
from lxml import html

from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import Action
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"


def _action():
    return Action.objects.get(
        theme__action_plan__municipality__code="GM1708", item="Toezicht en handhaving"
    )  # Politie: partner.steenwijkerland's


def _form_value(page, name: str) -> str:
    return html.fromstring(page.content).xpath(f"//main//*[@name='{name}']")[0].get("value")


def _report(action, **fields):
    data = {
        "status": "lopend",
        "percent_done": "",
        "on": timezone.localdate().isoformat(),
        "note": "",
        "lock_version": action.lock_version,
        **fields,
    }
    return client_for("partner.steenwijkerland").post(f"{PLAN}acties/{action.pk}/voortgang/", data)


def test_the_form_starts_from_the_last_reported_percentage():
    action = _action()
    progress_record(action=action, status="lopend", percent_done=40)
    progress_record(action=action, status="lopend", note="no percentage this time")
    page = client_for("partner.steenwijkerland").get(f"{PLAN}acties/{action.pk}/voortgang/")
    assert _form_value(page, "percent_done") == "40"


def test_without_any_percentage_reported_the_field_is_empty():
    action = _action()
    action.updates.update(percent_done=None)
    page = client_for("partner.steenwijkerland").get(f"{PLAN}acties/{action.pk}/voortgang/")
    assert _form_value(page, "percent_done") is None


def test_afgerond_below_100_is_asked_about_and_not_saved():
    action = _action()
    before = action.updates.count()
    page = _report(action, status="afgerond", percent_done="60")
    assert page.status_code == 200
    assert action.updates.count() == before
    text = page.content.decode()
    assert "id_done_early_error" in text and "60%" in text
    tick = html.fromstring(page.content).get_element_by_id("id_done_early")
    assert tick.get("type") == "checkbox" and tick.get("checked") is None
    action.refresh_from_db()
    assert action.status != "afgerond"


def test_afgerond_below_100_confirmed_is_saved_as_reported():
    action = _action()
    page = _report(action, status="afgerond", percent_done="60", done_early="on")
    assert page.status_code == 302
    latest = action.updates.order_by("-pk").first()
    assert (latest.status, latest.percent_done) == ("afgerond", 60)


@pytest.mark.parametrize(("status", "percent"), [("afgerond", "100"), ("lopend", "60")])
def test_afgerond_at_100_or_another_status_below_100_is_saved_at_once(status, percent):
    action = _action()
    page = _report(action, status=status, percent_done=percent)
    assert page.status_code == 302
    assert action.updates.order_by("-pk").first().status == status


def test_the_question_is_the_forms_not_a_files():
    """A row of a progress file is taken as written: the upload has its own preview."""
    from ivp.planning.execution.forms import ProgressForm

    row = {"status": "afgerond", "percent_done": "60", "on": timezone.localdate().isoformat()}
    assert ProgressForm(data=row).is_valid()
    assert not ProgressForm(data=row, confirm_done_early=True).is_valid()


def test_the_hint_for_browsers_is_there_and_its_script_is_a_file():
    action = _action()
    page = client_for("partner.steenwijkerland").get(f"{PLAN}acties/{action.pk}/voortgang/")
    hint = html.fromstring(page.content).get_element_by_id("progress-done-hint")
    assert hint.get("role") == "status" and hint.get("data-text")
    assert "/static/web/progress_form.js" in page.content.decode()
