"""The plan linter: what a careful reviewer would point out in an IVP and its uitvoeringsplan
before they go to the council or the college. Every finding names the element and how to
mend it. Used by `ivp lint` and the panel on the plan pages."""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import Truncator, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from ivp.figures import formatting, safety_picture

from .models import Action, ActionPlan, PolicyPlan, Priority

FAULT, WARNING, INFO = "fout", "waarschuwing", "info"


@dataclass(frozen=True)
class Finding:
    level: str
    element: str
    message: str
    mend: str

    def __str__(self) -> str:
        return f"[{self.level}] {self.element}: {self.message} {self.mend}".strip()


def lint(
    policy_plan: PolicyPlan, action_plan: ActionPlan | None = None, *, picture=None
) -> list[Finding]:
    findings: list[Finding] = []
    priorities = list(
        policy_plan.priorities.prefetch_related("objectives", "shared__objectives").select_related(
            "theme"
        )
    )
    main = [p for p in priorities if p.kind == Priority.Kind.PRIORITEIT]
    findings += _priority_count(main)
    for priority in main:
        findings += _objectives_of(priority)
    actions = []
    if action_plan is not None:
        actions = list(
            Action.objects.filter(theme__action_plan=action_plan)
            .select_related("theme__priority", "objective")
            .prefetch_related("parties")
        )
        findings += _actions(action_plan, actions)
        findings += _objectives_without_actions(priorities, actions)
        findings.append(_totals(action_plan, actions))
    findings += _rising_themes_unaddressed(policy_plan, priorities, picture)
    return findings


def summary(findings) -> str:
    """'60 findings: 1 fault, 58 warnings and 1 note.' in the reader's language."""
    if not findings:
        return _("The check finds nothing to mend.")
    levels = Counter(f.level for f in findings)
    faults, warnings, notes = levels[FAULT], levels[WARNING], levels[INFO]
    parts = [
        ngettext("%(n)s fault", "%(n)s faults", faults) % {"n": faults} if faults else "",
        ngettext("%(n)s warning", "%(n)s warnings", warnings) % {"n": warnings} if warnings else "",
        ngettext("%(n)s note", "%(n)s notes", notes) % {"n": notes} if notes else "",
    ]
    return ngettext("One finding: %(parts)s.", "%(count)s findings: %(parts)s.", len(findings)) % {
        "count": len(findings),
        # Translators: the last join of a list, as in "a, b and c".
        "parts": get_text_list([p for p in parts if p], pgettext("list", "and")),
    }


def _priority_count(main: list[Priority]) -> list[Finding]:
    if 3 <= len(main) <= 4:
        return []
    return [
        Finding(
            WARNING,
            _("Priorities"),
            _("The plan has %(count)s priorities.") % {"count": len(main)},
            _("Kernbeleid Veiligheid advises three or four; make the others other themes."),
        )
    ]


def _objectives_of(priority: Priority) -> list[Finding]:
    own = list(priority.objectives.all())
    shared = list(priority.shared.objectives.all()) if priority.shared else []
    findings = []
    if not own and not shared:
        findings.append(
            Finding(
                FAULT,
                _("Priority “%(title)s”") % {"title": priority.title},
                _("has no objectives."),
                _("Add at least one objective: what should be different at the end of the plan?"),
            )
        )
    for objective in own:
        if not objective.measurable and not objective.qualitative:
            findings.append(
                Finding(
                    FAULT,
                    _("Objective “%(text)s”") % {"text": _short(objective.text)},
                    _("is neither measurable nor marked qualitative."),
                    _(
                        "Give it an indicator, a baseline with its year and a target with its year, or mark it qualitative."
                    ),
                )
            )
    return findings


def _actions(action_plan: ActionPlan, actions: list[Action]) -> list[Finding]:
    findings = []
    for action in actions:
        element = _("Action “%(item)s”") % {"item": action.item}
        if not action.parties.all():
            findings.append(
                Finding(
                    FAULT,
                    element,
                    _("has no parties."),
                    _("Name the organisations that carry it out."),
                )
            )
        if not action.owner.strip():
            findings.append(
                Finding(
                    FAULT,
                    element,
                    _("has no owner."),
                    _("Name a role or party that pulls it (never a person's name)."),
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
                )
            )
        if action.objective_id is None:
            findings.append(
                Finding(
                    WARNING,
                    element,
                    _("serves no objective."),
                    _("Link it to the objective of its theme it contributes to."),
                )
            )
    return findings


def _objectives_without_actions(priorities: list[Priority], actions: list[Action]) -> list[Finding]:
    served = {a.objective_id for a in actions if a.objective_id}
    findings = []
    for priority in priorities:
        for objective in priority.objectives.all():
            if objective.pk not in served:
                findings.append(
                    Finding(
                        WARNING,
                        _("Objective “%(text)s”") % {"text": _short(objective.text)},
                        _("has no action in this implementation plan."),
                        _(
                            "Add an action for it, or explain in the theme's look-back why not this year."
                        ),
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


def _rising_themes_unaddressed(policy_plan: PolicyPlan, priorities, picture) -> list[Finding]:
    picture = picture or safety_picture.build(policy_plan.municipality)
    addressed = {p.theme_id for p in priorities if p.theme_id}
    findings = []
    for item in picture.indicators:
        change = item.overall_change
        if item.synthetic or change is None or change.verdict != "stijging":
            continue
        for theme in item.indicator.themes.all():
            if theme.pk not in addressed:
                findings.append(
                    Finding(
                        WARNING,
                        _("Theme “%(theme)s”") % {"theme": theme.name},
                        _(
                            "%(indicator)s rose significantly, %(first)s→%(last)s (p %(p)s), and no priority or other theme of the plan addresses it."
                        )
                        % {
                            "indicator": item.indicator.name,
                            "first": change.from_period,
                            "last": change.to_period,
                            "p": f"= {change.p_value:.3f}".replace(".", ",")
                            if change.p_value >= 0.001
                            else "< 0,001",
                        },
                        _("Add it as a priority or other theme, or explain in the plan why not."),
                    )
                )
                addressed.add(theme.pk)
    return findings


def _short(text: str) -> str:
    return Truncator(text).words(10, truncate="…")
