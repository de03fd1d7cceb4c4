"""Background work: importing an uploaded file, with its progress readable by the page."""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from ivp.common.importing import ImportFileError
from ivp.common.jobs import beating, claim, fail_stalled
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
@beating(PROGRESS)
def import_upload(upload_id: int) -> str:
    upload = FiguresUpload.objects.select_related("user", "municipality").get(pk=upload_id)
    if not claim(FiguresUpload, upload_id):
        return upload.status
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
        _finish(
            upload_id,
            FiguresUpload.Status.FAILED,
            problems=[_("The import stopped on an unexpected error; try again.")],
        )
        raise
    _finish(upload_id, FiguresUpload.Status.DONE, report=result.lines())
    return FiguresUpload.Status.DONE


def _finish(upload_id: int, status: str, *, report=(), problems=()) -> None:
    # Once read, the content is needed only to try a failed import again; the report and
    # ImportRun keep the record.
    keep = status == FiguresUpload.Status.FAILED
    FiguresUpload.objects.filter(pk=upload_id).update(
        status=status,
        report=list(report),
        problems=list(problems),
        finished=timezone.now(),
        **({} if keep else {"content": b""}),
    )
    clear_cached(PROGRESS, upload_id)


def rescue_stalled() -> int:
    """Imports whose worker is gone end failed, with the reason; returns how many."""
    reason = _(
        "The worker importing this file stopped (it was ended or the server restarted) "
        "before the import finished; nothing of the file was saved. Try again."
    )
    return fail_stalled(
        PROGRESS,
        FiguresUpload,
        problems=[reason],
        finished=timezone.now(),
    )


def upload_queue(*, upload: FiguresUpload) -> FiguresUpload:
    """Queue an upload for import. The same file already waiting or importing is refused:
    the database's constraint decides, so two requests at once cannot both pass."""
    before = upload.status
    upload.digest = hashlib.sha256(bytes(upload.content)).hexdigest()
    upload.status = FiguresUpload.Status.QUEUED
    try:
        with transaction.atomic():
            upload.save()
    except IntegrityError:
        upload.status = before
        raise ValidationError(
            _("This file is already being imported; wait until that import has finished.")
        ) from None
    import_upload.enqueue(upload.pk)
    return upload


@transaction.atomic
def upload_retry(*, upload: FiguresUpload) -> bool:
    """Queue a failed import again, once: a second click finds it queued and does nothing."""
    again = FiguresUpload.objects.filter(pk=upload.pk, status=FiguresUpload.Status.FAILED)
    try:
        with transaction.atomic():
            queued = again.update(status=FiguresUpload.Status.QUEUED, problems=[], finished=None)
    except IntegrityError:  # the same file was uploaded again and is being imported
        return False
    if not queued:
        return False
    import_upload.enqueue(upload.pk)
    return True


def uploads_expire(*, now=None) -> int:
    """Finished uploads older than the retention period are removed with their content."""
    before = (now or timezone.now()) - timedelta(days=settings.IVP_RETENTION_DAYS)
    old = FiguresUpload.objects.filter(status__in=FiguresUpload.FINISHED, created__lt=before)
    return old.delete()[0]
