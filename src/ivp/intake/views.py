"""Bringing an existing plan in: upload, the reading in the background with its progress, then
the draft beside the lines it came from, to accept, edit, move, merge or drop each part; saving
makes the concept plan. The same for an uitvoeringsplan's actions, under the themes of the IVP
in force."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

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
from .tasks import plan_import_queue, plan_import_saved, read_progress
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


def _record(code, pk):
    record = plan_import_named(code, pk)
    if record is None:
        raise Http404
    return record


for_record = with_object("record", _record, REVIEW)


def _actions_record(code, reading):
    record = plan_import_named(code, reading, PlanImport.Kind.ACTIONS)
    if record is None:
        raise Http404
    return record


for_actions_record = with_object("record", _actions_record, REVIEW)


def _page(request, record, template: str):
    draft = record.draft or {}
    rows = review.rows(draft)
    return render(
        request,
        template,
        {
            "record": record,
            "municipality": record.municipality,
            "progress": read_progress(record.pk),
            "rows": rows if record.status == PlanImport.Status.DONE else [],
            "new_parties": party_register().unknown(review.named_parties(draft)),
            "others": review.others(draft),
            "targets": [(r["key"], r["title"]) for r in rows],
            "draft": draft,
        },
    )


@for_record
def plan_import(request, record):
    if request.method == "POST" and record.status == PlanImport.Status.DONE:
        reviewed = review.apply(record.draft, request.POST)
        try:
            saved = plan_draft_save(municipality=record.municipality, draft=reviewed)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            plan_import_saved(record=record, plan=saved.plan)
            messages.success(
                request,
                _("The concept %(plan)s was saved with what you accepted.") % {"plan": saved.plan},
            )
            for finding in saved.findings:
                messages.warning(request, finding)
            return redirect("planning:plan_detail", code=record.municipality.code, pk=saved.plan.pk)
    return _page(request, record, "intake/plan_import.html")


@for_record
def plan_import_status(request, record):
    return _page(request, record, "intake/_plan_import_status.html")


@post_only
@for_record
def plan_import_retry(request, record):
    plan_import_retry_service(record=record)
    return redirect(record)


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


def _actions_page(request, record, template: str):
    draft = record.draft or {}
    titles = theme_titles_in_force(record.municipality, record.year)
    ready = record.status == PlanImport.Status.DONE
    return render(
        request,
        template,
        {
            "record": record,
            "municipality": record.municipality,
            "progress": read_progress(record.pk),
            "tables": review_actions.rows(draft, titles) if ready else [],
            "new_parties": party_register().unknown(review_actions.named_parties(draft)),
            "targets": review_actions.targets(titles),
            "draft": draft,
        },
    )


@for_actions_record
def actions_import(request, record):
    if request.method == "POST" and record.status == PlanImport.Status.DONE:
        titles = theme_titles_in_force(record.municipality, record.year)
        reviewed = review_actions.apply(record.draft, request.POST, titles)
        try:
            saved = actions_draft_save(
                municipality=record.municipality, year=record.year, draft=reviewed
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            plan_import_saved(record=record, action_plan=saved.action_plan)
            messages.success(
                request,
                _("The concept %(plan)s was saved with %(count)s actions you accepted.")
                % {"plan": saved.action_plan.title, "count": saved.saved},
            )
            for finding in saved.findings:
                messages.warning(request, finding)
            return redirect(saved.action_plan)
    return _actions_page(request, record, "intake/actions_import.html")


@for_actions_record
def actions_import_status(request, record):
    return _actions_page(request, record, "intake/_actions_import_status.html")


@post_only
@for_actions_record
def actions_import_retry(request, record):
    plan_import_retry_service(record=record)
    return redirect(record)
