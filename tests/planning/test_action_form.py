"""The action form offers the objectives (and their indicators) of the action's theme first.

Group labels are compared with their translation: the Dutch words come with the catalogue."""

import pytest
from django.utils.translation import gettext as _
from lxml import html

from ivp.planning.models import Action, ActionPlan, Objective
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"
OWN = _("Objectives of this theme")
OTHER = _("Other objectives")


def _theme(title: str):
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    return plan.themes.get(priority__title=title)


def _groups(page, field: str) -> dict[str, list[str]]:
    """Per optgroup label of the select `field`, the texts of its options."""
    select = html.fromstring(page.content).get_element_by_id(f"id_{field}")
    return {
        group.get("label"): [o.text_content() for o in group.iter("option")]
        for group in select.iter("optgroup")
    }


def test_an_actions_objectives_of_its_theme_come_first():
    theme = _theme("Verkeersveiligheid")
    action = Action.objects.get(theme=theme, item="Bewustwording verkeersveiligheid")
    page = client_for("coordinator.steenwijkerland").get(f"{PLAN}acties/{action.pk}/")
    groups = _groups(page, "objective")
    assert list(groups) == [OWN, OTHER]
    own = [f"Verkeersveiligheid: {o.text}" for o in theme.objectives]
    assert groups[OWN] == own
    assert not set(own) & set(groups[OTHER])
    assert any(o.startswith("Woninginbraak: ") for o in groups[OTHER])


def test_a_new_action_of_a_theme_chosen_in_the_link_gets_that_themes_objectives_first():
    theme = _theme("Woninginbraak")
    page = client_for("coordinator.steenwijkerland").get(f"{PLAN}acties/nieuw/?thema={theme.pk}")
    own = _groups(page, "objective")[OWN]
    assert own == [f"Woninginbraak: {o.text}" for o in theme.objectives]


def test_a_form_sent_back_groups_by_the_theme_chosen_in_it():
    theme = _theme("Woonoverlast")
    page = client_for("coordinator.steenwijkerland").post(
        f"{PLAN}acties/nieuw/", {"theme": theme.pk, "item": ""}
    )
    assert page.status_code == 200  # refused: no item
    own = _groups(page, "objective")[OWN]
    assert own == [f"Woonoverlast: {o.text}" for o in theme.objectives]


def test_the_indicators_of_the_themes_objectives_come_first():
    theme = _theme("Woninginbraak")
    objective = theme.objectives[0]
    indicator = theme.action_plan.municipality.observations.first().indicator
    Objective.objects.filter(pk=objective.pk).update(
        kind=Objective.Kind.EFFECT, direction=Objective.Direction.DECREASE, indicator=indicator
    )
    page = client_for("coordinator.steenwijkerland").get(f"{PLAN}acties/nieuw/?thema={theme.pk}")
    groups = _groups(page, "indicator")
    assert groups[_("Indicators of this theme's objectives")] == [indicator.name]
    assert indicator.name not in groups.get(_("Other indicators"), [])


def test_without_a_theme_the_objectives_are_one_list():
    page = client_for("coordinator.steenwijkerland").get(f"{PLAN}acties/nieuw/")
    assert _groups(page, "objective") == {}
    select = html.fromstring(page.content).get_element_by_id("id_objective")
    assert len(select.findall("option")) > 10
