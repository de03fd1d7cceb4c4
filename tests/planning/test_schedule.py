"""The planning parser on every planning the seed documents write, and on bad ones."""

import pytest

from ivp.planning.workflow.schedule import parse_planning
from tests.conftest import SHARED

SEED_000 = SHARED / "seeds" / "000_91dd2a825e35555a.txt"


def _seed_plannings() -> list[str]:
    """The Planning column of every actions table in Steenwijkerland's uitvoeringsplan 2026."""
    plannings = []
    for line in SEED_000.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 4 and cells[0] != "Item":
            plannings.append(cells[-1])
    return plannings


@pytest.mark.skipif(not SEED_000.exists(), reason="../shared is not beside this clone")
def test_the_seed_has_its_plannings():
    plannings = _seed_plannings()
    assert len(plannings) == 34
    assert {"Q1", "Q1 en Q3", "2026", "Vaarseizoen 2026"} <= set(plannings)


@pytest.mark.skipif(not SEED_000.exists(), reason="../shared is not beside this clone")
def test_every_planning_in_seed_000_is_read_or_flagged():
    for text in _seed_plannings():
        schedule = parse_planning(text, 2026)
        if text.startswith("We volgen"):
            assert not schedule.parsed and schedule.months == ()
        else:
            assert schedule.parsed, text
            assert schedule.within(2026, 2026), text


@pytest.mark.parametrize(
    ("text", "quarters", "months"),
    [
        ("Q1", ("2026-Q1",), 3),
        ("Q2", ("2026-Q2",), 3),
        ("Q3", ("2026-Q3",), 3),
        ("Q1 en Q3", ("2026-Q1", "2026-Q3"), 6),
        ("Q1 en Q2", ("2026-Q1", "2026-Q2"), 6),
        ("Q2 en Q3", ("2026-Q2", "2026-Q3"), 6),
        ("2026", ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"), 12),
        ("Vaarseizoen 2026", ("2026-Q2", "2026-Q3", "2026-Q4"), 7),  # april to october
        ("januari t/m maart", ("2026-Q1",), 3),
        ("eerste kwartaal 2027", ("2027-Q1",), 3),
        ("najaar", ("2026-Q3", "2026-Q4"), 3),
        ("donkere dagen", ("2026-Q1", "2026-Q4"), 6),
        ("oktober-februari", ("2026-Q4", "2027-Q1"), 5),
        ("2026-2027", tuple(f"{y}-Q{q}" for y in (2026, 2027) for q in (1, 2, 3, 4)), 24),
        ("doorlopend", ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"), 12),
    ],
)
def test_plannings_as_written_become_months(text, quarters, months):
    schedule = parse_planning(text, 2026)
    assert schedule.parsed
    assert schedule.quarters == quarters
    assert len(schedule.months) == months


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # seed 004 (Westerveld IVP 2023-2027) writes its plannings as periods of the plan
        ("de komende vijf jaar", "2023-01", "2027-12"),
        ("de komende vijf jaren", "2023-01", "2027-12"),
        ("de komende jaren", "2023-01", "2027-12"),
        ("2023-2027", "2023-01", "2027-12"),
        ("tot eind 2024", "2023-01", "2024-12"),
        ("in 2022", "2022-01", "2022-12"),
    ],
)
def test_plannings_of_seed_004_read_against_the_plan_period(text, first, last):
    schedule = parse_planning(text, 2023, period=(2023, 2027))
    assert (schedule.months[0], schedule.last_month) == (first, last)


@pytest.mark.parametrize(
    "text",
    [
        "We volgen het landelijke programma van MMA.",
        "",
        "veel",
        "binnenkort",
        "Q5",
        "Q1 en later",
        "na de zomer misschien",
        "de komende jaren",  # without a plan period there is nothing to read it against
    ],
)
def test_what_cannot_be_read_is_kept_and_flagged(text):
    schedule = parse_planning(text, 2026)
    assert not schedule.parsed
    assert schedule.months == ()
    assert schedule.text == text


def test_a_planning_outside_the_plan_year_is_told():
    assert not parse_planning("Q1 2027", 2026).within(2026, 2026)
    assert parse_planning("Q4", 2026).within(2026, 2026)
