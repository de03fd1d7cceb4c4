"""A chapter as a part of a plan that is removed and moved like every other
(`planning/workflow/removal.py`): a progress report's chapters go on changing after adoption,
and a standard chapter is left out rather than removed."""

from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.planning.models import Chapter
from ivp.planning.workflow.chapter_services import chapters_stored
from ivp.planning.workflow.removal import Removable, register


def outline_page(chapter: Chapter) -> str:
    plan = chapter.plan
    address = plan.address if chapter.action_plan_id else plan.start_year
    return reverse("reports:chapters", args=[plan.municipality.code, chapter.document, address])


def _standard(chapter: Chapter) -> str | None:
    if not chapter.key:
        return None
    return _("“%(title)s” is a standard chapter: leave it out of the document instead.") % {
        "title": chapter.title
    }


register(
    Removable(
        model=Chapter,
        plan=lambda chapter: chapter.plan,
        siblings=lambda chapter: chapters_stored(chapter.plan, chapter.document),
        refusal=_standard,
        back_to=outline_page,
        while_adopted=lambda chapter: not chapter.fixed_by_adoption,
    )
)
