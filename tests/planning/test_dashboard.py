"""The veiligheidsdashboard: counts, roll-up with the plan's weights, objectives against target."""

from datetime import date
from decimal import Decimal

import pytest

from ivp.analysis.exact import exact_test
from ivp.figures.models import Indicator
from ivp.planning.execution import dashboard
from ivp.planning.execution.services.actions import action_save
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import Action, ActionPlan
from ivp.planning.policy.services.plan import objective_save
from ivp.regions.models import Municipality
from ivp.regions.selectors import inhabitants_on_1_january
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _westerveld_plan():
    return ActionPlan.objects.get(municipality__code="GM1701", start_year=2026)


def test_rollup_weighs_by_budget_or_hours_and_equally_without_weights():
    theme = _westerveld_plan().themes.first()
    small = action_save(theme=theme, item="Klein", budget=Decimal(100), hours=30)
    large = action_save(theme=theme, item="Groot", budget=Decimal(900), hours=10)
    dropped = action_save(theme=theme, item="Weg", budget=Decimal(5000), status="geschrapt")
    progress_record(action=small, status="lopend", percent_done=100, on=date(2026, 10, 1))
    progress_record(action=large, status="lopend", percent_done=0, on=date(2026, 10, 1))
    actions = [small, large, dropped] + [a for a in theme.actions.all() if a.item == "Bibob-beleid"]
    for action in actions:
        action.refresh_from_db()
    # Bibob-beleid: no update, 0%; dropped does not count
    assert dashboard.rollup(actions, "gelijk") == pytest.approx(100 / 3)
    assert dashboard.rollup(actions, "budget") == pytest.approx(100 * 100 / 1000)
    assert dashboard.rollup(actions, "uren") == pytest.approx(100 * 30 / 40)
    assert dashboard.rollup([dropped], "gelijk") is None


def _objective_on_the_dashboard(plan, baseline: int):
    """Westerveld's registered crimes from `baseline` in 2022 toward 280 in 2027, as the
    dashboard judges it against the figures up to 2024."""
    plan.status = "concept"
    plan.save()
    objective_save(
        priority=plan.priorities.filter(kind="prioriteit").first(),
        text="Minder misdrijven",
        indicator=Indicator.objects.get(code="misdrijven-totaal"),
        baseline_value=baseline,
        baseline_year=2022,
        target_value=280,
        target_year=2027,
    )
    boards = dashboard.build(_westerveld_plan(), date(2026, 11, 23))
    return next(s for b in boards for s in b.objectives if s.objective.text == "Minder misdrijven")


def test_a_measurable_objective_is_held_against_its_baseline_and_target(westerveld_plan):
    status = _objective_on_the_dashboard(westerveld_plan, 300)
    assert (status.latest_period, status.latest_value) == ("2024", 376.0)  # Bron: Politie
    assert status.verdict == "stijging" and status.p_value < 0.05
    assert status.swing_percent > 0 and "gewone schommeling" in status.method
    assert status.toward_target is False


def test_an_objective_is_judged_against_the_normal_swing_not_the_exact_test(westerveld_plan):
    """315 → 376 registrations (+19%) is beyond chance for a Poisson count, but not beyond
    chance and the normal swing of ±7% between 2022 and 2024: "stabiel", as in the analysis."""
    status = _objective_on_the_dashboard(westerveld_plan, 315)
    exact = exact_test(315, 376, *_westerveld_population(2022, 2024))
    assert exact.p_value < 0.05
    assert status.verdict == "stabiel" and status.p_value > 0.05


def _westerveld_population(*years):
    people = inhabitants_on_1_january(Municipality.objects.get(code="GM1701"), years)
    return [people[year] for year in years]


def _adopt_steenwijkerland_2026():
    from datetime import date

    from ivp.planning.execution.services.actions import action_plan_adopt
    from ivp.planning.models import ActionPlan

    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    return action_plan_adopt(
        action_plan=plan, adopted_on=date(2026, 1, 20), decision_reference="B&W 2026/3"
    )


def test_a_published_dashboard_of_a_draft_stays_with_those_preparing_it():
    """The demo's Steenwijkerland 2026 dashboard is published, but its plan is a draft."""
    page = client_for(None).get("/gemeenten/GM1708/dashboard/", follow=True)
    assert "Veiligheidsdashboard Steenwijkerland 2026" not in page.content.decode()
    own = client_for("coordinator.steenwijkerland").get(
        "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/"
    )
    assert "Gepubliceerd zodra het college deze versie vaststelt" in own.content.decode()


def test_the_published_dashboard_is_public_and_has_no_edit_control():
    _adopt_steenwijkerland_2026()
    page = client_for(None).get("/gemeenten/GM1708/dashboard/", follow=True)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Veiligheidsdashboard Steenwijkerland 2026" in text
    assert "Ondermijnende criminaliteit" in text and "<svg" in text
    main = text.split('id="inhoud"')[1]
    assert "<form" not in main and "Bewerken" not in main


def test_an_unpublished_dashboard_is_for_those_preparing_the_plan():
    assert (
        client_for("raad.westerveld")
        .get("/gemeenten/GM1701/uitvoeringsplan/2026/dashboard/")
        .status_code
        == 403
    )
    assert (
        client_for("coordinator.westerveld")
        .get("/gemeenten/GM1701/uitvoeringsplan/2026/dashboard/")
        .status_code
        == 200
    )
    none = client_for(None).get("/gemeenten/GM1701/dashboard/").content.decode()
    assert "nog geen gepubliceerd dashboard" in none


def test_counts_per_status_add_up_to_the_actions():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    boards = dashboard.build(plan, date(2026, 11, 23))
    assert (
        sum(sum(b.counts.values()) for b in boards)
        == Action.objects.filter(theme__action_plan=plan).count()
    )


def test_dashboard_settings_and_adoption_need_the_version_they_were_based_on():
    from ivp.planning.models import ActionPlan

    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    client = client_for("coordinator.steenwijkerland")
    url = "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/instellingen/"
    settings = {"rollup_weight": "budget", "dashboard_published": "on"}
    for refused in ({}, {"lock_version": plan.lock_version + 1}):
        page = client.post(url, {**settings, **refused}, follow=True).content.decode()
        assert "versie" in page or "Iemand anders" in page
        assert ActionPlan.objects.get(pk=plan.pk).rollup_weight == plan.rollup_weight
    client.post(url, {**settings, "lock_version": plan.lock_version})
    assert ActionPlan.objects.get(pk=plan.pk).rollup_weight == "budget"

    adopt = "/gemeenten/GM1708/uitvoeringsplan/2026/vaststellen/"
    decision = {"adopted_by": "college", "adopted_on": "2026-01-20", "decision_reference": "B&W 1"}
    client.post(adopt, decision)  # a form without its version: refused
    assert not ActionPlan.objects.get(pk=plan.pk).adopted
    current = ActionPlan.objects.get(pk=plan.pk).lock_version
    confirmed = {"step": "bevestigen", "confirmed": "on"}
    client.post(adopt, {**decision, **confirmed, "lock_version": current})
    assert ActionPlan.objects.get(pk=plan.pk).adopted
