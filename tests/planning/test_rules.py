"""Every rule of the planning models holds everywhere: the model refuses a bad value with a
Dutch message (full_clean, as every service and form uses it) and the database refuses it
too when someone writes past the model (a raw update); a progress file and the page refuse
the same value with the same words."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ivp.common import text_limits
from ivp.common.importing import ImportFileError
from ivp.planning.execution.services.progress import progress_read, progress_record
from ivp.planning.models import (
    Action,
    ActionPlan,
    CycleStep,
    Framework,
    PolicyCycle,
    PolicyPlan,
    Priority,
    ProgressUpdate,
    ThemeScore,
)
from ivp.planning.policy.services.plan import objective_save
from ivp.planning.policy.services.prioritisation import prioritisation_for, theme_score_save
from ivp.planning.policy.services.regional import regional_priority_save
from ivp.regions.models import Municipality
from ivp.taxonomy.models import Theme
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

YEAR = "Een jaar van 2000 tot 2100."
END_BEFORE_START = "Het laatste jaar ligt vóór het eerste jaar."
NOT_NEGATIVE = "Dit kan niet negatief zijn."
PERCENT = "Het percentage gereed is een heel getal van 0 tot 100."


def _cycle():
    return PolicyCycle.objects.filter(municipality__code="GM1701").first()


def _step():
    return CycleStep.objects.filter(cycle=_cycle()).first()


def _draft_plan():
    return PolicyPlan.objects.get(municipality__code="GM1708", start_year=2027)


def _measured_objective():
    priority = Priority.objects.filter(plan=_draft_plan()).first()
    indicator = priority.plan.municipality.observations.first().indicator
    return objective_save(
        priority=priority,
        text="Minder misdrijven",
        kind="effect",
        direction="dalen",
        indicator=indicator,
        baseline_value=1133,
        baseline_year=2024,
        target_value=1000,
        target_year=2029,
    )


def _qualitative_objective():
    priority = Priority.objects.filter(plan=_draft_plan()).first()
    return objective_save(priority=priority, text="Meer samenwerking", kind="kwalitatief")


def _prioritisation():
    return prioritisation_for(_cycle())


def _theme_score():
    prioritisation = _prioritisation()
    theme = Theme.objects.filter(field__version__is_current=True).first()
    return theme_score_save(
        prioritisation=prioritisation,
        theme_id=theme.pk,
        subjective_percentage=40,
        professional_score=3,
    )


def _regional_priority():
    region = Municipality.objects.get(code="GM1701").regions.first()
    return regional_priority_save(
        region=region, title="Ondermijning in de regio", start_year=2024, end_year=2027
    )


def _action_plan():
    return ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)


def _action():
    return Action.objects.filter(theme__action_plan=_action_plan()).first()


def _progress():
    return progress_record(action=_action(), status="lopend", percent_done=40)


# (what, a saved record, values that break a rule, the model's message)
RULES = [
    ("cycle year", _cycle, {"plan_start_year": 1999}, YEAR),
    ("cycle period", _cycle, {"plan_start_year": 2026, "plan_end_year": 2025}, END_BEFORE_START),
    (
        "cycle hours",
        _cycle,
        {"hours_budget_low": 400, "hours_budget_high": 300},
        "De bovengrens ligt onder de ondergrens.",
    ),
    (
        "step dates",
        _step,
        {"planned_start": date(2025, 5, 1), "planned_end": date(2025, 4, 1)},
        "Het einde ligt vóór het begin.",
    ),
    ("step hours", _step, {"hours_spent": -5}, NOT_NEGATIVE),
    ("framework period", Framework.objects.first, {"end_year": 1999}, YEAR),
    ("plan length", _draft_plan, {"end_year": 2028}, "Een plan loopt vier of vijf jaar."),
    ("plan year", _draft_plan, {"start_year": 2101, "end_year": 2104}, YEAR),
    (
        "target before baseline",
        _measured_objective,
        {"target_year": 2023},
        "Het streefjaar ligt vóór het jaar van de nulmeting.",
    ),
    (
        "qualitative but measured",
        _measured_objective,
        {"kind": "kwalitatief"},
        "Een kwalitatieve doelstelling heeft geen indicator",
    ),
    (
        "effect without direction",
        _qualitative_objective,
        {"kind": "effect"},
        "Een effectdoelstelling heeft een richting nodig",
    ),
    (
        "reach without target",
        _measured_objective,
        {"direction": "bereiken", "target_value": None},
        "„Bereiken” heeft de te bereiken waarde nodig",
    ),
    (
        "output without number",
        _qualitative_objective,
        {"kind": "output"},
        "Een outputdoelstelling heeft het aantal nodig",
    ),
    (
        "baseline in part",
        _measured_objective,
        {"baseline_year": None},
        "Een nulmeting heeft zowel een waarde als een jaar nodig.",
    ),
    ("weight above 100", _prioritisation, {"weight_objective": 101}, "Een gewicht is een heel"),
    (
        "weights not 100",
        _prioritisation,
        {"weight_objective": 40},
        "De gewichten tellen op tot 115%",
    ),
    (
        "figures years",
        _prioritisation,
        {"first_year": 2024, "last_year": 2020},
        END_BEFORE_START,
    ),
    (
        "professional scale",
        _prioritisation,
        {"professional_scale": 0},
        "De hoogste professionele score is een heel getal van 1 tot 100.",
    ),
    (
        "residents' percentage",
        _theme_score,
        {"subjective_percentage": 120},
        "Het percentage inwoners ligt tussen 0 en 100.",
    ),
    (
        "professional score",
        _theme_score,
        {"professional_score": -1},
        "De professionele score ligt tussen 0 en 5.",
    ),
    ("shared priority period", _regional_priority, {"end_year": 2023}, END_BEFORE_START),
    (
        "implementation plan length",
        _action_plan,
        {"end_year": 2028},
        "Een uitvoeringsplan loopt één of twee jaar.",
    ),
    ("budget", _action, {"budget": Decimal("-1")}, NOT_NEGATIVE),
    ("hours", _action, {"hours": -8}, NOT_NEGATIVE),
    ("percentage done", _progress, {"percent_done": 120}, PERCENT),
    ("progress status", _progress, {"status": "klaar"}, "„klaar” is geen status"),
    (
        "progress date",
        _progress,
        {"date": date(1999, 12, 31)},
        "Voortgang kan niet voor een datum vóór 2000",
    ),
]


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


@pytest.mark.parametrize(
    ("make", "values", "message"), [r[1:] for r in RULES], ids=[r[0] for r in RULES]
)
def test_the_model_refuses_a_value_that_breaks_a_rule(make, values, message):
    record = make()
    record.full_clean()  # the record as saved keeps the rules
    for name, value in values.items():
        setattr(record, name, value)
    with pytest.raises(ValidationError) as refused:
        record.full_clean()
    assert message in _messages(refused.value)


@pytest.mark.parametrize(
    ("make", "values", "message"), [r[1:] for r in RULES], ids=[r[0] for r in RULES]
)
def test_the_database_refuses_what_the_model_would(make, values, message):
    record = make()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(record).objects.filter(pk=record.pk).update(**values)


# Rules across two tables: only clean() can hold them; a database check cannot see the other row.
def test_a_target_year_outside_the_plans_period_is_refused_by_the_model():
    objective = _measured_objective()
    objective.target_year = 2031
    with pytest.raises(ValidationError, match="buiten de planperiode 2027–2030"):
        objective.full_clean()


def test_an_implementation_plan_outside_its_ivp_is_refused_by_the_model():
    plan = _action_plan()
    ivp = plan.policy_plan
    plan.start_year = plan.end_year = ivp.end_year + 1
    with pytest.raises(ValidationError, match=f"buiten de periode van {ivp.title}"):
        plan.full_clean()


def test_a_professional_score_above_the_scale_is_refused_by_the_model():
    score = _theme_score()
    score.professional_score = score.prioritisation.professional_scale + 1
    with pytest.raises(ValidationError, match="tussen 0 en 5"):
        score.full_clean()


def test_progress_for_a_future_date_is_refused_by_the_model():
    with pytest.raises(ValidationError, match="datum in de toekomst"):
        progress_record(action=_action(), status="lopend", on=timezone.localdate() + timedelta(1))


PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"


def _page_errors(action, **posted) -> list[str]:
    data = {
        "status": "lopend",
        "on": timezone.localdate().isoformat(),
        "lock_version": action.lock_version,
    }
    response = client_for("coordinator.steenwijkerland").post(
        f"{PLAN}acties/{action.pk}/voortgang/", {**data, **posted}
    )
    assert response.status_code == 200, "the page saved what it should refuse"
    form = response.context["form"]
    return [message for messages in form.errors.values() for message in messages]


def _file_errors(action, header: str, cell: str) -> list[str]:
    """The messages for a file whose one row has `cell` in the column `header`."""
    row = {"actie-id": str(action.pk), "status": "lopend", header: cell}
    with pytest.raises(ImportFileError) as refused:
        progress_read(
            action_plan=_action_plan(),
            file_name="voortgang.csv",
            raw=(";".join(row) + "\n" + ";".join(row.values()) + "\n").encode(),
            may_update=lambda action: True,
        )
    problems = refused.value.problems
    assert [(p.file_name, p.row, p.column) for p in problems] == [("voortgang.csv", 2, header)]
    return [p.message for p in problems]


TOO_LONG = "x" * (text_limits.NOTE + 1)
FUTURE = timezone.localdate() + timedelta(days=3)


@pytest.mark.parametrize(
    ("field", "on_page", "header", "in_file"),
    [
        ("percent_done", "140", "percentage", "140"),
        ("percent_done", "-5", "percentage", "-5"),
        ("percent_done", "veel", "percentage", "veel"),
        ("status", "klaar", "status", "klaar"),
        ("note", TOO_LONG, "toelichting", TOO_LONG),
        ("on", "1999-12-31", "datum", "31-12-1999"),
        ("on", FUTURE.isoformat(), "datum", FUTURE.strftime("%d-%m-%Y")),
    ],
    ids=["above 100", "negative", "not a number", "status", "note", "before 2000", "future"],
)
def test_a_progress_file_and_the_page_refuse_a_value_in_the_same_words(
    field, on_page, header, in_file
):
    action = _action()
    before = ProgressUpdate.objects.count()
    file_problems = _file_errors(action, header, in_file)
    page_problems = _page_errors(action, **{field: on_page})
    assert file_problems == page_problems
    assert file_problems and all(file_problems)
    assert ProgressUpdate.objects.count() == before


def test_a_survey_file_and_the_prioritisation_rules_refuse_a_score_in_the_same_words():
    from ivp.planning.policy.services.survey import survey_scores_import

    prioritisation = _prioritisation()
    theme = Theme.objects.filter(field__version__is_current=True).first()
    with pytest.raises(ValidationError) as by_hand:
        theme_score_save(prioritisation=prioritisation, theme_id=theme.pk, professional_score=9)
    with pytest.raises(ImportFileError) as by_file:
        survey_scores_import(
            prioritisation=prioritisation,
            file_name="scores.csv",
            raw=f"thema;score\n{theme.code};9\n".encode(),
        )
    assert [str(p) for p in by_file.value.problems] == [
        f"scores.csv, rij 2, kolom “score”: {by_hand.value.messages[0]}"
    ]
    assert by_hand.value.messages == ["De professionele score ligt tussen 0 en 5."]
    assert not ThemeScore.objects.filter(
        prioritisation=prioritisation, theme=theme, professional_score=9
    )
