"""Background work: reading an uploaded plan into a draft, with its progress for the page."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from ivp.common.jobs import beating, claim, fail_stalled
from ivp.common.progress import cache_writer, clear_cached, read_cached

from .drafting import draft_plan
from .drafting_actions import draft_actions
from .models import PlanImport
from .readers.plan_json import PlanFileError, read_plan_json
from .reading import blocks_of
from .selectors import party_register, taxonomy_themes

logger = logging.getLogger(__name__)
PROGRESS = "plan-import"


def read_progress(pk: int) -> dict | None:
    return read_cached(PROGRESS, pk)


@task()
@beating(PROGRESS)
def read_plan_import(pk: int) -> str:
    record = PlanImport.objects.get(pk=pk)
    if not claim(PlanImport, pk):
        return record.status
    progress = cache_writer(PROGRESS, pk)
    try:
        content = bytes(record.content)
        if record.kind == PlanImport.Kind.PLAN and record.file_name.lower().endswith(".json"):
            draft = read_plan_json(content, record.file_name)
        else:
            progress(_("Reading the document"), 0, 2)
            blocks = blocks_of(record.file_name, content)
            progress(_("Drafting the plan"), 1, 2)
            draft = (
                draft_actions(blocks)
                if record.kind == PlanImport.Kind.ACTIONS
                else draft_plan(blocks, register=party_register(), themes=taxonomy_themes())
            )
        progress(_("Drafting the plan"), 2, 2)
    except PlanFileError as error:
        _finish(pk, PlanImport.Status.REFUSED, problems=[str(error)])
        return PlanImport.Status.REFUSED
    except Exception:
        logger.exception("Reading plan import %s failed", pk)
        _finish(pk, PlanImport.Status.FAILED,
                problems=[_("Reading stopped on an unexpected error; try again.")])  # fmt: skip
        raise
    _finish(pk, PlanImport.Status.DONE, draft=draft)
    return PlanImport.Status.DONE


def _finish(pk: int, status: str, *, draft=None, problems=()) -> None:
    PlanImport.objects.filter(pk=pk).update(
        status=status, draft=draft, problems=list(problems), finished=timezone.now()
    )
    clear_cached(PROGRESS, pk)


def plan_import_queue(
    *, municipality, file_name: str, content: bytes, user, year: int | None = None
) -> PlanImport:
    """An upload to be read: an IVP, or with `year` the actions of that year's uitvoeringsplan."""
    kind = PlanImport.Kind.PLAN if year is None else PlanImport.Kind.ACTIONS
    record = PlanImport.objects.create(
        municipality=municipality, file_name=file_name, content=content, created_by=user,
        kind=kind, year=year,
    )  # fmt: skip
    read_plan_import.enqueue(record.pk)
    return record


def rescue_stalled() -> int:
    """Readings whose worker is gone end failed, with the reason; returns how many."""
    return fail_stalled(
        PROGRESS,
        PlanImport,
        problems=[_("The worker reading this file stopped before it finished; try again.")],
        finished=timezone.now(),
    )


def plan_import_retry(*, record: PlanImport) -> bool:
    """Read a failed file again, once: a second click finds it queued and does nothing."""
    again = PlanImport.objects.filter(pk=record.pk, status=PlanImport.Status.FAILED)
    if not again.update(status=PlanImport.Status.QUEUED, problems=[], finished=None):
        return False
    read_plan_import.enqueue(record.pk)
    return True


def plan_import_save(*, record: PlanImport, save):
    """`save()` once for a draft that was read and not yet saved, and the record marked saved
    with what it made, in one transaction: a second click or a resubmitted form makes no
    second concept."""
    with transaction.atomic():
        locked = PlanImport.objects.select_for_update().filter(pk=record.pk).first()
        if locked is None or locked.status != PlanImport.Status.DONE:
            raise ValidationError(_("This draft was saved already; it was not saved again."))
        result = save()
        PlanImport.objects.filter(pk=record.pk).update(
            status=PlanImport.Status.SAVED,
            plan=getattr(result, "plan", None),
            action_plan=getattr(result, "action_plan", None),
        )
    return result
