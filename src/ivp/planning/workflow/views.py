"""The plan check's findings as a page, and as the panel the plan pages load."""

from django.shortcuts import render

from ivp.planning.workflow.lint import FAULT, summary

# The panel lists faults one by one; warnings of the same kind are counted together.
PANEL_FAULTS = 8


def _grouped(findings) -> list[tuple[int, object]]:
    """Findings with the same message once, with how often and the first one, most often first."""
    groups: dict[str, list] = {}
    for finding in findings:
        groups.setdefault(finding.message, []).append(finding)
    return sorted(((len(g), g[0]) for g in groups.values()), key=lambda pair: -pair[0])


def findings_page(request, findings, subject: str, back_url: str, municipality):
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
