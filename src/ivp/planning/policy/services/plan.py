"""Writes for the integral safety plan. A vastgesteld plan is never changed: a change starts a
new version, a concept copy of it (`plan_new_version`)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ivp.planning.policy.models import (
    ApproachLine,
    FocusArea,
    Objective,
    PolicyPlan,
    Priority,
    RegionalLink,
    RegionalPriority,
)
from ivp.planning.policy.models.plan import MOST_PRIORITIES
from ivp.planning.policy.services.parties import parties_as_written, set_parties
from ivp.planning.workflow import adoption
from ivp.planning.workflow.adoption import ensure_draft
from ivp.planning.workflow.chapters import copy_chapters
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


def replace_lines(*, owner: dict, texts: list[str]) -> None:
    """The approach lines of a priority, a speerpunt or a shared priority, in the given order.
    A line kept keeps its record; a line changed, added, moved or dropped leaves its history."""
    wanted = [text.strip() for text in texts if text.strip()]
    if "priority" in owner and "focus_area" not in owner:
        owner = {**owner, "focus_area": None}  # the priority's own lines, not its speerpunten's
    present = list(ApproachLine.objects.filter(**owner).order_by("order", "pk"))
    for line in present[len(wanted) :]:
        line.delete()
    for order, text in enumerate(wanted, start=1):
        line = present[order - 1] if order <= len(present) else ApproachLine(**owner)
        if line.pk is None or (line.text, line.order) != (text, order):
            line.text, line.order = text, order
            line.save()


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
    *,
    plan: PolicyPlan,
    frameworks=None,
    going_concern=None,
    expected_version: int | None = None,
    **values,
) -> PolicyPlan:
    ensure_draft(plan)
    claim(plan, expected_version)
    save_fields(plan, values, PLAN_FIELDS)
    if frameworks is not None:
        plan.frameworks.set(frameworks)
    if going_concern is not None:
        plan.going_concern.set(going_concern)
    return plan


@transaction.atomic
def priority_save(
    *,
    plan: PolicyPlan,
    priority: Priority | None = None,
    title: str,
    kind: str = Priority.Kind.PRIORITEIT,
    theme=None,
    extra_themes=None,
    frameworks=None,
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
    if extra_themes is not None:
        priority.extra_themes.set([t for t in extra_themes if t != theme])
    if frameworks is not None:
        priority.frameworks.set(frameworks)
    return priority


def save_with_parties(item, *, parties: list[str], approach: list[str] | None, owner_field: str):
    """Validate and save a priority, speerpunt or shared priority, then its parties and (when
    given) its approach lines."""
    item.full_clean()
    item.save()
    set_parties(item, parties_as_written(parties))
    if approach is not None:
        owner = {owner_field: item}
        if owner_field == "focus_area":
            owner["priority"] = item.priority
        replace_lines(owner=owner, texts=approach)


@transaction.atomic
def focus_area_save(
    *,
    priority: Priority,
    focus_area: FocusArea | None = None,
    title: str,
    introduction: str = "",
    ambition: str = "",
    goal: str = "",
    means: str = "",
    parties: list[str] = (),
    approach: list[str] | None = None,
    expected_version: int | None = None,
) -> FocusArea:
    """A speerpunt of a priority, with its texts, parties and approach."""
    ensure_draft(priority.plan)
    focus_area = claimed_or_new(
        focus_area, expected_version, siblings=priority.focus_areas.all(), priority=priority
    )
    focus_area.title, focus_area.introduction = title, introduction
    focus_area.ambition, focus_area.goal, focus_area.means = ambition, goal, means
    save_with_parties(focus_area, parties=parties, approach=approach, owner_field="focus_area")
    return focus_area


@transaction.atomic
def regional_link_save(
    *,
    priority: Priority,
    regional_priority: RegionalPriority,
    focus_area: FocusArea | None = None,
    contribution: str = "",
) -> RegionalLink:
    """The municipality works on a shared regional priority inside one of its own priorities
    (or a speerpunt of it): no priority is added."""
    plan = priority.plan
    ensure_draft(plan)
    _check_member(plan, regional_priority)
    link = RegionalLink.objects.filter(priority=priority, regional_priority=regional_priority)
    link = link.first() or RegionalLink(
        priority=priority,
        regional_priority=regional_priority,
        order=next_order(priority.regional_links.all()),
    )
    link.focus_area, link.contribution = focus_area, contribution
    link.full_clean()
    link.save()
    return link


def _check_member(plan: PolicyPlan, shared: RegionalPriority) -> None:
    if not shared.region.members.filter(pk=plan.municipality_id).exists():
        raise ValidationError(
            _("%(municipality)s is not a member of %(region)s.")
            % {"municipality": plan.municipality.name, "region": shared.region.name}
        )


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
def objective_save(
    *,
    priority: Priority | None = None,
    regional_priority: RegionalPriority | None = None,
    objective: Objective | None = None,
    focus_area: FocusArea | None = None,
    text: str,
    kind: str = "",
    direction: str = "",
    indicator=None,
    baseline_value: float | None = None,
    baseline_year: int | None = None,
    target_value: float | None = None,
    target_year: int | None = None,
    per_year: bool = False,
    unit: str = "",
    themes=None,
    expected_version: int | None = None,
) -> Objective:
    """An objective of a municipal priority (or a speerpunt of it) or of a shared regional
    priority."""
    if priority is not None:
        ensure_draft(priority.plan)
    owner = {"priority": priority, "regional_priority": regional_priority}
    siblings = Objective.objects.filter(**{k: v for k, v in owner.items() if v})
    objective = claimed_or_new(objective, expected_version, siblings=siblings, **owner)
    objective.focus_area = focus_area
    if not kind and None not in (indicator, baseline_value, target_value):
        kind = Objective.Kind.EFFECT  # the numbers say it: from the baseline toward the target
        direction = direction or _direction_between(baseline_value, target_value)
    objective.text, objective.kind, objective.direction = text, kind, direction
    objective.indicator = indicator
    objective.baseline_value, objective.baseline_year = baseline_value, baseline_year
    objective.target_value, objective.target_year = target_value, target_year
    objective.per_year, objective.unit = per_year, unit
    objective.full_clean()
    objective.save()
    if themes is not None:
        objective.themes.set(themes)
    return objective


def _direction_between(baseline: float, target: float) -> str:
    if target < baseline:
        return Objective.Direction.DECREASE
    if target > baseline:
        return Objective.Direction.INCREASE
    return Objective.Direction.AT_LEAST


@transaction.atomic
def shared_priority_adopt(
    *, plan: PolicyPlan, shared: RegionalPriority, confirm_more: bool = False
) -> Priority:
    """Adopt a region's shared priority by link: its objectives stay the region's, so a change
    there shows in every member's plan; the municipality adds local objectives to it."""
    ensure_draft(plan)
    _check_member(plan, shared)
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
    adopted_on: date | None,
    adopted_by: str,
    decision_reference: str,
    adopted_on_unstated: bool = False,
    decision_reference_unstated: bool = False,
    expected_version: int | None = None,
) -> PolicyPlan:
    return adoption.adopt(
        plan,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        decision_reference=decision_reference,
        adopted_on_unstated=adopted_on_unstated,
        decision_reference_unstated=decision_reference_unstated,
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
    copy_chapters(plan, copy)
    copy.frameworks.set(plan.frameworks.all())
    copy.going_concern.set(plan.going_concern.all())
    priorities = plan.priorities.prefetch_related(
        "party_links",
        "extra_themes",
        "frameworks",
        "objectives__themes",
        "approachlines",
        "regional_links",
        "focus_areas__party_links",
    )
    for priority in priorities:
        parties, extra_themes = priority.written_parties, list(priority.extra_themes.all())
        frameworks = list(priority.frameworks.all())
        focus_areas = [(f, f.written_parties) for f in priority.focus_areas.all()]
        parts = [*priority.approachlines.all(), *priority.regional_links.all()]
        objectives = [(o, list(o.themes.all())) for o in priority.objectives.all()]
        new = _copy(priority, parties=parties, extra_themes=extra_themes, plan=copy)
        new.frameworks.set(frameworks)
        copied = {}
        for focus_area, its_parties in focus_areas:
            old = focus_area.pk
            copied[old] = _copy(focus_area, parties=its_parties, priority=new)
        for part in parts:
            _copy(part, priority=new, focus_area=copied.get(part.focus_area_id))
        for objective, themes in objectives:
            focus_area = copied.get(objective.focus_area_id)
            _copy(objective, themes=themes, priority=new, focus_area=focus_area)


def _copy(item, *, parties=None, themes=None, extra_themes=None, **fields):
    """A saved copy of `item` with `fields` changed and its many-to-many lists set again."""
    item.pk = None
    item._state.adding = True
    item._prefetched_objects_cache = {}  # else set() sees the old record's lists
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    if parties is not None:
        set_parties(item, parties)
    for name, values in (("themes", themes), ("extra_themes", extra_themes)):
        if values is not None:
            getattr(item, name).set(values)
    return item
