"""Writes for the integral safety plan. A vastgesteld plan is never changed: a change starts a
new version, a concept copy of it (`plan_new_version`)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from ivp.common import revisions
from ivp.planning.policy.models import (
    ApproachLine,
    Objective,
    Party,
    PolicyPlan,
    Priority,
    RegionalPriority,
)
from ivp.planning.policy.models.plan import MOST_PRIORITIES
from ivp.planning.workflow import adoption
from ivp.planning.workflow.adoption import ensure_draft
from ivp.planning.workflow.locking import claim
from ivp.planning.workflow.records import claimed_or_new, create_valid, next_order, save_fields

PLAN_FIELDS = (
    "title",
    "start_year",
    "end_year",
    "mission",
    "vision",
    "strategic_objectives",
    "principles",
    "communication",
    "formation",
    "finances",
)


def parties_named(names) -> list[Party]:
    """Parties by name, created when new; names are organisations, never persons."""
    cleaned = []
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in {c.casefold() for c in cleaned}:
            cleaned.append(name)
    wanted = Q()
    for name in cleaned:
        wanted |= Q(name__iexact=name)
    existing = {p.name.casefold(): p for p in Party.objects.filter(wanted)} if cleaned else {}
    return [existing.get(n.casefold()) or Party.objects.create(name=n) for n in cleaned]


def replace_lines(*, owner: dict, texts: list[str]) -> None:
    """The approach lines of a priority or shared priority, in the given order."""
    revisions.bump(revisions.PLANS)  # bulk_create sends no signal
    ApproachLine.objects.filter(**owner).delete()
    ApproachLine.objects.bulk_create(
        [
            ApproachLine(text=text.strip(), order=order, **owner)
            for order, text in enumerate(texts, start=1)
            if text.strip()
        ]
    )


@transaction.atomic
def plan_create(
    *,
    municipality,
    title: str,
    start_year: int,
    end_year: int,
    cycle=None,
    chosen_themes=(),
    frameworks=(),
    **texts,
) -> PolicyPlan:
    """A concept plan; every theme the council chose becomes a priority to write out."""
    plan = create_valid(
        PolicyPlan,
        municipality=municipality,
        cycle=cycle,
        title=title,
        start_year=start_year,
        end_year=end_year,
        **texts,
    )
    plan.frameworks.set(frameworks)
    for order, theme in enumerate(chosen_themes, start=1):
        Priority.objects.create(plan=plan, order=order, title=theme.name, theme=theme)
    return plan


@transaction.atomic
def plan_update(
    *, plan: PolicyPlan, frameworks=None, expected_version: int | None = None, **values
) -> PolicyPlan:
    ensure_draft(plan)
    claim(plan, expected_version)
    save_fields(plan, values, PLAN_FIELDS)
    if frameworks is not None:
        plan.frameworks.set(frameworks)
    return plan


@transaction.atomic
def priority_save(
    *,
    plan: PolicyPlan,
    priority: Priority | None = None,
    title: str,
    kind: str = Priority.Kind.PRIORITEIT,
    theme=None,
    description: str = "",
    ambition: str = "",
    parties: list[str] = (),
    approach: list[str] | None = None,
    confirm_more: bool = False,
    expected_version: int | None = None,
) -> Priority:
    ensure_draft(plan)
    becomes_priority = kind == Priority.Kind.PRIORITEIT and (
        priority is None or priority.kind != Priority.Kind.PRIORITEIT
    )
    if becomes_priority and not confirm_more:
        _check_room_for_a_priority(plan)
    priority = claimed_or_new(
        priority, expected_version, siblings=plan.priorities.filter(kind=kind), plan=plan
    )
    priority.title, priority.kind, priority.theme = title, kind, theme
    priority.description, priority.ambition = description, ambition
    save_with_parties(priority, parties=parties, approach=approach, owner_field="priority")
    return priority


def save_with_parties(item, *, parties: list[str], approach: list[str] | None, owner_field: str):
    """Validate and save a priority or shared priority, then its parties and (when given) its
    approach lines."""
    item.full_clean()
    item.save()
    item.parties.set(parties_named(parties))
    if approach is not None:
        replace_lines(owner={owner_field: item}, texts=approach)


def _check_room_for_a_priority(plan: PolicyPlan) -> None:
    count = plan.priorities.filter(kind=Priority.Kind.PRIORITEIT).count()
    if count >= MOST_PRIORITIES:
        raise ValidationError(
            _(
                "This plan already has %(count)s priorities; Kernbeleid Veiligheid advises at "
                "most %(most)s. Confirm that the plan gets one more, or add it as another theme."
            )
            % {"count": count, "most": MOST_PRIORITIES},
            code="too_many",
        )


@transaction.atomic
def priority_delete(*, priority: Priority) -> None:
    ensure_draft(priority.plan)
    priority.delete()


@transaction.atomic
def objective_save(
    *,
    priority: Priority | None = None,
    regional_priority: RegionalPriority | None = None,
    objective: Objective | None = None,
    text: str,
    qualitative: bool = False,
    indicator=None,
    baseline_value: float | None = None,
    baseline_year: int | None = None,
    target_value: float | None = None,
    target_year: int | None = None,
    expected_version: int | None = None,
) -> Objective:
    """An objective of a municipal priority or of a shared regional priority."""
    if priority is not None:
        ensure_draft(priority.plan)
    owner = {"priority": priority, "regional_priority": regional_priority}
    siblings = Objective.objects.filter(**{k: v for k, v in owner.items() if v})
    objective = claimed_or_new(objective, expected_version, siblings=siblings, **owner)
    objective.text, objective.qualitative, objective.indicator = text, qualitative, indicator
    objective.baseline_value, objective.baseline_year = baseline_value, baseline_year
    objective.target_value, objective.target_year = target_value, target_year
    objective.full_clean()
    objective.save()
    return objective


@transaction.atomic
def objective_delete(*, objective: Objective) -> None:
    if objective.priority_id:
        ensure_draft(objective.priority.plan)
    objective.delete()


@transaction.atomic
def shared_priority_adopt(
    *, plan: PolicyPlan, shared: RegionalPriority, confirm_more: bool = False
) -> Priority:
    """Adopt a region's shared priority by link: its objectives stay the region's, so a change
    there shows in every member's plan; the municipality adds local objectives to it."""
    ensure_draft(plan)
    if not shared.region.members.filter(pk=plan.municipality_id).exists():
        raise ValidationError(
            _("%(municipality)s is not a member of %(region)s.")
            % {"municipality": plan.municipality.name, "region": shared.region.name}
        )
    if plan.priorities.filter(shared=shared).exists():
        raise ValidationError(_("This plan already adopts “%s”.") % shared.title)
    if not confirm_more:
        _check_room_for_a_priority(plan)
    order = next_order(plan.priorities.filter(kind=Priority.Kind.PRIORITEIT))
    return Priority.objects.create(
        plan=plan, order=order, title=shared.title, theme=shared.theme, shared=shared
    )


