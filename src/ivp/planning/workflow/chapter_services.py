"""Writing the chapters of a document: taking over the default outline the first time the
coordinator changes it, editing a chapter and adding one (moving and removing go through
`workflow/removal.py`). A document adopted with its plan changes only while the plan is a
draft (`Chapter.fixed_by_adoption`)."""

from django.db import transaction

from ivp.planning.workflow.adoption import ensure_draft
from ivp.planning.workflow.chapters import FIXED_BY_ADOPTION, Chapter, plan_field
from ivp.planning.workflow.locking import claim
from ivp.planning.workflow.records import next_order


def _owner(plan) -> dict:
    return {plan_field(plan): plan}


def _writable(plan, document: str) -> None:
    """Lock the plan's row (an adoption at the same moment waits) and check it may change."""
    locked = type(plan).objects.select_for_update().get(pk=plan.pk)
    if document in FIXED_BY_ADOPTION:
        ensure_draft(locked)


def chapters_stored(plan, document: str):
    return Chapter.objects.filter(**_owner(plan), document=document).order_by("order", "pk")


@transaction.atomic
def outline_take_over(*, plan, document: str, defaults) -> list[Chapter]:
    """Store the default outline (`defaults`: key, title and block of each chapter) so the
    coordinator can change it; an outline stored already stays as it is."""
    _writable(plan, document)
    stored = list(chapters_stored(plan, document))
    if stored:
        return stored
    return [
        Chapter.objects.create(
            **_owner(plan),
            document=document,
            key=default.key,
            title=default.title,
            block=default.block,
            order=order,
        )
        for order, default in enumerate(defaults, start=1)
    ]


@transaction.atomic
def chapter_save(
    *,
    chapter: Chapter,
    title: str,
    included: bool = True,
    body: str = "",
    block: str = "",
    signer_function: str = "",
    signer_name: str = "",
    expected_version: int | None = None,
) -> Chapter:
    _writable(chapter.plan, chapter.document)
    claim(chapter, expected_version)
    chapter.title, chapter.included, chapter.body, chapter.block = title, included, body, block
    chapter.signer_function, chapter.signer_name = signer_function, signer_name
    chapter.full_clean()
    chapter.save()
    return chapter


@transaction.atomic
def chapter_add(*, plan, document: str, title: str) -> Chapter:
    """A chapter of the coordinator's own, last in the outline (which must be stored)."""
    _writable(plan, document)
    siblings = chapters_stored(plan, document)
    chapter = Chapter(
        **_owner(plan), document=document, title=title, order=next_order(siblings), key=""
    )
    chapter.full_clean()
    chapter.save()
    return chapter


@transaction.atomic
def outline_reorder(*, plan, document: str, first: list[str]) -> None:
    """Put the chapters with these keys first, in this order; the others follow as they were."""
    _writable(plan, document)
    chapters = list(chapters_stored(plan, document).select_for_update())
    rank = {key: n for n, key in enumerate(first)}
    chapters.sort(key=lambda c: (rank.get(c.key, len(first)), c.order, c.pk))
    for order, chapter in enumerate(chapters, start=1):
        if chapter.order != order:
            chapter.order = order
            chapter.save(update_fields=["order"])
