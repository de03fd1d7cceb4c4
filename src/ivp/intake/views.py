"""Bringing an existing plan in: upload, the reading in the background with its progress, then
the draft beside the lines it came from, to accept, edit, move, merge or drop each part; saving
makes the concept plan. The same for an uitvoeringsplan's actions, under the themes of the IVP
in force."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ivp.common.access import post_only, with_object
from ivp.regions.lookups import for_municipality

from . import review, review_actions
from .forms import ActionsImportForm, PlanImportForm
from .models import PlanImport
from .selectors import (
    party_register,
    plan_import_named,
    plan_imports_of,
    theme_titles_in_force,
)
from .services import actions_draft_save, plan_draft_save
from .tasks import plan_import_queue, plan_import_save, read_progress
from .tasks import plan_import_retry as plan_import_retry_service

REVIEW = "intake.review_import"


@for_municipality("planning.change_cycle")
def plan_import_start(request, municipality):
    form = PlanImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        record = plan_import_queue(
            municipality=municipality, file_name=upload.name, content=upload.read(),
            user=request.user,
        )  # fmt: skip
        return redirect(record)
    recent = plan_imports_of(municipality)[:10]
    return render(
        request,
        "intake/plan_import_start.html",
        {"municipality": municipality, "form": form, "recent": recent},
    )


def _found(code: str, pk: int, kind: str) -> PlanImport:
    record = plan_import_named(code, pk, kind)
    if record is None:
        raise Http404
    return record


for_record = with_object("record", lambda code, pk: _found(code, pk, PlanImport.Kind.PLAN), REVIEW)
for_actions_record = with_object(
    "record", lambda code, reading: _found(code, reading, PlanImport.Kind.ACTIONS), REVIEW
)


def _page(request, record, template: str):
    """The reading's progress, then its draft to review: a plan's parts, or an uitvoeringsplan's
    tables under the themes of the IVP in force."""
    draft = record.draft or {}
    ready = record.status == PlanImport.Status.DONE
    context = {
        "record": record,
        "municipality": record.municipality,
        "progress": read_progress(record.pk),
        "draft": draft,
    }
    if record.kind == PlanImport.Kind.ACTIONS:
        titles = theme_titles_in_force(record.municipality, record.year)
        context |= {
            "tables": review_actions.rows(draft, titles) if ready else [],
            "targets": review_actions.targets(titles),
            "named": review_actions.named_parties(draft),
        }
    else:
        rows = review.rows(draft) if ready else []
        context |= {
            "rows": rows,
            "others": review.others(draft),
            "targets": [(r["key"], r["title"]) for r in rows],
            "named": review.named_parties(draft),
        }
    context["new_parties"] = party_register().unknown(context.pop("named")) if ready else []
    return render(request, template, context)


def _saved(request, record, save, said):
    """`save()` of what the review accepted, once, with its message and findings; None when
    it was refused (the reason is said)."""
    try:
        saved = plan_import_save(record=record, save=save)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    messages.success(request, said(saved))
    for finding in saved.findings:
        messages.warning(request, finding)
    return saved


@for_record
def plan_import(request, record):
    if request.method == "POST" and record.status == PlanImport.Status.DONE:
        reviewed = review.apply(record.draft, request.POST)
        saved = _saved(
            request,
            record,
            lambda: plan_draft_save(municipality=record.municipality, draft=reviewed),
            lambda saved: (
                _("The concept %(plan)s was saved with what you accepted.") % {"plan": saved.plan}
            ),
        )
        if saved is not None:
            return redirect("planning:plan_detail", code=record.municipality.code, pk=saved.plan.pk)
    return _page(request, record, "intake/plan_import.html")


def _status(template: str, decorate):
    """The page part the reading's progress is polled with, then its review."""
    return decorate(lambda request, record: _page(request, record, template))


def _retry(decorate):
    """Read a failed file again."""

    def retry(request, record):
        plan_import_retry_service(record=record)
        return redirect(record)

    return post_only(decorate(retry))


plan_import_status = _status("intake/_plan_import_status.html", for_record)
plan_import_retry = _retry(for_record)


@for_municipality("planning.change_cycle")
def actions_import_start(request, municipality):
    form = ActionsImportForm(request.POST or None, request.FILES or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        record = plan_import_queue(
            municipality=municipality, file_name=upload.name, content=upload.read(),
            user=request.user, year=form.cleaned_data["year"],
        )  # fmt: skip
        return redirect(record)
    recent = plan_imports_of(municipality, PlanImport.Kind.ACTIONS)[:10]
    return render(
        request,
        "intake/actions_import_start.html",
        {"municipality": municipality, "form": form, "recent": recent},
    )


@for_actions_record
def actions_import(request, record):
    if request.method == "POST" and record.status == PlanImport.Status.DONE:
        titles = theme_titles_in_force(record.municipality, record.year)
        reviewed = review_actions.apply(record.draft, request.POST, titles)
        saved = _saved(
            request,
            record,
            lambda: actions_draft_save(
                municipality=record.municipality, year=record.year, draft=reviewed
            ),
            lambda saved: (
                ngettext(
                    "The concept %(plan)s was saved with the %(count)s action you took in.",
                    "The concept %(plan)s was saved with the %(count)s actions you took in.",
                    saved.saved,
                )
                % {"plan": saved.action_plan.title, "count": saved.saved}
            ),
        )
        if saved is not None:
            return redirect(saved.action_plan)
    return _page(request, record, "intake/actions_import.html")


actions_import_status = _status("intake/_actions_import_status.html", for_actions_record)
actions_import_retry = _retry(for_actions_record)
