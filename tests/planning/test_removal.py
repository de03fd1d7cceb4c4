"""Removing and reordering the parts of a draft plan: confirmation first, the history kept,
never on an adopted plan; progress updates taken back by who reported them."""

from datetime import date

import pytest
from django.utils import timezone

from ivp.planning.execution.services.actions import (
    action_plan_adopt,
    action_plan_create,
    action_save,
)
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import (
    Action,
    ActionPlan,
    ApproachLine,
    Objective,
    Priority,
    ProgressUpdate,
)
from ivp.planning.policy.services.plan import objective_save, priority_save
from ivp.planning.workflow import removal
from ivp.planning.workflow.adoption import PlanAdopted
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _priorities(plan, kind=Priority.Kind.PRIORITEIT) -> list[str]:
    return list(plan.priorities.filter(kind=kind).order_by("order").values_list("title", flat=True))


@pytest.fixture
def three_priorities(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    for title in ("Ondermijning", "Jeugd"):
        priority_save(plan=plan, title=title)
    return plan


def test_removing_a_priority_takes_its_objectives_and_lines_and_keeps_their_history(
    steenwijkerland_draft_plan,
):
    plan = steenwijkerland_draft_plan
    priority = plan.priorities.get(title="Veilig uitgaan")
    priority_save(
        plan=plan,
        priority=priority,
        title=priority.title,
        approach=["Toezicht in het uitgaansgebied"],
        expected_version=priority.lock_version,
    )
    priority.refresh_from_db()
    objective = priority.objectives.get()
    line = priority.approachlines.get()
    address = f"{plan.get_absolute_url()}prioriteiten/{priority.pk}/verwijderen/"
    client = client_for("coordinator.steenwijkerland")

    page = client.get(address).content.decode()
    assert "Prioriteit „Veilig uitgaan” verwijderen?" in page
    assert "1 doelstelling" in page and "1 regel van de aanpak" in page
    assert "de geschiedenis blijft bewaard in de audittrail" in page.lower()
    assert Priority.objects.filter(pk=priority.pk).exists()  # asking removes nothing

    response = client.post(address, {"lock_version": priority.lock_version}, follow=True)
    assert response.redirect_chain[-1][0] == plan.get_absolute_url()
    assert "„Veilig uitgaan” verwijderd" in response.content.decode()
    assert not Priority.objects.filter(pk=priority.pk).exists()
    for model, pk in ((Priority, priority.pk), (Objective, objective.pk), (ApproachLine, line.pk)):
        removed = model.history.get(id=pk, history_type="-")
        assert removed.history_user.username == "coordinator.steenwijkerland"


def test_a_stale_confirmation_removes_nothing(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    objective = Objective.objects.get(priority__plan=plan)
    address = (
        f"{plan.get_absolute_url()}prioriteiten/{objective.priority_id}/doelstellingen/"
        f"{objective.pk}/verwijderen/"
    )
    opened_at = objective.lock_version
    objective_save(
        priority=objective.priority,
        objective=objective,
        text="Minder geweld op straat.",
        kind="kwalitatief",
        expected_version=opened_at,
    )
    response = client_for("coordinator.steenwijkerland").post(
        address, {"lock_version": opened_at}, follow=True
    )
    assert "niets verwijderd" in response.content.decode()
    assert Objective.objects.filter(pk=objective.pk).exists()


def test_nothing_of_an_adopted_plan_is_removed_or_moved(westerveld_plan):
    priority = westerveld_plan.priorities.first()
    with pytest.raises(PlanAdopted):
        removal.remove(priority)
    with pytest.raises(PlanAdopted):
        removal.move(priority, direction=removal.DOWN)
    address = f"{westerveld_plan.get_absolute_url()}prioriteiten/{priority.pk}/verwijderen/"
    client = client_for("coordinator.westerveld")
    page = client.get(address).content.decode()
    assert "vastgesteld" in page and 'type="submit"' not in page.split("<main")[-1]
    client.post(address, {"lock_version": priority.lock_version})
    assert Priority.objects.filter(pk=priority.pk).exists()
    detail = client.get(westerveld_plan.get_absolute_url()).content.decode()
    assert "/verwijderen/" not in detail and "/omhoog/" not in detail


def test_moving_a_priority_swaps_it_with_its_neighbour_and_numbers_them_again(three_priorities):
    plan = three_priorities
    assert _priorities(plan) == ["Veilig uitgaan", "Ondermijning", "Jeugd"]
    jeugd = plan.priorities.get(title="Jeugd")
    client = client_for("coordinator.steenwijkerland")
    response = client.post(f"{plan.get_absolute_url()}prioriteiten/{jeugd.pk}/omhoog/")
    assert response["Location"].endswith(f"#prioriteit-{jeugd.pk}")
    assert _priorities(plan) == ["Veilig uitgaan", "Jeugd", "Ondermijning"]
    assert list(plan.priorities.order_by("order").values_list("order", flat=True)) == [1, 2, 3]
    removal.move(plan.priorities.get(title="Ondermijning"), direction=removal.DOWN)  # the edge
    assert _priorities(plan) == ["Veilig uitgaan", "Jeugd", "Ondermijning"]
    removal.move(plan.priorities.get(title="Veilig uitgaan"), direction=removal.UP)
    assert _priorities(plan) == ["Veilig uitgaan", "Jeugd", "Ondermijning"]
    # the page offers up and down by name, but no "up" for the first
    page = client.get(plan.get_absolute_url()).content.decode()
    assert 'aria-label="Prioriteit Jeugd omhoog"' in page
    assert 'aria-label="Prioriteit Veilig uitgaan omhoog"' not in page
    assert 'aria-label="Prioriteit Ondermijning omlaag"' not in page


def test_a_partner_or_the_council_may_neither_remove_nor_move(three_priorities):
    plan = three_priorities
    jeugd = plan.priorities.get(title="Jeugd")
    for user in ("partner.steenwijkerland", "coordinator.westerveld"):
        client = client_for(user)
        assert (
            client.post(f"{plan.get_absolute_url()}prioriteiten/{jeugd.pk}/omhoog/").status_code
            == 403
        )
        response = client.post(f"{plan.get_absolute_url()}prioriteiten/{jeugd.pk}/verwijderen/")
        assert response.status_code == 403
    assert _priorities(plan) == ["Veilig uitgaan", "Ondermijning", "Jeugd"]


def test_a_priority_an_implementation_plan_uses_is_not_removed(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    action_plan_create(policy_plan=plan, start_year=2027)
    priority = plan.priorities.get(title="Veilig uitgaan")
    address = f"{plan.get_absolute_url()}prioriteiten/{priority.pk}/verwijderen/"
    client = client_for("coordinator.steenwijkerland")
    page = client.get(address).content.decode()
    assert "verwijder het daar eerst" in page
    client.post(address, {"lock_version": priority.lock_version})
    assert Priority.objects.filter(pk=priority.pk).exists()


def _draft_actions() -> ActionPlan:
    return ActionPlan.objects.get(municipality__code="GM1701", start_year=2026)


def test_removing_a_theme_of_an_implementation_plan_takes_its_actions():
    plan = _draft_actions()
    theme = plan.themes.order_by("order").first()
    action = theme.actions.get(item="Bibob-beleid")
    address = f"/gemeenten/GM1701/uitvoeringsplan/2026/thema/{theme.pk}/verwijderen/"
    client = client_for("coordinator.westerveld")
    page = client.get(address).content.decode()
    assert "1 actie" in page
    response = client.post(address, {"lock_version": theme.lock_version})
    assert response.status_code == 302
    assert not Action.objects.filter(pk=action.pk).exists()
    assert Action.history.filter(id=action.pk, history_type="-").exists()


def test_moving_an_action_down_among_its_theme():
    plan = _draft_actions()
    theme = plan.themes.order_by("order").first()
    action_save(theme=theme, item="Cameratoezicht", planning_text="Q3")
    first = theme.actions.get(item="Bibob-beleid")
    client = client_for("coordinator.westerveld")
    response = client.post(f"/gemeenten/GM1701/uitvoeringsplan/2026/acties/{first.pk}/omlaag/")
    assert response.status_code == 302
    assert list(theme.actions.order_by("order").values_list("item", flat=True)) == [
        "Cameratoezicht",
        "Bibob-beleid",
    ]


def _steenwijkerland_action(item: str) -> Action:
    return Action.objects.get(
        theme__action_plan__municipality__code="GM1708",
        theme__action_plan__start_year=2026,
        item=item,
    )


def _reported(user) -> ProgressUpdate:
    action = _steenwijkerland_action("Toezicht en handhaving")  # Politie
    return progress_record(
        action=action, status="lopend", percent_done=30, on=timezone.localdate(), user=user
    )


def _address(update) -> str:
    return (
        f"/gemeenten/GM1708/uitvoeringsplan/2026/acties/{update.action_id}/voortgang/"
        f"{update.pk}/verwijderen/"
    )


def test_a_progress_update_is_taken_back_by_who_reported_it_even_after_adoption(user_named):
    action_plan_adopt(
        action_plan=ActionPlan.objects.get(municipality__code="GM1708", start_year=2026),
        adopted_on=date(2026, 2, 1),
        decision_reference="B&W 2026/3",
    )
    update = _reported(user_named("partner.steenwijkerland"))
    client = client_for("partner.steenwijkerland")
    progress = client.get(
        f"/gemeenten/GM1708/uitvoeringsplan/2026/acties/{update.action_id}/voortgang/"
    )
    assert _address(update) in progress.content.decode()
    response = client.post(_address(update), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/acties/{update.action_id}/voortgang/")
    assert not ProgressUpdate.objects.filter(pk=update.pk).exists()
    removed = ProgressUpdate.history.get(id=update.pk, history_type="-")
    assert removed.history_user.username == "partner.steenwijkerland"
    trail = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/audit/")
    assert "verwijderd: voortgangsmelding" in trail.content.decode()


def test_another_persons_progress_update_is_not_theirs_to_remove(user_named):
    update = _reported(user_named("coordinator.steenwijkerland"))
    response = client_for("partner.steenwijkerland").post(_address(update))
    assert response.status_code == 403
    assert ProgressUpdate.objects.filter(pk=update.pk).exists()
    # the municipality's coordinator removes a partner's update
    mine = _reported(user_named("partner.steenwijkerland"))
    response = client_for("coordinator.steenwijkerland").post(_address(mine))
    assert response.status_code == 302
    assert not ProgressUpdate.objects.filter(pk=mine.pk).exists()


def test_an_unregistered_kind_is_a_programming_error(westerveld_plan):
    with pytest.raises(TypeError):
        removal.remove(westerveld_plan)
