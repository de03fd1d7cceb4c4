"""The IVP check: what a careful reviewer would point out in an integral safety plan before it
goes to the council. Every finding names the element and how to mend it."""

from django.utils.translation import gettext as _

from ivp.figures import safety_picture
from ivp.planning.policy.models import PolicyPlan, Priority
from ivp.planning.workflow.lint import FAULT, WARNING, Finding, objective_finding


def lint(policy_plan: PolicyPlan, *, more_checks=None, picture=None) -> list[Finding]:
    """The plan's findings; `more_checks(priorities)` adds those of a plan built on it (the
    uitvoeringsplan's), listed before the figures' findings."""
    priorities = list(
        policy_plan.priorities.prefetch_related("objectives", "shared__objectives").select_related(
            "theme"
        )
    )
    main = [p for p in priorities if p.kind == Priority.Kind.PRIORITEIT]
    findings = _priority_count(main)
    for priority in main:
        findings += _objectives_of(priority)
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
                objective_finding(
                    FAULT,
                    objective,
                    _("is neither measurable nor marked qualitative."),
                    _(
                        "Give it an indicator, a baseline with its year and a target with its year, or mark it qualitative."
                    ),
                )
            )
    return findings


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
