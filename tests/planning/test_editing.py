"""Editing the policy side: conflicts between two editors, refused input, survey imports."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from ivp.common.importing import ImportFileError
from ivp.planning.models import PolicyPlan, Priority, ThemeScore
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.services import plan as plan_services
from ivp.planning.policy.services.prioritisation import prioritisation_for, prioritisation_update
from ivp.planning.policy.services.survey import survey_scores_import
from ivp.taxonomy.models import Theme
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _plan_form(plan, **changes):
    data = {
        "title": plan.title,
        "start_year": plan.start_year,
        "end_year": plan.end_year,
        "mission": plan.mission,
        "vision": plan.vision,
        "lock_version": plan.lock_version,
    }
    data.update(changes)
    return data


def test_the_second_of_two_editors_gets_a_conflict_and_loses_nothing(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    edit = plan.get_absolute_url() + "bewerken/"
    first, second = client_for("beheerder"), client_for("coordinator.steenwijkerland")
    # both open the form on the same version
    opened = _plan_form(plan)
    response = first.post(edit, {**opened, "mission": "Missie A"})
    assert response.status_code == 302
    response = second.post(edit, {**opened, "mission": "Missie B"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft dit onderdeel opgeslagen" in page
    assert "Intussen opgeslagen: Missie A" in page
    assert "Missie B</textarea>" in page  # the second editor's input is still there
    plan.refresh_from_db()
    assert plan.mission == "Missie A"
    # saving again, knowingly, replaces it; the audit trail holds both
    response = second.post(
        edit, {**opened, "mission": "Missie B", "lock_version": plan.lock_version}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.mission == "Missie B"
    missions = list(
        PolicyPlan.history.filter(id=plan.pk)
        .order_by("history_date")
        .values_list("mission", flat=True)
    )
    assert missions[-2:] == ["Missie A", "Missie B"]


def test_a_stale_priority_edit_is_refused(steenwijkerland_draft_plan):
    priority = steenwijkerland_draft_plan.priorities.get()
    stale = priority.lock_version
    plan_services.priority_save(
        plan=priority.plan,
        priority=priority,
        title="Veilig uitgaan in Steenwijk",
        expected_version=stale,
    )
    with pytest.raises(ValidationError, match="Iemand anders"):
        plan_services.priority_save(
            plan=priority.plan, priority=priority, title="Iets anders", expected_version=stale
        )
    assert Priority.objects.get(pk=priority.pk).title == "Veilig uitgaan in Steenwijk"


def test_weights_that_do_not_make_100_are_refused(westerveld):
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    with pytest.raises(ValidationError, match="tellen op tot 90%"):
        prioritisation_update(
            prioritisation=prioritisation,
            weight_objective=40,
            weight_subjective=20,
            weight_professional=20,
            weight_agenda=10,
        )
    prioritisation.refresh_from_db()
    assert prioritisation.weights == {
        "objective": 25,
        "subjective": 25,
        "professional": 25,
        "agenda": 25,
    }


def test_a_target_year_outside_the_plan_period_is_refused(steenwijkerland_draft_plan):
    priority = steenwijkerland_draft_plan.priorities.get()
    indicator = priority.plan.municipality.observations.first().indicator
    before = priority.objectives.count()
    with pytest.raises(ValidationError, match="buiten de planperiode 2027–2030"):
        plan_services.objective_save(
            priority=priority,
            text="Minder misdrijven",
            indicator=indicator,
            baseline_value=1133,
            baseline_year=2024,
            target_value=1000,
            target_year=2032,
        )
    assert priority.objectives.count() == before


def test_a_fifth_priority_needs_a_confirmation(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    for title in ("Twee", "Drie", "Vier"):
        plan_services.priority_save(plan=plan, title=title)
    with pytest.raises(ValidationError, match="ten hoogste 4"):
        plan_services.priority_save(plan=plan, title="Vijf")
    assert plan.priorities.count() == 4
    plan_services.priority_save(plan=plan, title="Vijf", confirm_more=True)
    plan_services.priority_save(plan=plan, title="Overig thema", kind=Priority.Kind.OVERIG)
    assert plan.priorities.count() == 6


def test_the_page_says_so_when_a_fifth_priority_is_not_confirmed(steenwijkerland_draft_plan):
    plan = steenwijkerland_draft_plan
    for title in ("Twee", "Drie", "Vier"):
        plan_services.priority_save(plan=plan, title=title)
    response = client_for("coordinator.steenwijkerland").post(
        plan.get_absolute_url() + "prioriteiten/nieuw/",
        {"title": "Vijf", "kind": "prioriteit", "approach": "", "parties": ""},
    )
    assert "Bevestig dat het plan er een bij krijgt" in response.content.decode()
    assert plan.priorities.count() == 4


def _survey_csv(text: str) -> bytes:
    return text.encode("utf-8")


def test_survey_file_fills_the_residents_column(westerveld):
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    count = survey_scores_import(
        prioritisation=prioritisation,
        file_name="vm2021.csv",
        raw=_survey_csv("Thema;Percentage;Score\nOndermijning;49%;4\nalcohol-en-drugs;38,5;\n"),
    )
    assert count == 2
    scores = {s.theme.code: s for s in prioritisation.scores.select_related("theme")}
    assert scores["ondermijning"].subjective_percentage == 49
    assert scores["ondermijning"].professional_score == 4
    assert scores["alcohol-en-drugs"].subjective_percentage == 38.5


def test_survey_xlsx_is_read_too(westerveld):
    book = Workbook()
    book.active.append(["thema", "percentage"])
    book.active.append(["Jeugdoverlast", 27])
    raw = io.BytesIO()
    book.save(raw)
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    survey_scores_import(prioritisation=prioritisation, file_name="vm.xlsx", raw=raw.getvalue())
    assert prioritisation.scores.get(theme__code="jeugdoverlast").subjective_percentage == 27


def test_a_bad_survey_file_names_file_row_and_column_and_writes_nothing(westerveld):
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    before = ThemeScore.objects.count()
    with pytest.raises(ImportFileError) as refused:
        survey_scores_import(
            prioritisation=prioritisation,
            file_name="fout.csv",
            raw=_survey_csv(
                "thema;percentage\nOndermijning;49\nDrugshandel;38\nJeugdoverlast;veel\n"
                "Ondermijning;12\nVeilig uitgaan;140\n"
            ),
        )
    text = [str(problem) for problem in refused.value.problems]
    assert text == [
        "fout.csv, rij 3, kolom “thema”: onbekend thema „Drugshandel”; gebruik de naam of code "
        "van een thema, bijvoorbeeld „Alcohol en drugs” of „alcohol-en-drugs”.",
        "fout.csv, rij 4, kolom “percentage”: “veel” is geen getal.",
        "fout.csv, rij 5, kolom “thema”: „Ondermijning” kwam al eerder voor, in rij 2.",
        "fout.csv, rij 6, kolom “percentage”: Het percentage inwoners ligt tussen 0 en 100.",
    ]
    assert ThemeScore.objects.count() == before


def test_a_survey_file_without_the_columns_is_refused(westerveld):
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    with pytest.raises(ImportFileError, match="kolom „thema”"):
        survey_scores_import(
            prioritisation=prioritisation, file_name="x.csv", raw=_survey_csv("naam;waarde\na;1\n")
        )


def test_work_group_member_is_removed_by_the_coordinator(westerveld):
    cycle = policy_selectors.current_cycle(westerveld)
    member = cycle.work_group.first()
    response = client_for("coordinator.westerveld").post(
        f"/gemeenten/GM1701/cyclus/werkgroep/{member.pk}/verwijderen/"
    )
    assert response.status_code == 302
    assert not cycle.work_group.filter(pk=member.pk).exists()


def test_an_adopted_plan_refuses_changes_through_the_page(westerveld_plan):
    response = client_for("coordinator.westerveld").post(
        westerveld_plan.get_absolute_url() + "bewerken/",
        _plan_form(westerveld_plan, mission="Anders"),
    )
    assert "begin een nieuwe versie" in response.content.decode()
    westerveld_plan.refresh_from_db()
    assert westerveld_plan.mission.startswith("Westerveld blijft")


def test_theme_names_in_surveys_may_be_the_municipalitys_own(westerveld):
    from ivp.taxonomy.services import municipal_theme_adapt

    theme = Theme.objects.get(field__version__is_current=True, code="sociale-kwaliteit")
    municipal_theme_adapt(municipality=westerveld, theme=theme, name="Woonoverlast")
    prioritisation = prioritisation_for(policy_selectors.current_cycle(westerveld))
    survey_scores_import(
        prioritisation=prioritisation,
        file_name="x.csv",
        raw=_survey_csv("thema;percentage\nWoonoverlast;31\n"),
    )
    assert prioritisation.scores.get(theme=theme).subjective_percentage == 31
