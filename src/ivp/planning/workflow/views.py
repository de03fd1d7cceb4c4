"""The plan check's findings as a page, and as the panel the plan pages load."""

from django.shortcuts import render

from ivp.planning.workflow.lint import grouped, summary


def findings_page(request, findings, subject: str, back_url: str, municipality):
    """Like findings as one line each (faults first), the elements they concern one click
    away; htmx loads it as a panel into the plan page, a link opens it as a page."""
    context = {
        "subject": subject,
        "back_url": back_url,
        "municipality": municipality,
        "findings": findings,
        "groups": grouped(findings),
        "summary": summary(findings),
        "page_url": request.path,
    }
    template = (
        "planning/_lint_panel.html" if request.headers.get("HX-Request") else "planning/lint.html"
    )
    return render(request, template, context)
