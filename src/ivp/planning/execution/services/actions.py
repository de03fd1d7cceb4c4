"""Writes for the uitvoeringsplan: the plan with a theme per priority and other theme of the
IVP, actions with their planning read into months, and "next year" carrying running actions."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress
from ivp.planning.execution.models import Action, ActionPlan, ActionPlanTheme
from ivp.planning.execution.scope import refuse_overlap, scope_for
from ivp.planning.policy.models import PolicyPlan
from ivp.planning.policy.services.parties import parties_as_written, set_parties
from ivp.planning.workflow import adoption
from ivp.planning.workflow.adoption import ensure_draft
from ivp.planning.workflow.chapters import copy_chapters
from ivp.planning.workflow.locking import claim
from ivp.planning.workflow.records import claimed_or_new
from ivp.planning.workflow.schedule import parse_planning

RUNNING = (Action.Status.GEPLAND, Action.Status.LOPEND, Action.Status.VERTRAAGD)


@transaction.atomic
def action_plan_create(
    *,
    policy_plan: PolicyPlan,
    start_year: int,
    end_year: int | None = None,
    title: str = "",
    priorities=(),
    focus_areas=(),
    scope: str = "",
) -> ActionPlan:
    """A draft plan for one year (or two), with a theme for every priority and other theme of
    the IVP, or for the chosen priorities and speerpunten only: a municipality may make one
    plan per priority or speerpunt, told apart by `scope` in their address."""
    end_year = end_year or start_year
    municipality = policy_plan.municipality
    themes = _chosen_themes(policy_plan, list(priorities), list(focus_areas))
    partial = bool(priorities or focus_areas)
    chosen = [focus_area or priority for priority, focus_area in themes]
    scope = scope_for(chosen if partial else [], scope)
    period = _period(start_year, end_year)
    plan = ActionPlan(
        municipality=municipality,
        policy_plan=policy_plan,
        start_year=start_year,
        end_year=end_year,
        scope=scope,
        title=title or _default_title(period, chosen if partial else []),
    )
    taken = ValidationError(
        _(
            "%(municipality)s already has an implementation plan %(address)s; give this one "
            "another short name in its address."
        )
        % {"municipality": municipality.name, "address": plan.address}
        if scope
        else _("%(municipality)s already has an implementation plan for %(year)s.")
        % {"municipality": municipality.name, "year": start_year}
    )
    plan.full_clean(validate_constraints=False)  # in the IVP's period: ActionPlan.clean()
    # a part chosen twice is the cause of its address being taken: say that first
    address_taken = execution_selectors.has_plan_at(municipality, PlanAddress(start_year, scope))
    if address_taken and not partial:
        raise taken
    refuse_overlap(municipality, start_year, end_year, themes)
    if address_taken:
        raise taken
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:  # created by someone else since the check above
        raise taken from None
    for order, (priority, focus_area) in enumerate(themes, start=1):
        ActionPlanTheme.objects.create(
            action_plan=plan, priority=priority, focus_area=focus_area, order=order
        )
    return plan


def _chosen_themes(policy_plan: PolicyPlan, priorities: list, focus_areas: list) -> list[tuple]:
    """(priority, speerpunt or None) per theme in the IVP's order: priorities first
    ("prioriteit" sorts after "overig"), then the other themes; a speerpunt after its priority."""
    ordered = list(policy_plan.priorities.order_by("-kind", "order", "pk"))
    wanted = {p.pk for p in priorities}
    by_priority: dict[int, list] = {}
    for focus_area in sorted(focus_areas, key=lambda f: (f.order, f.pk)):
        by_priority.setdefault(focus_area.priority_id, []).append(focus_area)
    known = {p.pk for p in ordered}
    if not wanted <= known or not set(by_priority) <= known:
        raise ValidationError(_("Choose priorities of %(plan)s.") % {"plan": policy_plan.title})
    if not wanted and not by_priority:
        return [(priority, None) for priority in ordered]
    themes = []
    for priority in ordered:
        if priority.pk in wanted:
            themes.append((priority, None))
        else:  # a whole priority already holds its speerpunten
            themes.extend((priority, focus_area) for focus_area in by_priority.get(priority.pk, ()))
    return themes


def _default_title(period: str, chosen: list) -> str:
    title = _("Implementation plan integral safety %(period)s") % {"period": period}
    return f"{title}: {chosen[0].title}" if len(chosen) == 1 else title


@transaction.atomic
def action_save(
    *,
    theme: ActionPlanTheme,
    action: Action | None = None,
    item: str,
    description: str = "",
    parties: list[str] = (),
    planning_text: str = "",
    owner: str = "",
    budget: Decimal | None = None,
    hours: int | None = None,
    expected_result: str = "",
    objective=None,
    indicator=None,
    status: str = Action.Status.GEPLAND,
    expected_version: int | None = None,
) -> Action:
    plan = theme.action_plan
    ensure_draft(plan)
    action = claimed_or_new(action, expected_version, siblings=theme.actions.all(), theme=theme)
    schedule = parse_planning(
        planning_text,
        plan.start_year,
        period=(plan.policy_plan.start_year, plan.policy_plan.end_year),
    )
    action.item, action.description, action.planning_text = item, description, planning_text
    action.planning_months = list(schedule.months)
    action.owner, action.budget, action.hours = owner, budget, hours
    action.expected_result, action.objective, action.indicator = (
        expected_result,
        objective,
        indicator,
    )
    action.status = status
    action.full_clean()
    action.save()
    set_parties(action, parties_as_written(parties))
    return action


UPDATABLE = (
    "item",
    "description",
    "parties",
    "planning_text",
    "owner",
    "budget",
    "hours",
    "expected_result",
    "status",
)


@transaction.atomic
def action_update(*, action: Action, expected_version: int, **changes) -> Action:
    """Change some fields of an action (the API's PATCH); the others keep their values. The
    edit names the version it was based on: someone's save since is refused (EditConflict)."""
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise TypeError(f"action_update() cannot change {', '.join(sorted(unknown))}")
    # The fields kept are read under the row lock, so a save that landed since the caller
    # read the action is neither lost nor mistaken for the version the caller names.
    action = (
        Action.objects.select_for_update(of=("self",))
        .select_related("theme__action_plan__policy_plan", "objective", "indicator")
        .get(pk=action.pk)
    )
    current = {
        "item": action.item,
        "description": action.description,
        "parties": action.party_names,
        "planning_text": action.planning_text,
        "owner": action.owner,
        "budget": action.budget,
        "hours": action.hours,
        "expected_result": action.expected_result,
        "status": action.status,
    }
    return action_save(
        theme=action.theme,
        action=action,
        objective=action.objective,
        indicator=action.indicator,
        expected_version=expected_version,
        **{**current, **changes},
    )


@transaction.atomic
def action_plan_next_year(*, action_plan: ActionPlan) -> ActionPlan:
    """Next year's draft, with the same themes and every running action carried over (planned,
    running or delayed), linked to the action it continues so its history stays readable."""
    old_themes = list(action_plan.themes.select_related("priority", "focus_area"))
    partial = {"priorities": (), "focus_areas": ()}
    if action_plan.scope:  # a plan of some priorities or speerpunten: the same ones again
        partial = {
            "priorities": [t.priority for t in old_themes if t.focus_area is None],
            "focus_areas": [t.focus_area for t in old_themes if t.focus_area is not None],
        }
    following = action_plan_create(
        policy_plan=action_plan.policy_plan,
        start_year=action_plan.end_year + 1,
        end_year=action_plan.end_year + 1 + (action_plan.end_year - action_plan.start_year),
        scope=action_plan.scope,
        title=_next_title(action_plan) if action_plan.scope else "",
        **partial,
    )
    themes = {(t.priority_id, t.focus_area_id): t for t in following.themes.all()}
    for old_theme in old_themes:
        theme = themes.get((old_theme.priority_id, old_theme.focus_area_id))
        if theme is None:
            continue
        running = old_theme.actions.filter(status__in=RUNNING)
        for action in running.prefetch_related("party_links"):
            parties = action.written_parties
            carried = Action.objects.get(pk=action.pk)
            carried.pk = None
            carried.theme = theme
            carried.carried_from = action
            carried.lock_version = 0
            carried.planning_months = list(
                parse_planning(
                    carried.planning_text,
                    following.start_year,
                    period=(following.policy_plan.start_year, following.policy_plan.end_year),
                ).months
            )
            carried.save()
            set_parties(carried, parties)
    return following


def _next_title(action_plan: ActionPlan) -> str:
    """A partial plan's title with its years moved on ("… 2026: Ondermijning" → "… 2027: …")."""
    years = action_plan.end_year - action_plan.start_year + 1
    old, new = (
        action_plan.period,
        _period(action_plan.start_year + years, action_plan.end_year + years),
    )
    return action_plan.title.replace(old, new) if old in action_plan.title else ""


def _period(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


@transaction.atomic
def lookback_save(
    *,
    theme: ActionPlanTheme,
    lookback: str,
    introduction: str | None = None,
    expected_version: int | None = None,
) -> ActionPlanTheme:
    """The coordinator's look-back for a theme (often edited from the drafted one), and the
    theme's introduction for the document when given."""
    ensure_draft(theme.action_plan)
    claim(theme, expected_version)
    theme.lookback = lookback.strip()
    if introduction is not None:
        theme.introduction = introduction.strip()
    theme.save(update_fields=["lookback", "introduction", "lock_version"])
    return theme


def action_plan_adopt(
    *,
    action_plan: ActionPlan,
    adopted_on,
    adopted_by: str = "college",
    decision_reference: str,
    adopted_on_unstated: bool = False,
    decision_reference_unstated: bool = False,
    expected_version: int | None = None,
) -> ActionPlan:
    return adoption.adopt(
        action_plan,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        decision_reference=decision_reference,
        adopted_on_unstated=adopted_on_unstated,
        decision_reference_unstated=decision_reference_unstated,
        expected_version=expected_version,
    )


def action_plan_new_version(*, action_plan: ActionPlan) -> ActionPlan:
    """A draft copy of an adopted plan, with its themes, look-backs and actions (their status
    too); the adopted version stays as it was, with the progress reported on it."""
    return adoption.new_version(action_plan, copy_children=_copy_themes_and_actions)


def _copy_themes_and_actions(action_plan: ActionPlan, copy: ActionPlan) -> None:
    copy_chapters(action_plan, copy)
    for theme in action_plan.themes.prefetch_related("actions__party_links"):
        actions = list(theme.actions.all())
        theme.pk, theme.action_plan, theme.lock_version = None, copy, 0
        theme.save()
        for action in actions:
            parties = action.written_parties
            action.pk, action.theme, action.lock_version = None, theme, 0
            action._prefetched_objects_cache = {}
            action.save()
            set_parties(action, parties)


@transaction.atomic
def dashboard_settings_save(
    *,
    action_plan: ActionPlan,
    rollup_weight: str,
    dashboard_published: bool,
    expected_version: int | None = None,
) -> ActionPlan:
    """How the dashboard weighs actions and whether it is published (once adopted)."""
    claim(action_plan, expected_version)
    action_plan.rollup_weight = rollup_weight
    action_plan.dashboard_published = dashboard_published
    action_plan.save(update_fields=["rollup_weight", "dashboard_published", "lock_version"])
    return action_plan
