"""The IVP check: what a careful reviewer would point out in an integral safety plan before it
goes to the council. Every finding names the element and how to mend it."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext_lazy, pgettext

from ivp.figures import formatting, safety_picture
from ivp.planning.policy.models import Objective, PolicyPlan, Priority
from ivp.planning.workflow.lint import FAULT, INFO, WARNING, Finding, Kind, objective_finding

PRIORITY_WITHOUT_OBJECTIVES = Kind(
    "priority-without-objectives",
    ngettext_lazy(
        "%(count)s priority has no objectives.", "%(count)s priorities have no objectives.", "count"
    ),
    gettext_lazy(
        "Add at least one objective to each: what should be different at the end of the plan?"
    ),
)
OBJECTIVE_WITHOUT_AIM = Kind(
    "objective-without-aim",
    ngettext_lazy(
        "%(count)s objective says no direction or target.",
        "%(count)s objectives say no direction or target.",
        "count",
    ),
    gettext_lazy(
        "Say for each whether it is an effect (with a direction such as decrease or keep at "
        "least), an output counted per year, or qualitative."
    ),
)
OBJECTIVE_UNFOLLOWED = Kind(
    "objective-unfollowed",
    ngettext_lazy(
        "%(count)s objective cannot yet be followed in the figures.",
        "%(count)s objectives cannot yet be followed in the figures.",
        "count",
    ),
    gettext_lazy(
        "Add to each an indicator, a baseline with its year and, where the plan names one, a "
        "target."
    ),
)
REGIONAL_ENDS_EARLY = Kind(
    "regional-ends-early",
    ngettext_lazy(
        "%(count)s regional priority ends before the plan does.",
        "%(count)s regional priorities end before the plan does.",
        "count",
    ),
    gettext_lazy(
        "Ask the region whether each continues, and say in the plan what happens locally after."
    ),
)
RISING_THEME_UNADDRESSED = Kind(
    "rising-theme-unaddressed",
    ngettext_lazy(
        "%(count)s theme rose in the figures while the plan does not address it.",
        "%(count)s themes rose in the figures while the plan does not address them.",
        "count",
    ),
    gettext_lazy("Add each as a priority or other theme, or explain in the plan why not."),
)


def lint(policy_plan: PolicyPlan, *, more_checks=None, picture=None) -> list[Finding]:
    """The plan's findings; `more_checks(priorities)` adds those of a plan built on it (the
    uitvoeringsplan's), listed before the figures' findings."""
    priorities = list(
        policy_plan.priorities.prefetch_related(
            "objectives__indicator",
            "shared__objectives",
            "extra_themes",
            "regional_links__regional_priority__objectives",
        ).select_related("theme", "shared")
    )
    main = [p for p in priorities if p.kind == Priority.Kind.PRIORITEIT]
    findings = _priority_count(main)
    for priority in main:
        findings += _objectives_of(priority)
    findings += _regional_periods(policy_plan, priorities)
    if more_checks is not None:
        findings += more_checks(priorities)
    findings += _rising_themes_unaddressed(policy_plan, priorities, picture)
    return findings


def _priority_count(main: list[Priority]) -> list[Finding]:
    if 3 <= len(main) <= 4:
        return []
    return [
        Finding(
            WARNING,
            pgettext("plan section", "Priorities"),
            _("The plan has %(count)s priorities.") % {"count": len(main)},
            _("Kernbeleid Veiligheid advises three or four; make the others other themes."),
        )
    ]


def _objectives_of(priority: Priority) -> list[Finding]:
    own = list(priority.objectives.all())
    shared = list(priority.shared.objectives.all()) if priority.shared else []
    for link in priority.regional_links.all():  # the region's objectives it works on here
        shared += list(link.regional_priority.objectives.all())
    findings = []
    if not own and not shared:
        findings.append(
            Finding(
                FAULT,
                _("Priority “%(title)s”") % {"title": priority.title},
                _("has no objectives."),
                _("Add at least one objective: what should be different at the end of the plan?"),
                PRIORITY_WITHOUT_OBJECTIVES,
            )
        )
    for objective in own:
        findings += _objective(objective)
    return findings


def _objective(objective) -> list[Finding]:
    """An objective says what it aims at: an effect with a direction (and, to be followed, an
    indicator and a baseline), an output with its number, or that it is qualitative."""
    if not objective.kind:
        return [
            objective_finding(
                FAULT,
                objective,
                _("has no direction or target."),
                _(
                    "Say whether it is an effect (with a direction such as decrease or keep at least), an output counted per year, or qualitative."
                ),
                OBJECTIVE_WITHOUT_AIM,
            )
        ]
    if objective.kind != Objective.Kind.EFFECT or objective.measurable:
        return []
    if objective.indicator_id is None:
        message = _("has no indicator, so its progress cannot be followed in the figures.")
    elif objective.baseline_year is None:
        message = _("has no baseline, so its progress cannot be followed in the figures.")
    else:
        message = _("has a direction but no target value.")
    return [
        objective_finding(
            INFO,
            objective,
            message,
            _(
                "Add an indicator, a baseline with its year and, where the plan names one, a target."
            ),
            OBJECTIVE_UNFOLLOWED,
        )
    ]


def _regional_periods(policy_plan: PolicyPlan, priorities) -> list[Finding]:
    """A regional priority the plan works on that ends before the plan does."""
    findings, seen = [], set()
    for priority in priorities:
        shared = [link.regional_priority for link in priority.regional_links.all()]
        shared += [priority.shared] if priority.shared_id else []
        for item in shared:
            if item.pk in seen or item.end_year >= policy_plan.end_year:
                continue
            seen.add(item.pk)
            findings.append(
                Finding(
                    WARNING,
                    _("Regional priority “%(title)s”") % {"title": item.title},
                    _("runs until %(end)s, the plan until %(plan_end)s.")
                    % {"end": item.end_year, "plan_end": policy_plan.end_year},
                    _(
                        "Ask the region whether it continues after %(end)s, and say in the plan what happens locally after that."
                    )
                    % {"end": item.end_year},
                    REGIONAL_ENDS_EARLY,
                )
            )
    return findings


def _rising_themes_unaddressed(policy_plan: PolicyPlan, priorities, picture) -> list[Finding]:
    picture = picture or safety_picture.build(policy_plan.municipality)
    addressed = {t.pk for p in priorities for t in p.themes}
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
                        _rise_said(item.indicator.name, change),
                        _("Add it as a priority or other theme, or explain in the plan why not."),
                        RISING_THEME_UNADDRESSED,
                    )
                )
                addressed.add(theme.pk)
    return findings


def _rise_said(indicator: str, change) -> str:
    """The rise in plain words: how much, and against what it was judged; no p-value."""
    values = {
        "indicator": indicator,
        "first": formatting.period(change.from_period),
        "last": formatting.period(change.to_period),
        "percent": formatting.percent(change.percent_change),
    }
    if change.swing_percent is not None:
        return _(
            "%(indicator)s rose by %(percent)s per inhabitant, %(first)s→%(last)s, more than "
            "the normal swing of ±%(swing)s between years, and no priority or other theme of "
            "the plan addresses it."
        ) % {**values, "swing": formatting.percent(change.swing_percent)}
    return (
        _(
            "%(indicator)s rose by %(percent)s per inhabitant, %(first)s→%(last)s, more than chance "
            "explains, and no priority or other theme of the plan addresses it."
        )
        % values
    )
