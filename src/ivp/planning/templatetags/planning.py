from django import template
from django.utils.translation import gettext as _

from ivp.planning.policy import objective_text
from ivp.planning.workflow.periods import period_text

register = template.Library()


@register.simple_tag
def score(row, criterion) -> str:
    value = row.scores.get(criterion)
    return _("missing") if value is None else f"{value:.0f}"


@register.filter
def bound(row, form) -> list:
    """The row's two input fields of the matrix form: subjective, professional."""
    return [form[f"score_subjective_{row.theme_id}"], form[f"score_professional_{row.theme_id}"]]


@register.filter
def reasons(reasons_by_criterion: dict, criterion: str) -> list:
    return reasons_by_criterion.get(criterion, [])


@register.filter
def objective_aim(objective) -> str:
    """What the objective aims at, as the exports and documents say it."""
    return objective_text.aim(objective)


@register.filter
def written_period(start, end) -> str:
    """'Q2 2025', 'mei 2025', '2025' when the two dates are exactly that; '' otherwise."""
    return period_text(start, end)
