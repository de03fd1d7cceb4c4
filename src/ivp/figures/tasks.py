"""Background work: importing an uploaded file, with its progress readable by the page."""

import logging

from django.utils import timezone
from django_tasks import task

from ivp.common.importing import ImportFileError
from ivp.common.progress import cache_writer, clear_cached, read_cached

from .formats.mapped import ColumnMapping
from .models import FiguresUpload
from .services import figures_import, figures_import_mapped

logger = logging.getLogger(__name__)
PROGRESS = "figures-upload"


def read_progress(upload_id: int) -> dict | None:
    return read_cached(PROGRESS, upload_id)


def _progress_writer(upload_id: int):
    return cache_writer(PROGRESS, upload_id)


@task()
def import_upload(upload_id: int) -> str:
    upload = FiguresUpload.objects.select_related("user", "municipality").get(pk=upload_id)
    FiguresUpload.objects.filter(pk=upload_id).update(status=FiguresUpload.Status.RUNNING)
    try:
        if upload.mapping:
            result = figures_import_mapped(
                file_name=upload.file_name,
                raw=bytes(upload.content),
                municipality=upload.municipality,
                mapping=ColumnMapping(**upload.mapping),
                user=upload.user,
                edition=upload.edition or None,
                progress=_progress_writer(upload_id),
            )
        else:
            result = figures_import(
                file_name=upload.file_name,
                raw=bytes(upload.content),
                user=upload.user,
                edition=upload.edition or None,
                table_id=upload.table_id or None,
                progress=_progress_writer(upload_id),
            )
    except ImportFileError as error:
        _finish(upload_id, FiguresUpload.Status.REFUSED, problems=[str(p) for p in error.problems])
        return FiguresUpload.Status.REFUSED
    except Exception:
        logger.exception("Import of upload %s failed", upload_id)
        _finish(upload_id, FiguresUpload.Status.FAILED)
        raise
    _finish(upload_id, FiguresUpload.Status.DONE, report=result.lines())
    return FiguresUpload.Status.DONE


def _finish(upload_id: int, status: str, *, report=(), problems=()) -> None:
    # The content is no longer needed once read; the report and ImportRun keep the record.
    FiguresUpload.objects.filter(pk=upload_id).update(
        status=status,
        report=list(report),
        problems=list(problems),
        finished=timezone.now(),
        content=b"",
    )
    clear_cached(PROGRESS, upload_id)