def plan_adopt(
    *,
    plan: PolicyPlan,
    adopted_on: date,
    adopted_by: str,
    decision_reference: str,
    expected_version: int | None = None,
) -> PolicyPlan:
    return adoption.adopt(
        plan,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        decision_reference=decision_reference,
        expected_version=expected_version,
        ready=_has_priorities,
    )


def _has_priorities(plan: PolicyPlan) -> None:
    if not plan.priorities.filter(kind=Priority.Kind.PRIORITEIT).exists():
        raise ValidationError(_("A plan without priorities cannot be adopted."))


def plan_new_version(*, plan: PolicyPlan) -> PolicyPlan:
    """A concept copy of an adopted plan, with every priority, objective, approach line and
    party, to change and adopt again; the adopted version stays as it was."""
    return adoption.new_version(plan, copy_children=_copy_contents)


def _copy_contents(plan: PolicyPlan, copy: PolicyPlan) -> None:
    copy.frameworks.set(plan.frameworks.all())
    for priority in plan.priorities.prefetch_related("parties", "objectives", "approachlines"):
        parties = list(priority.parties.all())
        objectives = list(priority.objectives.all())
        lines = list(priority.approachlines.all())
        priority.pk = None
        priority.plan = copy
        priority._prefetched_objects_cache = {}  # else set() sees the old plan's parties
        priority.save()
        priority.parties.set(parties)
        for item in objectives + lines:
            item.pk = None
            item.priority = priority
            item.save()
