"""What the planning pages share: saving a versioned form (a refusal or an edit conflict shown
on it), a form page inside a plan, adopting, new versions."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ivp.common.access import post_only
from ivp.common.form_saving import on_form, save_and_go
from ivp.planning.workflow.forms import AdoptConfirmForm, AdoptForm
from ivp.planning.workflow.locking import EditConflict


def form_error(form, error: ValidationError, saved=None) -> None:
    """Shows a refused save on the form. On an edit conflict the other person's saved values
    appear beside the fields that differ, and the form now carries the newer version, so that
    saving again replaces them knowingly; the user's input is kept either way."""
    on_form(form, error)
    if isinstance(error, EditConflict) and saved is not None:
        for name, value in saved(error.current).items():
            mine = form.cleaned_data.get(name)
            if _shown(mine) != _shown(value) and name in form.fields:
                form.add_error(
                    name, _("Saved meanwhile: %(value)s") % {"value": _shown(value) or "—"}
                )
        data = form.data.copy()
        data["lock_version"] = error.current.lock_version
        form.data = data


def save_versioned(request, form, save, *, done, saved=None):
    """`save_and_go` for a Versioned form: a refusal is shown by `form_error`, with the
    other person's values (`saved(record)`) beside the fields on an edit conflict."""
    return save_and_go(request, form, save, done=done, refused=partial(form_error, saved=saved))


def plan_form_page(request, template: str, plan, form, **more):
    """A form page inside a plan: the plan, its municipality (for the navigation), the form."""
    context = {"plan": plan, "municipality": plan.municipality, "form": form, **more}
    return render(request, template, context)


def _shown(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value).strip()


def adoption_views(access, *, adopt, new_version, adopted: str, fixed):
    """The two POST views of an adoptable plan that `access` finds and guards: adopt it
    (`adopt(plan, decision)`; `adopted` is the success message) after a confirmation page that
    lists what becomes fixed (`fixed(plan)`: (heading, lines) pairs), and start its next
    version as a draft (`new_version(plan)`)."""

    @post_only
    @access
    def adopt_view(request, plan):
        return adopt_and_return(
            request, plan, lambda data: adopt(plan, data), adopted, fixed=lambda: fixed(plan)
        )

    @post_only
    @access
    def new_version_view(request, plan):
        return new_version_and_go(request, plan, lambda: new_version(plan))

    return adopt_view, new_version_view


def adopt_and_return(request, plan, adopt, done: str, *, fixed):
    """Adopting from the posted AdoptForm takes two steps: the first shows what becomes fixed
    and asks to confirm, the second (with the confirmation ticked) records the adoption.
    Errors and success as messages on the plan's page."""
    if plan.adopted:
        messages.error(request, plan.adopted_refusal())
        return redirect(plan)
    second = AdoptConfirmForm.is_second_step(request.POST)
    form = (AdoptConfirmForm if second else AdoptForm)(
        request.POST, initial={"lock_version": plan.lock_version}
    )
    if not form.is_valid():
        if second and set(form.errors) == {"confirmed"}:
            return _adoption_confirmation(request, plan, form, fixed())
        decision_errors = (e for name in AdoptForm.UNSTATED for e in form.errors.get(name, ()))
        messages.error(
            request,
            " ".join(form.non_field_errors())
            or " ".join(decision_errors)
            or _("Fill in who adopted the plan, when, and the decision reference."),
        )
        return redirect(plan)
    if not second:
        confirm = AdoptConfirmForm(initial={**form.cleaned_data, "step": "bevestigen"})
        return _adoption_confirmation(request, plan, confirm, fixed())
    decision = {name: form.cleaned_data[name] for name in AdoptConfirmForm.DECISION}
    try:
        adopt({**decision, "expected_version": form.expected_version()})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect(plan)


def _adoption_confirmation(request, plan, form, fixed):
    decision = form.cleaned_data if form.is_bound else form.initial
    return render(
        request,
        "planning/adopt_confirm.html",
        {
            "plan": plan,
            "municipality": plan.municipality,
            "form": form,
            "fixed": fixed,
            "decision": decision_line(decision),
            "heading": _("Adopt “%(title)s”?") % {"title": plan.title},
            "note": _(
                "After adoption, what is listed here is fixed: a change needs a new version, "
                "adopted again."
            ),
            "submit": _("Adopt the plan"),
            "cancel": plan.get_absolute_url(),
        },
    )


def decision_line(decision) -> str:
    """The decision as the coordinator entered it, saying so where the source does not state
    the date or the reference."""
    line = _("Adopted by the %(by)s") % {"by": decision["adopted_by"]}
    if decision.get("adopted_on"):
        line += " " + _("on %(date)s") % {"date": date_format(decision["adopted_on"], "j F Y")}
    elif decision.get("adopted_on_unstated"):
        line += " " + _("(date not stated in the source document)")
    if decision.get("decision_reference"):
        line += ", " + _("decision %(reference)s") % {"reference": decision["decision_reference"]}
    elif decision.get("decision_reference_unstated"):
        line += ", " + _("decision reference not stated in the source document")
    return line + "."


def new_version_and_go(request, plan, make):
    try:
        new = make()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    messages.success(
        request, _("Version %(version)s created as a draft.") % {"version": new.version}
    )
    return redirect(new)
