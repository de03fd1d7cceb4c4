"""Making a document: the builder of its kind, then the renderer of its format."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ivp.planning.workflow.chapters import plan_field

from . import render_docx, render_html, render_pdf
from .builders import action_plan, analysis, policy_plan, progress, proposals
from .document import FORMATS, KINDS, Document
from .models import GeneratedDocument, HouseStyle
from .template_cleaning import CleanedTemplate

BUILDERS = {
    "analyse": analysis.build,
    "ivp": policy_plan.build,
    "uitvoeringsplan": action_plan.build,
    "voortgang": progress.build,
    "raadsvoorstel": proposals.build_raadsvoorstel,
    "collegevoorstel": proposals.build_collegevoorstel,
}
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
assert set(BUILDERS) == set(KINDS)


@dataclass
class Made:
    content: bytes
    file_name: str
    content_type: str


def build(kind: str, municipality, year: int, *, plan=None) -> Document:
    """The document of `plan` (a given version), else of the plan covering `year`."""
    with translation.override("nl"):
        return BUILDERS[kind](municipality, year, plan=plan)


def make(kind: str, municipality, year: int, fmt: str, *, plan=None, progress=None) -> Made:
    """The document as a file. `progress(step, done, total)` hears how far it is."""
    if fmt not in FORMATS:
        raise ValueError(f"Onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}.")
    with translation.override("nl"):
        if progress:
            progress("Gegevens verzamelen", 0, 1)
        document = BUILDERS[kind](municipality, year, plan=plan)
        if progress:
            progress("Gegevens verzamelen", 1, 1)
        if fmt == "pdf":
            content = render_pdf.render(document, progress=progress)
        elif fmt == "docx":
            content = render_docx.render(
                document, template=house_style_of(municipality), progress=progress
            )
        else:
            content = render_html.standalone(document, progress=progress).encode()
    return Made(content, f"{document.file_stem}.{fmt}", CONTENT_TYPES[fmt])


def house_style_of(municipality) -> bytes | None:
    style = HouseStyle.objects.filter(municipality=municipality).only("content").first()
    return bytes(style.content) if style else None


@transaction.atomic
def document_request(*, subject, file_format: str, user) -> GeneratedDocument:
    """Queue a file of the plan version this user reads now; the worker makes it of exactly
    that version, whatever happens to the plan meanwhile."""
    from .tasks import generate_document

    waiting = GeneratedDocument.objects.select_for_update().filter(
        requested_by=user,
        status__in=(GeneratedDocument.Status.QUEUED, GeneratedDocument.Status.RUNNING),
    )
    if len(waiting) >= settings.IVP_DOCUMENTS_WAITING_PER_USER:
        raise ValidationError(
            _("You have %(count)s documents waiting; wait until one is ready.")
            % {"count": len(waiting)}
        )
    source = subject.source_for(user)
    record = GeneratedDocument.objects.create(
        municipality=subject.municipality,
        kind=subject.kind,
        year=subject.year,
        scope=subject.scope,
        format=file_format,
        requested_by=user,
        **({plan_field(source): source} if source is not None else {}),
    )
    generate_document.enqueue(record.pk)
    return record


def house_style_save(*, municipality, cleaned: CleanedTemplate, user) -> HouseStyle:
    """Store a cleaned template; the audit trail records who, which file and what was removed."""
    with transaction.atomic():
        style = HouseStyle.objects.select_for_update().filter(municipality=municipality).first()
        style = style or HouseStyle(municipality=municipality)
        style.file_name = cleaned.file_name[:255]
        style.content = cleaned.content
        style.uploaded_by = user
        style._history_user = user
        style._change_reason = _removed_note(cleaned.removed)
        style.save()
    return style


def house_style_remove(*, municipality, user) -> bool:
    with transaction.atomic():
        style = HouseStyle.objects.select_for_update().filter(municipality=municipality).first()
        if style is None:
            return False
        style._history_user = user
        style.delete()
    return True


def _removed_note(removed: list[str]) -> str:
    if not removed:
        return ""
    return (_("Removed: %(items)s.") % {"items": "; ".join(removed)})[:2000]
