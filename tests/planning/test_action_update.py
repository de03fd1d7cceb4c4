"""`action_update`: the API's PATCH as a service. Only the fields named change; the edit names
the version it was based on, and a save since is refused, not overwritten."""

import pytest

from ivp.planning.execution.services.actions import action_update
from ivp.planning.models import Action
from ivp.planning.workflow.locking import EditConflict

pytestmark = pytest.mark.django_db


def _action() -> Action:
    return Action.objects.get(
        theme__action_plan__municipality__code="GM1708",
        theme__action_plan__start_year=2026,
        item="Toezicht en handhaving",
    )


def test_only_the_named_fields_change_and_the_version_goes_up():
    action = _action()
    before = (action.item, action.description, sorted(p.name for p in action.parties.all()))
    saved = action_update(
        action=action, expected_version=action.lock_version, owner="Politie", planning_text="Q2"
    )
    assert saved.owner == "Politie" and saved.planning_months[0].endswith("-04")
    assert saved.lock_version == action.lock_version + 1
    assert (saved.item, saved.description, sorted(p.name for p in saved.parties.all())) == before


def test_a_save_since_is_refused_and_kept():
    action = _action()
    stale_copy = Action.objects.get(pk=action.pk)
    action_update(action=action, expected_version=action.lock_version, owner="Gemeente")
    with pytest.raises(EditConflict) as refused:
        action_update(action=stale_copy, expected_version=stale_copy.lock_version, owner="Politie")
    assert refused.value.current.owner == "Gemeente"
    assert Action.objects.get(pk=action.pk).owner == "Gemeente"


def test_it_takes_keywords_only_and_names_what_it_cannot_change():
    action = _action()
    with pytest.raises(TypeError):
        action_update(action, action.lock_version)  # positional: refused
    with pytest.raises(TypeError, match="theme"):
        action_update(action=action, expected_version=action.lock_version, theme=None)
