"""Making a document in the background (`ivp db_worker`), its progress readable by the page."""

import logging

from django.utils import timezone
from django_tasks import task

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
def generate_document(document_id: int) -> str:
    record = GeneratedDocument.objects.select_related(
        "municipality", "policy_plan", "action_plan"
    ).get(pk=document_id)
    source = record.source
    # Read before building: a version adopted while the file is made still counts as a draft.
    from_draft = source is not None and not source.adopted
    GeneratedDocument.objects.filter(pk=document_id).update(
        status=GeneratedDocument.Status.RUNNING, from_draft=from_draft
    )
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
        _finish(document_id, GeneratedDocument.Status.FAILED)
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
