"""The chapters of a document, where the coordinator writes it: the outline (taken over from
the default the first time it is changed, then reordered, renamed, left out or added to) and
one chapter's text with a preview and the generated part placed after it."""

import itertools

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.common.access import post_only
from ivp.common.form_saving import save_and_go
from ivp.planning.workflow import chapter_services
from ivp.planning.workflow.chapters import FIXED_BY_ADOPTION
from ivp.planning.workflow.removal_views import move_and_return, removal_page

from . import render_html
from .block_catalogue import block_labels
from .builders.chapters import missing, outline_of
from .document import KINDS, Document, text_blocks
from .forms import ChapterAddForm, ChapterForm
from .outlines import OUTLINES
from .rich_text import rich, vague_links
from .views import for_subject

CHANGE = "reports.change_document"


def _source(subject, user):
    plan = subject.source_for(user)
    if plan is None or subject.kind not in OUTLINES:
        raise Http404
    return plan


def _chapter(subject, user, pk: int):
    stored = [c for c in outline_of(_source(subject, user), subject.kind) if c.pk == pk]
    if not stored:
        raise Http404
    return stored[0]


def _outline_page(subject) -> str:
    return reverse(
        "reports:chapters", args=[subject.municipality.code, subject.kind, subject.address]
    )


@for_subject(CHANGE)
def chapters(request, subject):
    plan = _source(subject, request.user)
    outline = outline_of(plan, subject.kind)
    stored = outline[0].pk is not None
    add_form = ChapterAddForm(request.POST if "title" in request.POST else None)
    if request.method == "POST":
        defaults = OUTLINES[subject.kind]
        try:
            chapter_services.outline_take_over(plan=plan, document=subject.kind, defaults=defaults)
            if add_form.is_bound and add_form.is_valid():
                chapter_services.chapter_add(
                    plan=plan, document=subject.kind, title=add_form.cleaned_data["title"]
                )
                messages.success(request, _("Chapter added at the end of the outline."))
            elif not stored:
                messages.success(request, _("The outline is now this document's own."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        if not add_form.is_bound or add_form.is_valid():
            return redirect(request.path)
        outline = outline_of(plan, subject.kind)  # taken over meanwhile; the title is refused
        stored = outline[0].pk is not None
    guidance = {d.key: d.guidance for d in OUTLINES[subject.kind]}
    labels = block_labels(subject.kind, plan)
    empty = missing(outline, labels)
    rows = [
        {
            "chapter": chapter,
            "block": labels.get(chapter.block, ""),
            "guidance": guidance.get(chapter.key, ""),
            "empty": chapter in empty,
            "vague_links": vague_links(rich(chapter.body, itertools.count(1).__next__)),
        }
        for chapter in outline
    ]
    return render(
        request,
        "reports/chapters.html",
        {
            "municipality": subject.municipality,
            "subject": subject,
            "plan": plan,
            "kind_name": KINDS[subject.kind],
            "rows": rows,
            "stored": stored,
            "fixed": plan.adopted and subject.kind in FIXED_BY_ADOPTION,
            "add_form": add_form,
        },
    )


@for_subject(CHANGE)
def chapter_edit(request, subject, chapter):
    item = _chapter(subject, request.user, chapter)
    form = ChapterForm(
        request.POST or None,
        blocks=block_labels(subject.kind, _source(subject, request.user)),
        initial={
            "title": item.title,
            "included": item.included,
            "body": item.body,
            "block": item.block,
            "signer_function": item.signer_function,
            "signer_name": item.signer_name,
            "lock_version": item.lock_version,
        },
    )
    preview = None
    if request.method == "POST" and "voorbeeld" in request.POST:
        if form.is_valid():
            preview = _preview(subject, form.cleaned_data["title"], form.cleaned_data["body"])
    else:
        went = save_and_go(
            request,
            form,
            lambda: chapter_services.chapter_save(chapter=item, **form.service_arguments()),
            done=lambda saved: (
                _("Chapter “%(title)s” saved.") % {"title": saved.title},
                _outline_page(subject),
            ),
        )
        if went:
            return went
    return render(
        request,
        "reports/chapter_form.html",
        {
            "municipality": subject.municipality,
            "subject": subject,
            "kind_name": KINDS[subject.kind],
            "chapter": item,
            "form": form,
            "preview": preview,
        },
    )


def _preview(subject, title: str, body: str) -> dict:
    """The chapter's text as the document will show it (without the generated part)."""
    document = Document.about(subject.kind, subject.municipality, subject.year, title=title)
    document.section(title).add(*text_blocks(body, written_in=document))
    return render_html.context(document, inline_svg=True)


@for_subject(CHANGE)
def chapter_remove(request, subject, chapter):
    item = _chapter(subject, request.user, chapter)
    return removal_page(request, item, name=item.title, municipality=subject.municipality)


@post_only
@for_subject(CHANGE)
def chapter_move(request, subject, chapter, direction):
    item = _chapter(subject, request.user, chapter)
    return move_and_return(request, item, direction=direction, name=item.title)
