"""The policy side through its services, CLI and pages, on the demo data conftest loads."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from ivp.planning.models import CycleStep, PolicyPlan, RegionalLink, RegionalPriority
from ivp.planning.policy import export, ranking
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.services import plan as plan_services
from ivp.planning.policy.services.prioritisation import (
    priorities_choose,
    prioritisation_for,
    prioritisation_update,
)
from ivp.planning.policy.services.regional import regional_priority_save
from ivp.taxonomy.models import Theme
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _theme(code):
    return Theme.objects.get(field__version__is_current=True, code=code)


def test_steenwijkerland_cycle_follows_the_start_memo(steenwijkerland):
    cycle = policy_selectors.current_cycle(steenwijkerland)
    steps = {s.kind: s for s in cycle.steps.all()}
    assert len(steps) == 7
    assert (cycle.hours_budget_low, cycle.hours_budget_high) == (300, 400)
    assert steps["startnotitie"].planned_start == date(2022, 6, 1)
    assert steps["prioritering"].decided_by == "gemeenteraad"
    assert steps["veiligheidsplan"].planned_end == date(2023, 3, 31)


def test_overview_names_a_late_step(steenwijkerland):
    cycle = policy_selectors.current_cycle(steenwijkerland)
    step = cycle.steps.get(kind=CycleStep.Kind.VERANTWOORDING)
    step.planned_end, step.status = date(2024, 1, 31), CycleStep.Status.BEZIG
    step.save()
    page = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/cyclus/")
    text = page.content.decode()
    assert "1 stap is te laat" in text or "Eén stap is te laat" in text
    assert "Evaluatie en verantwoording" in text


def test_objective_column_comes_from_the_analysis_not_from_typing(westerveld):
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    rows = {row.theme_id: row for row in ranking.rank(prioritisation)}
    objective = rows[_theme("objectieve-veiligheid").pk]
    # Westerveld's registered crimes 2022-2024 (Bron: Politie) are tested against the
    # province, the country and peers: each test is one reason with its verdict.
    assert objective.scores["objective"] is not None
    assert any(
        "Geregistreerde misdrijven" in r.text or "isdrijven" in r.text
        for r in objective.reasons["objective"]
    )
    assert rows[_theme("informatieveiligheid").pk].scores["objective"] is None


def test_weights_and_entered_scores_rank_the_themes(westerveld):
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    drugs, digital = _theme("alcohol-en-drugs"), _theme("gedigitaliseerde-criminaliteit")
    prioritisation_update(
        prioritisation=prioritisation,
        weight_objective=0,
        weight_subjective=75,
        weight_professional=25,
        weight_agenda=0,
        professional_scale=5,
        scores={drugs.pk: (49.0, 4.0), digital.pk: (20.0, 5.0)},
    )
    rows = ranking.rank(prioritisation)
    assert rows[0].theme_id == drugs.pk  # (3*49 + 80) / 4 = 56.75 against (3*20 + 100) / 4 = 40
    assert rows[0].total == pytest.approx(56.75)
    assert rows[1].theme_id == digital.pk
    with pytest.raises(ValidationError):
        prioritisation_update(prioritisation=prioritisation, scores={drugs.pk: (120.0, None)})


def test_more_than_four_priorities_needs_a_confirmation(westerveld):
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    five = list(
        Theme.objects.filter(field__version__is_current=True)[:5].values_list("pk", flat=True)
    )
    decision = {
        "decided_on": date(2022, 10, 25),
        "decided_by": "gemeenteraad",
        "decision_reference": "R-1",
    }
    with pytest.raises(ValidationError, match=r"Bevestig|Confirm"):
        priorities_choose(prioritisation=prioritisation, theme_ids=five, **decision)
    priorities_choose(prioritisation=prioritisation, theme_ids=five, confirm_more=True, **decision)
    assert prioritisation.scores.filter(chosen=True).count() == 5
    priorities_choose(prioritisation=prioritisation, theme_ids=five[:3], **decision)
    assert prioritisation.scores.filter(chosen=True).count() == 3


def test_an_adopted_plan_changes_only_through_a_new_version(westerveld):
    plan = policy_selectors.plan_in_force(westerveld)
    with pytest.raises(ValidationError, match=r"nieuwe versie|new version"):
        plan_services.plan_update(plan=plan, mission="Anders")
    with pytest.raises(ValidationError):
        plan_services.priority_save(plan=plan, title="Extra")
    new = plan_services.plan_new_version(plan=plan)
    assert (new.version, new.status, new.previous) == (2, PolicyPlan.Status.CONCEPT, plan)
    assert new.priorities.count() == plan.priorities.count()
    assert [sorted(p.parties.values_list("name", flat=True)) for p in new.priorities.all()] == [
        sorted(p.parties.values_list("name", flat=True)) for p in plan.priorities.all()
    ]
    assert RegionalLink.objects.filter(priority__plan=new).count() == 3
    assert [
        [(f.title, f.objectives.count()) for f in p.focus_areas.all()] for p in new.priorities.all()
    ] == [
        [(f.title, f.objectives.count()) for f in p.focus_areas.all()]
        for p in plan.priorities.all()
    ]
    assert sum(p.objectives.count() for p in new.priorities.all()) == sum(
        p.objectives.count() for p in plan.priorities.all()
    )
    plan_services.plan_update(plan=new, mission="Een nieuwe missie.")
    rows = export.compare(plan, new)
    assert ("added", "Een nieuwe missie.") in rows
    assert any(change == "removed" and "Westerveld blijft" in text for change, text in rows)
    assert PolicyPlan.objects.get(pk=plan.pk).mission.startswith("Westerveld blijft")


def test_a_change_in_the_shared_priority_shows_in_every_members_plan(westerveld, zuidwest_drenthe):
    shared = RegionalPriority.objects.get(region=zuidwest_drenthe, title__startswith="Digitale")
    regional_priority_save(
        region=zuidwest_drenthe,
        shared=shared,
        title="Digitale weerbaarheid",
        start_year=shared.start_year,
        end_year=shared.end_year,
    )
    data = export.plan_data(policy_selectors.plan_in_force(westerveld))
    links = [link for p in data["priorities"] for link in p["regional_links"]]
    assert "Digitale weerbaarheid" in [link["title"] for link in links]
    (region,) = [r for r in data["regions"] if r["region"]["code"] == "zuidwest-drenthe"]
    row = next(r for r in region["priorities"] if r["title"] == "Digitale weerbaarheid")
    assert row["worked_on_in"] == ["Digitale criminaliteit beter in beeld en aanpakken"]


def test_only_members_adopt_a_shared_priority(steenwijkerland_draft_plan, zuidwest_drenthe):
    plan = steenwijkerland_draft_plan
    shared = zuidwest_drenthe.shared_priorities.first()
    with pytest.raises(ValidationError, match=r"geen lid|not a member"):
        plan_services.shared_priority_adopt(plan=plan, shared=shared)


def test_a_baseline_needs_its_year_and_an_effect_its_direction(steenwijkerland_draft_plan):
    priority = steenwijkerland_draft_plan.priorities.get()
    with pytest.raises(ValidationError, match="Een nulmeting heeft zowel een waarde als een jaar"):
        plan_services.objective_save(priority=priority, text="Minder inbraken", baseline_value=40)
    with pytest.raises(ValidationError, match="Een effectdoelstelling heeft een richting nodig"):
        plan_services.objective_save(priority=priority, text="Minder inbraken", kind="effect")


def test_plan_export_json_has_the_documented_shape(capsys):
    call_command("plan", "GM1701", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["format_version"] == 2
    assert data["period"] == {"from": 2023, "to": 2027}
    assert data["status"] == "vastgesteld"
    titles = [p["title"] for p in data["priorities"]]
    assert titles[0] == "Ondermijnende factoren verminderen" and len(titles) == 4
    first = data["priorities"][0]
    assert first["parties"] and first["shared"] is None  # worked on by link, not adopted
    assert [len(f["objectives"]) for f in first["focus_areas"]] == [1, 0, 1]  # the speerpunten
    assert first["regional_links"][0]["region"]["name"] == "Zuidwest-Drenthe"
    assert data["priorities"][1]["regional_links"] == []  # sociale overlast is Westerveld's own
    regions = {r["region"]["name"]: r["priorities"] for r in data["regions"]}
    assert len(regions["Zuidwest-Drenthe"]) == 5  # all five shown, three worked on
    assert sum(bool(p["worked_on_in"]) for p in regions["Zuidwest-Drenthe"]) == 3


def test_plan_export_markdown_is_dutch(capsys):
    call_command("plan", "GM1701", "--format", "md")
    text = capsys.readouterr().out
    assert text.startswith("# Integraal Veiligheidsplan Westerveld 2023–2027")
    assert "## Prioriteiten" in text
    assert (
        "Werkt ook aan de gedeelde prioriteit „Minder verwevenheid van onder- en bovenwereld” "
        "van Zuidwest-Drenthe (2023–2027)" in text
    )
    assert "#### Speerpunt 3: Bibob-beleid dat past bij Westerveld" in text
    assert "Onze aanpak richt zich op:" in text


def test_the_app_offers_the_same_export_as_a_download(westerveld_plan):
    response = client_for(None).get(westerveld_plan.get_absolute_url() + "export.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["title"] == "Integraal Veiligheidsplan Westerveld 2023–2027"


def test_council_member_reads_the_published_plan_without_edit_controls():
    page = client_for("raad.westerveld").get("/gemeenten/GM1701/veiligheidsplan/", follow=True)
    text = page.content.decode()
    assert "Integraal Veiligheidsplan Westerveld 2023–2027" in text
    assert "Prioriteit bewerken" not in text and "Nieuwe versie beginnen" not in text
    assert "<form" not in text.split('id="inhoud"')[1].replace(
        '<form method="post" action="/uitloggen/"', ""
    )


def test_regiocoordinator_sees_the_members_side_by_side():
    page = client_for("regio.zuidwest-drenthe").get("/regios/zuidwest-drenthe/naast-elkaar/")
    text = page.content.decode()
    for name in ("Meppel", "Midden-Drenthe", "Westerveld"):
        assert name in text
    assert "4 van 5" not in text  # Westerveld adopts three of the five shared priorities
    assert "3 van 5" in text
    assert "per 1.000 inwoners" in text


def test_the_side_by_side_shows_each_members_newest_version(zuidwest_drenthe, westerveld):
    adopted = policy_selectors.plan_in_force(westerveld)
    draft = plan_services.plan_new_version(plan=adopted)
    members = list(zuidwest_drenthe.members.all())
    assert policy_selectors.current_plans(members) == {
        m.pk: plan for m in members if (plan := policy_selectors.current_plan(m))
    }
    assert policy_selectors.current_plans(members)[westerveld.pk] == draft
    page = client_for("regio.zuidwest-drenthe").get("/regios/zuidwest-drenthe/naast-elkaar/")
    assert f"versie {draft.version}, concept" in page.content.decode()


def test_regional_priority_years_are_checked(zuidwest_drenthe):
    with pytest.raises(ValidationError):
        regional_priority_save(region=zuidwest_drenthe, title="X", start_year=2027, end_year=2023)


def test_the_newest_adopted_version_is_in_force_even_if_the_old_one_has_no_date(westerveld):
    old = policy_selectors.plan_in_force(westerveld)
    assert old.adopted_on is None  # the demo's source gives no date
    new = plan_services.plan_new_version(plan=old)
    assert policy_selectors.plan_in_force(westerveld) == old  # a draft is not in force
    plan_services.plan_adopt(
        plan=new, adopted_on=date(2026, 3, 1), adopted_by="gemeenteraad", decision_reference="R"
    )
    assert policy_selectors.plan_in_force(westerveld) == new
    page = client_for(None).get("/gemeenten/GM1701/veiligheidsplan/")
    assert page["Location"] == new.get_absolute_url()
