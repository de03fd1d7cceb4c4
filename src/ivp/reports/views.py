"""The documents of a municipality: read in the app, made as PDF, DOCX or HTML in the
background, downloaded when ready; and the municipality's Word template."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ivp.common.access import post_only, with_object
from ivp.common.job_pages import job_pages
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.policy import selectors as policy_selectors
from ivp.regions.lookups import for_municipality, municipality_named

from . import publishing, render_docx, render_html, selectors, services
from .document import IVP_KINDS, KINDS, PLAN_KINDS
from .forms import GenerateForm, HouseStyleForm
from .models import GeneratedDocument
from .rules import DocumentSubject
from .tasks import document_retry as document_retry_service
from .tasks import read_progress

DOCX = services.CONTENT_TYPES["docx"]


def _subject(code, document, address) -> DocumentSubject:
    if document not in KINDS or (address.scope and document not in PLAN_KINDS):
        raise Http404
    return DocumentSubject(municipality_named(code), document, *address)


def _record(generated) -> GeneratedDocument:
    return get_object_or_404(selectors.generated_documents(), token=generated)


def for_subject(perm: str):
    """The document a municipality, kind and year (an uitvoeringsplan's address) name, handed
    to the view as `subject`."""
    return with_object("subject", _subject, perm)


def for_record(perm: str):
    """A made document, by its token, handed to the view as `record`."""
    return with_object("record", _record, perm)


@for_municipality()
def documents(request, municipality):
    """What the reader may read of this municipality, each to make as PDF, DOCX or HTML."""
    year = date.today().year
    subjects = [
        (DocumentSubject(municipality, "analyse", year), _("figures up to %s") % (year - 1))
    ]
    plan = policy_selectors.plan_for_reader(request.user, municipality)
    if plan is not None:
        # the analysis the IVP was founded on, with the chapters written for it
        founding = ("analyse",) if plan.start_year != year else ()
        for kind in (*founding, *IVP_KINDS):
            subjects.append((DocumentSubject(municipality, kind, plan.start_year), plan.period))
    for action_plan in execution_selectors.action_plans_for_reader(request.user, municipality):
        for kind in PLAN_KINDS:
            subject = DocumentSubject(municipality, kind, action_plan.start_year, action_plan.scope)
            subjects.append((subject, _plan_period(action_plan)))
    rows = [
        {
            "subject": s,
            "name": KINDS[s.kind],
            "period": period,
            "may_generate": request.user.has_perm("reports.generate_document", s),
            "may_write": request.user.has_perm("reports.change_document", s),
        }
        for s, period in subjects
        if request.user.has_perm("reports.view_document", s)
    ]
    recent = selectors.recent_documents(municipality, request.user)
    return render(
        request,
        "reports/documents.html",
        {
            "municipality": municipality,
            "rows": rows,
            "form": GenerateForm(),
            "recent": recent,
            "may_style": request.user.has_perm("reports.change_house_style", municipality),
        },
    )


def _plan_period(action_plan) -> str:
    """Its years, and what a plan for one priority or speerpunt covers."""
    if not action_plan.scope:
        return action_plan.period
    if action_plan.period in action_plan.title:
        return action_plan.title
    return f"{action_plan.period}: {action_plan.title}"


@for_subject("reports.view_document")
def document_page(request, subject):
    source = subject.source_for(request.user)
    made = render_html.with_inline_charts(
        services.build(subject.kind, subject.municipality, subject.year, plan=source)
    )
    return render(
        request,
        "reports/document_page.html",
        {
            **render_html.context(made, inline_svg=True),
            "municipality": subject.municipality,
            "subject": subject,
            "may_generate": request.user.has_perm("reports.generate_document", subject),
            "may_write": request.user.has_perm("reports.change_document", subject),
            "public_formats": _public_formats(source),
            "form": GenerateForm(),
        },
    )


def _public_formats(source) -> list[str]:
    """The formats of the adopted plan's files that are ready to download."""
    if source is None or not getattr(source, "adopted", False):
        return []
    return publishing.ready_formats(source)


@post_only
@for_subject("reports.generate_document")
def document_generate(request, subject):
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose PDF, Word or HTML."))
        return redirect("reports:documents", code=subject.municipality.code)
    try:
        record = services.document_request(
            subject=subject, file_format=form.cleaned_data["format"], user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:documents", code=subject.municipality.code)
    return redirect(record)


document_detail, document_progress, document_retry = job_pages(
    for_record("reports.download_document"),
    ("reports/document_detail.html", "reports/_document_status.html"),
    read_progress=read_progress,
    retry=document_retry_service,
)


def _adopted_subject(code, adopted_document, address) -> DocumentSubject:
    if adopted_document not in publishing.PUBLIC_KINDS.values():
        raise Http404
    return _subject(code, adopted_document, address)


@with_object("subject", _adopted_subject, "reports.view_document")
def public_download(request, subject, file_format):
    """The file made at adoption of the plan version this reader reads (for a visitor: the
    adopted one in force); 404 while it is being made or for a draft."""
    source = subject.source_for(request.user)
    if file_format not in publishing.PUBLIC_FORMATS or source is None or not source.adopted:
        raise Http404
    record = publishing.public_file(source, file_format)
    if record is None:
        raise Http404(_("The file of the adopted plan is being made; try again in a minute."))
    return _file_response(record)


@for_record("reports.download_document")
def document_download(request, record):
    return _file_response(get_object_or_404(selectors.finished_documents(), pk=record.pk))


def _file_response(record) -> HttpResponse:
    response = HttpResponse(
        bytes(record.content), content_type=services.CONTENT_TYPES[record.format]
    )
    response["Content-Disposition"] = f'attachment; filename="{record.file_name}"'
    return response


@for_municipality("reports.change_house_style")
def house_style(request, municipality):
    current = selectors.house_style_record(municipality)
    form = HouseStyleForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and request.POST.get("action") == "verwijderen":
        services.house_style_remove(municipality=municipality, user=request.user)
        messages.success(request, _("The template was removed; documents use the ivp style."))
        return redirect("reports:house_style", code=municipality.code)
    if request.method == "POST" and form.is_valid():
        cleaned = form.cleaned_data["template"]
        services.house_style_save(municipality=municipality, cleaned=cleaned, user=request.user)
        messages.success(request, _("The template was saved; new Word documents use it."))
        if cleaned.removed:
            messages.warning(
                request,
                _("For safety, ivp removed from %(file)s: %(items)s.")
                % {"file": cleaned.file_name, "items": "; ".join(cleaned.removed)},
            )
        return redirect("reports:house_style", code=municipality.code)
    return render(
        request,
        "reports/house_style.html",
        {"municipality": municipality, "form": form, "current": current},
    )


@for_municipality("reports.change_house_style")
def house_style_template(request, municipality):
    """The template in use (the municipality's own or ivp's), to start a new one from."""
    content = services.house_style_of(municipality) or render_docx.DEFAULT_TEMPLATE.read_bytes()
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="huisstijl-{municipality.code}.docx"'
    return response
