"""Writes for a policy cycle: create it with its seven steps, edit a step, the work group."""

from django.db import transaction

from ivp.planning.policy.models import CycleStep, PolicyCycle, Prioritisation, WorkGroupMember
from ivp.planning.workflow.locking import claim
from ivp.planning.workflow.records import create_valid, save_fields


@transaction.atomic
def cycle_create(
    *,
    municipality,
    name: str,
    plan_start_year: int,
    plan_end_year: int,
    hours_budget_low: int | None = None,
    hours_budget_high: int | None = None,
    notes: str = "",
) -> PolicyCycle:
    """A cycle with all seven Kernbeleid Veiligheid steps, not started, for the dates to follow,
    and its prioritisation with the default weights (so that opening that page only reads)."""
    cycle = create_valid(
        PolicyCycle,
        municipality=municipality,
        name=name,
        plan_start_year=plan_start_year,
        plan_end_year=plan_end_year,
        hours_budget_low=hours_budget_low,
        hours_budget_high=hours_budget_high,
        notes=notes,
    )
    for order, (kind, _label) in enumerate(CycleStep.Kind.choices, start=1):
        CycleStep.objects.create(cycle=cycle, kind=kind, order=order)
    Prioritisation.objects.create(cycle=cycle)
    return cycle


STEP_FIELDS = (
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "owner",
    "status",
    "hours_budgeted",
    "hours_spent",
    "decided_by",
    "decision_date",
    "decision_date_unstated",
    "decision_reference",
    "decision_reference_unstated",
    "notes",
)


@transaction.atomic
def step_update(*, step: CycleStep, expected_version: int | None = None, **values) -> CycleStep:
    claim(step, expected_version)
    save_fields(step, values, STEP_FIELDS)
    return step


@transaction.atomic
def work_group_add(
    *, cycle: PolicyCycle, role: str, organisation: str, hours_budgeted: int | None = None
) -> WorkGroupMember:
    member = WorkGroupMember(
        cycle=cycle, role=role, organisation=organisation, hours_budgeted=hours_budgeted
    )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def work_group_remove(*, member: WorkGroupMember) -> None:
    member.delete()
