"""What an uitvoeringsplan covers when a municipality makes one per priority or speerpunt: the
short name its address gets, and the rule that a priority or speerpunt is worked out in one
plan per year only (or the dashboard and the look-back would count its actions twice)."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.models import SCOPE_LENGTH


def scope_for(chosen: list, given: str = "") -> str:
    """The short name in the address: as given, else from what a partial plan works on (a
    priority or speerpunt has a title); a plan of everything has none."""
    text = given or " ".join(item.title for item in chosen)
    slug = slugify(text.replace("_", " "))  # an address holds letters, digits and hyphens
    if len(slug) > SCOPE_LENGTH:
        slug = slug[: SCOPE_LENGTH + 1].rsplit("-", 1)[0][:SCOPE_LENGTH]  # cut between words
    return slug


def refuse_overlap(municipality, first_year: int, last_year: int, themes: list[tuple]) -> None:
    """`themes` are (priority, focus area or None) of a new plan for these years; none may be
    worked out in another plan running in one of them, as a whole or through a speerpunt."""
    for plan in execution_selectors.plans_covering(municipality, first_year, last_year):
        for existing in plan.themes.all():
            for priority, focus_area in themes:
                if _overlaps(existing, priority, focus_area):
                    raise ValidationError(
                        _(
                            "%(theme)s is already worked out in %(plan)s (%(period)s). Make "
                            "this plan for other priorities or speerpunten, or change that one."
                        )
                        % {
                            "theme": focus_area.title if focus_area else priority.title,
                            "plan": plan.title,
                            "period": plan.period,
                        }
                    )


def _overlaps(existing, priority, focus_area) -> bool:
    if existing.priority_id != priority.pk:
        return False
    # a whole priority covers each of its speerpunten; two speerpunten meet only if the same
    if existing.focus_area_id is None or focus_area is None:
        return True
    return existing.focus_area_id == focus_area.pk
