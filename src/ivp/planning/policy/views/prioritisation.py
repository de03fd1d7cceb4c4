"""The prioritisation: scores, the residents' survey and the council's choice."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ivp.accounts.middleware import remember_active_municipality
from ivp.common.access import permission_required
from ivp.common.importing import ImportFileError
from ivp.planning.policy import ranking
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.forms import (
    ChoiceForm,
    PrioritisationForm,
    SurveyUploadForm,
)
from ivp.planning.policy.services import prioritisation as prioritisation_services
from ivp.planning.policy.services.survey import survey_scores_import
from ivp.planning.workflow.view_helpers import form_error
from ivp.regions.selectors import municipality_from_code


@permission_required("planning.view_cycle", fn=municipality_from_code)
def prioritisation(request, code):
    municipality = municipality_from_code(request, code)
    remember_active_municipality(request, municipality)
    cycle = policy_selectors.current_cycle(municipality)
    if cycle is None:
        return render(
            request,
            "planning/prioritisation.html",
            {"municipality": municipality, "cycle": None, "current_step": "prioritering"},
        )
    prioritisation = prioritisation_services.prioritisation_for(cycle)
    rows = ranking.rank(prioritisation)
    may_change = request.user.has_perm("planning.change_cycle", municipality)
    initial = {f"weight_{k}": v for k, v in prioritisation.weights.items()}
    initial.update(
        first_year=prioritisation.first_year,
        last_year=prioritisation.last_year,
        survey_source=prioritisation.survey_source,
        professional_source=prioritisation.professional_source,
        professional_scale=prioritisation.professional_scale,
        frameworks=list(prioritisation.frameworks.all()),
    )
    for row in rows:
        initial[f"score_subjective_{row.theme_id}"] = row.subjective_percentage
        initial[f"score_professional_{row.theme_id}"] = row.professional_score
    action = request.POST.get("action") if request.method == "POST" else None
    if action and not may_change:
        raise Http404
    settings_form = PrioritisationForm(
        request.POST if action == "scores" else None, initial=initial, theme_rows=rows
    )
    choice_form = ChoiceForm(
        request.POST if action == "choice" else None,
        initial={
            "themes": [r.theme_id for r in rows if r.chosen],
            "decided_on": prioritisation.decided_on,
            "decided_by": prioritisation.decided_by or "gemeenteraad",
            "decision_reference": prioritisation.decision_reference,
        },
        theme_rows=rows,
    )
    upload_form = SurveyUploadForm(
        request.POST if action == "import" else None, request.FILES if action == "import" else None
    )
    problems = []
    if action == "import" and upload_form.is_valid():
        upload = upload_form.cleaned_data["file"]
        try:
            count = survey_scores_import(
                prioritisation=prioritisation, file_name=upload.name, raw=upload.read()
            )
        except ImportFileError as error:
            problems = error.problems
        else:
            messages.success(
                request,
                _("%(count)s themes updated from %(file)s.")
                % {"count": count, "file": upload.name},
            )
            return redirect("planning:prioritisation", code=municipality.code)
    if action == "scores" and settings_form.is_valid():
        try:
            prioritisation_services.prioritisation_update(
                prioritisation=prioritisation,
                frameworks=settings_form.cleaned_data["frameworks"],
                scores=settings_form.scores(),
                **settings_form.settings(),
            )
        except ValidationError as error:
            form_error(settings_form, error)
        else:
            messages.success(request, _("Weights and scores saved; the ranking is updated."))
            return redirect("planning:prioritisation", code=municipality.code)
    if action == "choice" and choice_form.is_valid():
        try:
            prioritisation_services.priorities_choose(
                prioritisation=prioritisation,
                theme_ids=choice_form.cleaned_data["themes"],
                decided_on=choice_form.cleaned_data["decided_on"],
                decided_by=choice_form.cleaned_data["decided_by"],
                decision_reference=choice_form.cleaned_data["decision_reference"],
                confirm_more=choice_form.cleaned_data["confirm_more"],
            )
        except ValidationError as error:
            form_error(choice_form, error)
        else:
            messages.success(request, _("The council's choice is recorded."))
            return redirect("planning:prioritisation", code=municipality.code)
    return render(
        request,
        "planning/prioritisation.html",
        {
            "municipality": municipality,
            "cycle": cycle,
            "prioritisation": prioritisation,
            "rows": rows,
            "criteria": ranking.CRITERIA,
            "chosen": [r for r in rows if r.chosen],
            "frameworks": ranking.frameworks_for(prioritisation),
            "settings_form": settings_form,
            "choice_form": choice_form,
            "upload_form": upload_form,
            "problems": problems,
            "may_change": may_change,
            "has_plan": cycle.plans.exists(),
            "current_step": "prioritering",
        },
    )
