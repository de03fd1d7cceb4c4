"""One workflow for both plans: a draft is adopted once, an adopted version changes only through
one newer version, and the database refuses what two requests at once could slip past a check."""

import subprocess
import time
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ivp.planning.execution.services.actions import (
    action_plan_adopt,
    action_plan_create,
    action_plan_new_version,
    action_save,
)
from ivp.planning.models import ActionPlan, PolicyPlan
from ivp.planning.policy.services.plan import plan_adopt, plan_new_version, priority_save
from ivp.planning.workflow.adoption import PlanAdopted
from tests.conftest import client_for
from tests.live_processes import IVP, environment, own_database, query

DECISION = {"adopted_on": date(2026, 1, 20), "decision_reference": "B&W 2026/12"}


@pytest.fixture
def draft_ivp(steenwijkerland):
    return PolicyPlan.objects.get(municipality=steenwijkerland, start_year=2027)


@pytest.fixture
def draft_actions(westerveld):
    return ActionPlan.objects.get(municipality=westerveld, start_year=2026, status="concept")


def _adopt(plan, **kwargs):
    if isinstance(plan, PolicyPlan):
        return plan_adopt(plan=plan, adopted_by="gemeenteraad", **DECISION, **kwargs)
    return action_plan_adopt(action_plan=plan, adopted_by="college", **DECISION, **kwargs)


def _new_version(plan):
    if isinstance(plan, PolicyPlan):
        return plan_new_version(plan=plan)
    return action_plan_new_version(action_plan=plan)


@pytest.mark.parametrize("kind", ["draft_ivp", "draft_actions"])
def test_a_draft_is_adopted_once_and_then_refuses_changes_and_a_second_adoption(kind, request):
    plan = request.getfixturevalue(kind)
    _adopt(plan)
    plan.refresh_from_db()
    assert plan.adopted and plan.decision_reference == "B&W 2026/12"
    with pytest.raises(PlanAdopted, match="vastgesteld"):
        _adopt(plan)
    with pytest.raises(PlanAdopted):
        if isinstance(plan, PolicyPlan):
            priority_save(plan=plan, title="Nog een prioriteit")
        else:
            action_save(theme=plan.themes.first(), item="Nog een actie")


@pytest.mark.parametrize("kind", ["draft_ivp", "draft_actions"])
def test_an_adopted_version_gets_one_newer_draft_with_its_contents(kind, request):
    plan = request.getfixturevalue(kind)
    with pytest.raises(
        ValidationError, match="Alleen een vastgesteld plan krijgt een nieuwe versie"
    ):
        _new_version(plan)
    _adopt(plan)
    copy = _new_version(plan)
    assert (copy.version, copy.previous_id, copy.status) == (plan.version + 1, plan.pk, "concept")
    assert copy.adopted_on is None and copy.decision_reference == ""
    if isinstance(plan, PolicyPlan):
        assert list(copy.priorities.values_list("title", flat=True)) == list(
            plan.priorities.values_list("title", flat=True)
        )
    else:
        assert sorted(a.item for t in copy.themes.all() for a in t.actions.all()) == sorted(
            a.item for t in plan.themes.all() for a in t.actions.all()
        )
    with pytest.raises(ValidationError, match="Dit plan heeft al een nieuwere versie"):
        _new_version(plan)


ADOPT_PAGES = {
    "draft_ivp": (
        "coordinator.steenwijkerland",
        "gemeenteraad",
        ["Prioriteiten (1)", "Veilig uitgaan", "Doelstellingen (1)"],
    ),
    "draft_actions": ("coordinator.westerveld", "college", ["Thema’s (", "acties (1)", "1 actie"]),
}


