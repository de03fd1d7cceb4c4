"""The prioritisation: scores, the residents' survey and the council's choice.

The page only reads; each of its three forms posts to its own address, which writes through a
service and, when the form is refused, shows the page again with that form's errors.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.accounts.middleware import remember_active_municipality
from ivp.common.access import post_only
from ivp.common.form_saving import save_and_go
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
from ivp.regions.lookups import for_municipality

TEMPLATE = "planning/prioritisation.html"


@for_municipality("planning.view_cycle")
def prioritisation(request, municipality):
    remember_active_municipality(request, municipality)
    cycle = policy_selectors.current_cycle(municipality)
    if cycle is None:
        return render(
            request,
            TEMPLATE,
            {"municipality": municipality, "cycle": None, "current_step": "prioritering"},
        )
    return _page(request, policy_selectors.prioritisation_of(cycle))


@post_only
@for_municipality("planning.change_cycle")
def prioritisation_scores(request, municipality):
    prioritisation = _prioritisation(municipality)
    rows = ranking.rank(prioritisation)
    form = PrioritisationForm(
        request.POST,
        initial=_settings(prioritisation, rows),
        theme_rows=rows,
        municipality=municipality,
    )
    went = save_and_go(
        request,
        form,
        lambda: prioritisation_services.prioritisation_update(
            prioritisation=prioritisation, **form.service_arguments()
        ),
        done=lambda _saved: (
            _("Weights and scores saved; the ranking is updated."),
            _page_address(municipality),
        ),
    )
    return went or _page(request, prioritisation, rows=rows, settings_form=form)


@post_only
@for_municipality("planning.change_cycle")
def prioritisation_import(request, municipality):
    prioritisation = _prioritisation(municipality)
    form = SurveyUploadForm(request.POST, request.FILES)
    problems = []
    if form.is_valid():
        upload = form.cleaned_data["file"]
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
            return redirect(_page_address(municipality))
    return _page(request, prioritisation, upload_form=form, problems=problems)


@post_only
@for_municipality("planning.change_cycle")
def prioritisation_choice(request, municipality):
    prioritisation = _prioritisation(municipality)
    rows = ranking.rank(prioritisation)
    form = ChoiceForm(request.POST, initial=_choice(prioritisation, rows), theme_rows=rows)
    went = save_and_go(
        request,
        form,
        lambda: prioritisation_services.priorities_choose(
            prioritisation=prioritisation, **form.service_arguments()
        ),
        done=lambda _saved: (_("The council's choice is recorded."), _page_address(municipality)),
    )
    return went or _page(request, prioritisation, rows=rows, choice_form=form)


def _page_address(municipality) -> str:
    return reverse("planning:prioritisation", args=[municipality.code])


def _prioritisation(municipality):
    """The prioritisation a form writes to; without a cycle there is nothing to write (404)."""
    cycle = policy_selectors.current_cycle(municipality)
    if cycle is None:
        raise Http404
    return prioritisation_services.prioritisation_for(cycle)


def _settings(prioritisation, rows) -> dict:
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
    return initial


def _choice(prioritisation, rows) -> dict:
    return {
        "themes": [r.theme_id for r in rows if r.chosen],
        "decided_on": prioritisation.decided_on,
        "decided_by": prioritisation.decided_by or "gemeenteraad",
        "decision_reference": prioritisation.decision_reference,
    }


def _page(
    request,
    prioritisation,
    *,
    rows=None,
    settings_form=None,
    choice_form=None,
    upload_form=None,
    problems=(),
):
    """The page, with unbound forms except the one just refused."""
    municipality = prioritisation.municipality
    rows = ranking.rank(prioritisation) if rows is None else rows
    return render(
        request,
        TEMPLATE,
        {
            "municipality": municipality,
            "cycle": prioritisation.cycle,
            "prioritisation": prioritisation,
            "rows": rows,
            "criteria": ranking.CRITERIA,
            "chosen": [r for r in rows if r.chosen],
            "frameworks": ranking.frameworks_for(prioritisation),
            "settings_form": settings_form
            or PrioritisationForm(
                initial=_settings(prioritisation, rows),
                theme_rows=rows,
                municipality=municipality,
            ),
            "choice_form": choice_form
            or ChoiceForm(initial=_choice(prioritisation, rows), theme_rows=rows),
            "upload_form": upload_form or SurveyUploadForm(),
            "problems": problems,
            "may_change": request.user.has_perm("planning.change_cycle", municipality),
            "has_plan": policy_selectors.cycle_has_plan(prioritisation.cycle),
            "current_step": "prioritering",
        },
    )
