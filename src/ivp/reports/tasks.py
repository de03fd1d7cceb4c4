"""Making a document in the background (`ivp db_worker`), its progress readable by the page."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from ivp.common.jobs import beating, claim, fail_stalled
from ivp.common.progress import cache_writer, clear_cached, read_cached

from . import services
from .models import GeneratedDocument
from .render_docx import TemplateError
from .render_pdf import PdfUnavailable

logger = logging.getLogger(__name__)
PROGRESS = "document"


def read_progress(document_id: int) -> dict | None:
    return read_cached(PROGRESS, document_id)


@task()
@beating(PROGRESS)
def generate_document(document_id: int) -> str:
    record = GeneratedDocument.objects.select_related(
        "municipality", "policy_plan", "action_plan"
    ).get(pk=document_id)
    source = record.source
    # Read before building: a version adopted while the file is made still counts as a draft.
    from_draft = source is not None and not source.adopted
    if not claim(
        GeneratedDocument, document_id, from_draft=from_draft
    ):  # already taken, finished or given up on
        return record.status
    try:
        made = services.make(
            record.kind,
            record.municipality,
            record.year,
            record.format,
            plan=source,
            progress=cache_writer(PROGRESS, document_id),
        )
    except (PdfUnavailable, TemplateError) as error:
        _finish(document_id, GeneratedDocument.Status.FAILED, problem=str(error))
        return GeneratedDocument.Status.FAILED
    except Exception:
        logger.exception("Making document %s failed", document_id)
        _finish(
            document_id,
            GeneratedDocument.Status.FAILED,
            problem=_("Making the document stopped on an unexpected error; try again."),
        )
        raise
    _finish(
        document_id,
        GeneratedDocument.Status.DONE,
        content=made.content,
        file_name=made.file_name,
        size=len(made.content),
    )
    return GeneratedDocument.Status.DONE


def _finish(document_id: int, status: str, **fields) -> None:
    GeneratedDocument.objects.filter(pk=document_id).update(
        status=status, finished_at=timezone.now(), **fields
    )
    clear_cached(PROGRESS, document_id)


def rescue_stalled() -> int:
    """Documents whose worker is gone end failed, with the reason; returns how many."""
    reason = _(
        "The worker making this document stopped (it was ended or the server restarted) "
        "before the document was ready. Try again."
    )
    return fail_stalled(
        PROGRESS,
        GeneratedDocument,
        problem=reason,
        finished_at=timezone.now(),
    )


@transaction.atomic
def document_retry(*, record: GeneratedDocument) -> bool:
    """Queue a failed document again, once: a second click finds it queued and does nothing."""
    again = GeneratedDocument.objects.filter(pk=record.pk, status=GeneratedDocument.Status.FAILED)
    if not again.update(status=GeneratedDocument.Status.QUEUED, problem="", finished_at=None):
        return False
    generate_document.enqueue(record.pk)
    return True


def documents_expire(*, now=None) -> int:
    """Documents requested longer ago than the retention period are removed."""
    before = (now or timezone.now()) - timedelta(days=settings.IVP_RETENTION_DAYS)
    return (
        GeneratedDocument.objects.filter(requested_at__lt=before)
        .exclude(status__in=(GeneratedDocument.Status.QUEUED, GeneratedDocument.Status.RUNNING))
        .delete()[0]
    )
