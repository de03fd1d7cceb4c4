"""The uitvoeringsplan check: its actions (parties, planning, owner, budget) and the objectives
of its IVP that no action serves, on top of the IVP's own check."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy

from ivp.figures import formatting
from ivp.planning.execution.models import Action, ActionPlan
from ivp.planning.policy import lint as policy_lint
from ivp.planning.policy.models import Priority
from ivp.planning.workflow.lint import FAULT, INFO, WARNING, Finding, Kind, objective_finding

NO_PARTIES = Kind(
    "action-no-parties",
    ngettext_lazy(
        "%(count)s action has no parties.", "%(count)s actions have no parties.", "count"
    ),
    gettext_lazy("Name for each the organisations that carry it out."),
)
NO_OWNER = Kind(
    "action-no-owner",
    ngettext_lazy("%(count)s action has no owner.", "%(count)s actions have no owner.", "count"),
    gettext_lazy("Name for each a role or party that pulls it (never a person's name)."),
)
PLANNING_UNREAD = Kind(
    "action-planning-unread",
    ngettext_lazy(
        "%(count)s action has a planning that is not a period.",
        "%(count)s actions have a planning that is not a period.",
        "count",
    ),
    gettext_lazy("Write each as quarters, months or a year, e.g. Q2, januari t/m maart, 2026."),
)
PLANNED_OUTSIDE = Kind(
    "action-planned-outside",
    ngettext_lazy(
        "%(count)s action is planned outside the plan's years.",
        "%(count)s actions are planned outside the plan's years.",
        "count",
    ),
    gettext_lazy("Plan them within the plan's years, or move them to the plan of their year."),
)
NO_OBJECTIVE = Kind(
    "action-no-objective",
    ngettext_lazy(
        "%(count)s action serves no objective of the plan.",
        "%(count)s actions serve no objective of the plan.",
        "count",
    ),
    gettext_lazy(
        "Link each to the objective of its theme it contributes to (in the action's form they "
        "come first), or leave it unlinked: then the progress report cannot say which objective "
        "it brings closer."
    ),
)
OBJECTIVE_WITHOUT_ACTION = Kind(
    "objective-without-action",
    ngettext_lazy(
        "%(count)s objective of the plan has no action in this implementation plan.",
        "%(count)s objectives of the plan have no action in this implementation plan.",
        "count",
    ),
    gettext_lazy("Add an action for each, or explain in the theme's look-back why not this year."),
)


def lint(action_plan: ActionPlan, *, picture=None) -> list[Finding]:
    """The findings of this uitvoeringsplan and of the IVP it carries out."""
    actions = list(
        Action.objects.filter(theme__action_plan=action_plan)
        .select_related("theme__priority", "theme__focus_area", "objective")
        .prefetch_related("party_links")
    )

    def action_checks(priorities):
        return [
            *_actions(action_plan, actions),
            *_objectives_without_actions(_objectives_in(action_plan, priorities), actions),
            _totals(action_plan, actions),
        ]

    return policy_lint.lint(action_plan.policy_plan, more_checks=action_checks, picture=picture)


def _actions(action_plan: ActionPlan, actions: list[Action]) -> list[Finding]:
    findings = []
    for action in actions:
        element = _("Action “%(item)s”") % {"item": action.item}
        if not action.ordered_parties:
            findings.append(
                Finding(
                    FAULT,
                    element,
                    _("has no parties."),
                    _("Name the organisations that carry it out."),
                    NO_PARTIES,
                )
            )
        if not action.owner.strip():
            findings.append(
                Finding(
                    FAULT,
                    element,
                    _("has no owner."),
                    _("Name a role or party that pulls it (never a person's name)."),
                    NO_OWNER,
                )
            )
        schedule = action.schedule
        if not schedule.parsed:
            findings.append(
                Finding(
                    FAULT,
                    element,
                    _("has a planning that is not a period: “%(text)s”.")
                    % {"text": action.planning_text or "—"},
                    _("Write it as quarters, months or a year, e.g. Q2, januari t/m maart, 2026."),
                    PLANNING_UNREAD,
                )
            )
        elif not schedule.within(action_plan.start_year, action_plan.end_year):
            findings.append(
                Finding(
                    FAULT,
                    element,
                    _("is planned outside %(period)s (%(text)s).")
                    % {"period": action_plan.period, "text": action.planning_text},
                    _("Plan it within the plan's years, or move it to the plan of its year."),
                    PLANNED_OUTSIDE,
                )
            )
        if action.objective_id is None:
            findings.append(
                Finding(
                    WARNING,
                    element,
                    _("serves no objective."),
                    _("Link it to the objective of its theme it contributes to."),
                    NO_OBJECTIVE,
                )
            )
    return findings


def _objectives_in(action_plan: ActionPlan, priorities: list[Priority]) -> list:
    """The IVP's objectives its themes work toward: a speerpunt's theme only the speerpunt's (a
    plan per priority or speerpunt answers for its own part of the IVP)."""
    pairs = set(action_plan.themes.values_list("priority_id", "focus_area_id"))
    whole = {priority for priority, focus_area in pairs if focus_area is None}
    parts = {focus_area for _priority, focus_area in pairs if focus_area is not None}
    return [
        objective
        for priority in priorities
        for objective in priority.objectives.all()
        if priority.pk in whole or objective.focus_area_id in parts
    ]


def _objectives_without_actions(objectives: list, actions: list[Action]) -> list[Finding]:
    served = {a.objective_id for a in actions if a.objective_id}
    findings = []
    for objective in objectives:
        if objective.pk not in served:
            findings.append(
                objective_finding(
                    WARNING,
                    objective,
                    _("has no action in this implementation plan."),
                    _(
                        "Add an action for it, or explain in the theme's look-back why not this year."
                    ),
                    OBJECTIVE_WITHOUT_ACTION,
                )
            )
    return findings


def _totals(action_plan: ActionPlan, actions: list[Action]) -> Finding:
    budget = sum((a.budget for a in actions if a.budget is not None), Decimal(0))
    hours = sum(a.hours or 0 for a in actions)
    missing = sum(1 for a in actions if a.budget is None and a.hours is None)
    return Finding(
        INFO,
        action_plan.title,
        _("%(count)s actions; budget € %(budget)s, %(hours)s hours in total.")
        % {
            "count": len(actions),
            "budget": formatting.decimal(float(budget), 2),
            "hours": hours,
        },
        _("%(missing)s actions have neither budget nor hours.") % {"missing": missing}
        if missing
        else "",
    )