@pytest.mark.parametrize("kind", ["draft_ivp", "draft_actions"])
def test_adopting_on_the_page_shows_what_becomes_fixed_and_asks_to_confirm(kind, request):
    plan = request.getfixturevalue(kind)
    user, body, fixed = ADOPT_PAGES[kind]
    address = f"{plan.get_absolute_url().split('?')[0].split('#')[0]}vaststellen/"
    client = client_for(user)
    decision = {
        "adopted_by": body,
        "adopted_on": "2026-01-20",
        "decision_reference": "Besluit 2026/12",
        "lock_version": plan.lock_version,
    }
    page = client.post(address, decision).content.decode()
    assert "Wat vast komt te liggen" in page and "nieuwe versie" in page
    for text in fixed:
        assert text in page
    assert "Besluit 2026/12" in page and 'name="confirmed"' in page
    assert not type(plan).objects.get(pk=plan.pk).adopted
    # the second step without the tick is asked again, with the decision still carried
    again = client.post(address, {**decision, "step": "bevestigen"}).content.decode()
    assert "Vink de bevestiging aan" in again and 'value="Besluit 2026/12"' in again
    assert not type(plan).objects.get(pk=plan.pk).adopted
    response = client.post(address, {**decision, "step": "bevestigen", "confirmed": "on"})
    assert response.status_code == 302
    adopted = type(plan).objects.get(pk=plan.pk)
    assert adopted.adopted and adopted.decision_reference == "Besluit 2026/12"
    assert adopted.adopted_on == date(2026, 1, 20)


@pytest.mark.parametrize("model", [PolicyPlan, ActionPlan])
def test_the_database_refuses_a_second_plan_with_the_same_start_and_version(model, westerveld):
    existing = model.objects.filter(municipality=westerveld).order_by("start_year").first()
    twin = model.objects.get(pk=existing.pk)
    twin.pk, twin.previous = None, None
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


@pytest.mark.parametrize("model", [PolicyPlan, ActionPlan])
def test_the_database_refuses_two_newer_versions_of_one_version(model, westerveld):
    existing = model.objects.filter(municipality=westerveld).order_by("start_year").first()
    for version in (7, 8):
        copy = model.objects.get(pk=existing.pk)
        copy.pk, copy.previous, copy.version = None, existing, version
        if version == 7:
            copy.save()
            continue
        with pytest.raises(IntegrityError), transaction.atomic():
            copy.save()


def test_a_second_implementation_plan_for_a_year_is_refused_in_dutch(westerveld):
    policy_plan = PolicyPlan.objects.filter(municipality=westerveld, status="vastgesteld").first()
    with pytest.raises(ValidationError, match="heeft al een uitvoeringsplan voor 2026"):
        action_plan_create(policy_plan=policy_plan, start_year=2026)


# Two people adopt the same draft at the same moment, each in their own process: one adopts, the
# other is refused, and the plan carries the first decision only.
ADOPT = """
import time
from datetime import date
from django.core.exceptions import ValidationError
from django.db import transaction
from ivp.planning.models import ActionPlan
from ivp.planning.execution.services.actions import action_plan_adopt

plan = ActionPlan.objects.get(pk={pk})  # read before the other adopts: both see a draft
time.sleep(max(0.0, {start} - time.time()))
try:
    with transaction.atomic():
        action_plan_adopt(action_plan=plan, adopted_on=date(2026, 2, 1),
                          decision_reference="{reference}")
        time.sleep({hold})  # the decision is not yet committed when the other one arrives
    print("ADOPTED")
except ValidationError as error:
    print("REFUSED", " ".join(error.messages))
"""


@pytest.mark.slow
def test_two_adoptions_of_the_same_draft_at_once_give_one_adopted_plan(tmp_path, run_folder):
    with own_database(tmp_path, "demo", shared=run_folder) as database:
        env = environment(tmp_path, database)
        [(pk,)] = query(
            database,
            "SELECT p.id FROM planning_actionplan p JOIN regions_municipality m "
            "ON m.id = p.municipality_id WHERE m.code = 'GM1708' AND p.status = 'concept'",
        )
        start = time.time() + 8
        runs = [
            subprocess.Popen(
                [IVP, "shell", "--no-imports", "-c", ADOPT.format(**args)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for args in (
                {"pk": pk, "start": start, "hold": 3, "reference": "eerste"},
                {"pk": pk, "start": start + 1, "hold": 0, "reference": "tweede"},
            )
        ]
        outcomes = [run.communicate(timeout=240) for run in runs]
        said = [out.strip() for out, _err in outcomes]
        assert said[0] == "ADOPTED", outcomes[0]
        assert said[1].startswith("REFUSED") and "vastgesteld" in said[1], outcomes[1]
        assert query(
            database,
            f"SELECT status, decision_reference FROM planning_actionplan WHERE id = {pk}",
        ) == [("vastgesteld", "eerste")]
