"""What the priority and objective forms of a plan and of a region share."""

from django.shortcuts import render

from ivp.planning.policy.forms import (
    ObjectiveForm,
)
from ivp.planning.policy.services import plan as plan_services
from ivp.planning.workflow.view_helpers import save_versioned


def approach_and_parties(owner) -> dict:
    """The form values a priority and a shared priority have alike."""
    return {
        "approach": "\n".join(line.text for line in owner.approachlines.all()),
        "parties": ", ".join(p.name for p in owner.parties.all()),
        "lock_version": owner.lock_version,
    }


def field_values(record, names) -> dict:
    """A form's initial values: the record's fields of those names."""
    return {name: getattr(record, name) for name in names}


PRIORITY_FIELDS = ("title", "kind", "theme", "description", "ambition")
SHARED_FIELDS = ("title", "theme", "start_year", "end_year", "description")


def priority_values(priority) -> dict:
    return {**field_values(priority, PRIORITY_FIELDS), **approach_and_parties(priority)}


OBJECTIVE_FIELDS = (
    "text",
    "qualitative",
    "indicator",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "lock_version",
)


def objective_form(request, item, *, owner, municipality, done, saved, context):
    """The objective of a municipal or a shared regional priority: one form, one service."""
    initial = objective_values(item) if item else {}
    form = ObjectiveForm(request.POST or None, initial=initial, municipality=municipality)
    went = save_versioned(
        request,
        form,
        lambda: plan_services.objective_save(objective=item, **owner, **form.service_arguments()),
        done=lambda _objective: (saved, done),
        saved=objective_values,
    )
    return went or render(
        request, "planning/objective_form.html", {**context, "objective": item, "form": form}
    )


def shared_values(shared) -> dict:
    return {**field_values(shared, SHARED_FIELDS), **approach_and_parties(shared)}


def objective_values(objective) -> dict:
    return field_values(objective, OBJECTIVE_FIELDS)
