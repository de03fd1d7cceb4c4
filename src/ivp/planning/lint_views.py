"""The plan check: the linter's findings as a page, and as the panel the plan pages load."""

from django.shortcuts import render

from ivp.common.access import permission_required

from .action_views import action_plan_from
from .lint import FAULT, lint, summary
from .views import plan_from

# The panel lists faults one by one; warnings of the same kind are counted together.
PANEL_FAULTS = 8


@permission_required("planning.view_plan", fn=plan_from)
def plan_lint(request, code, pk):
    """The linter's findings on an integral safety plan (also while it is drafted)."""
    plan = plan_from(request, code, pk)
    return _findings(request, lint(plan), plan.title, plan.get_absolute_url(), plan.municipality)


@permission_required("planning.view_action_plan", fn=action_plan_from)
def action_plan_lint(request, code, year):
    """The linter's findings on this uitvoeringsplan and its IVP, each with how to mend it."""
    plan = action_plan_from(request, code, year)
    return _findings(
        request,
        lint(plan.policy_plan, plan),
        f"{plan.title} · {plan.policy_plan.title}",
        plan.get_absolute_url(),
        plan.municipality,
    )


def _grouped(findings) -> list[tuple[int, object]]:
    """Findings with the same message once, with how often and the first one, most often first."""
    groups: dict[str, list] = {}
    for finding in findings:
        groups.setdefault(finding.message, []).append(finding)
    return sorted(((len(g), g[0]) for g in groups.values()), key=lambda pair: -pair[0])


def _findings(request, findings, subject: str, back_url: str, municipality):
    faults = [f for f in findings if f.level == FAULT]
    context = {
        "subject": subject,
        "back_url": back_url,
        "municipality": municipality,
        "findings": findings,
        "summary": summary(findings),
        "shown_faults": faults[:PANEL_FAULTS],
        "more_faults": max(len(faults) - PANEL_FAULTS, 0),
        "warnings": _grouped([f for f in findings if f.level != FAULT]),
        "page_url": request.path,
    }
    # htmx loads the panel into the plan page after it has shown; a link opens the whole page.
    template = (
        "planning/_lint_panel.html" if request.headers.get("HX-Request") else "planning/lint.html"
    )
    return render(request, template, context)
