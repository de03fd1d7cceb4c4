"""What the priority and objective forms of a plan and of a region share."""

from django.shortcuts import render

from ivp.planning.policy.forms import ObjectiveForm
from ivp.planning.policy.models import Priority
from ivp.planning.policy.services import plan as plan_services
from ivp.planning.workflow.view_helpers import save_versioned


def approach_and_parties(owner) -> dict:
    """The form values a priority, a speerpunt and a shared priority have alike (a priority's
    own approach lines, not its speerpunten's)."""
    lines = owner.approachlines.all()
    if isinstance(owner, Priority):
        lines = lines.filter(focus_area=None)
    return {
        "approach": "\n".join(line.text for line in lines),
        "parties": ", ".join(owner.party_names),
        "lock_version": owner.lock_version,
    }


def field_values(record, names) -> dict:
    """A form's initial values: the record's fields of those names."""
    return {name: getattr(record, name) for name in names}


PRIORITY_FIELDS = ("title", "kind", "theme", "description", "ambition")
FOCUS_AREA_FIELDS = ("title", "introduction", "ambition", "goal", "means")
SHARED_FIELDS = ("title", "theme", "start_year", "end_year", "description")


def priority_values(priority) -> dict:
    return {
        **field_values(priority, PRIORITY_FIELDS),
        **approach_and_parties(priority),
        "extra_themes": list(priority.extra_themes.all()),
        "frameworks": list(priority.frameworks.all()),
    }


def focus_area_values(focus_area) -> dict:
    return {**field_values(focus_area, FOCUS_AREA_FIELDS), **approach_and_parties(focus_area)}


OBJECTIVE_FIELDS = (
    "text",
    "focus_area",
    "kind",
    "direction",
    "indicator",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
    "per_year",
    "unit",
    "lock_version",
)


def objective_form(request, item, *, owner, municipality, done, saved, context):
    """The objective of a municipal priority (or a speerpunt of it) or of a shared regional
    priority: one form, one service."""
    initial = objective_values(item) if item else {}
    if item is None and request.GET.get("speerpunt", "").isdigit():
        initial["focus_area"] = int(request.GET["speerpunt"])
    form = ObjectiveForm(
        request.POST or None,
        initial=initial,
        municipality=municipality,
        priority=owner.get("priority"),
    )
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
    return {**field_values(objective, OBJECTIVE_FIELDS), "themes": list(objective.themes.all())}
