"""Figures in Dutch notation, and verdicts as words, for the analysis pages."""

from django import template
from django.utils.translation import gettext_lazy as _

from ivp.figures import drafting, formatting

register = template.Library()

VERDICT_LABELS = {
    "stijging": _("rise"),
    "daling": _("fall"),
    "stabiel": _("stable"),
    "hoger": _("higher"),
    "lager": _("lower"),
    "vergelijkbaar": _("comparable"),
    None: _("not testable"),
}


@register.filter
def nl_value(value, unit="aantal"):
    return formatting.value(value, unit)


@register.filter
def nl_period(code):
    """A period in a sentence: 'juli 2023', not 2023-07 (tables keep the code)."""
    return formatting.period(code)


@register.filter
def nl_difference(value, unit="procent"):
    """A survey's change: '5,0 procentpunt' for a percentage, '0,3 punt' for a score."""
    return formatting.survey_difference(value, unit)


@register.filter
def nl_decimal(value, places=1):
    return formatting.decimal(value, int(places))


@register.filter
def nl_whole(value):
    return formatting.whole(value)


@register.filter
def nl_percent(value):
    return formatting.percent(value)


@register.filter
def nl_interval(bounds, places=2):
    return formatting.interval(bounds, int(places))


@register.filter
def nl_percent_interval(bounds):
    return formatting.interval(bounds, 1, suffix="%")


@register.filter
def p_value(value):
    """For a table column headed 'p': '0,078' or '< 0,001'."""
    return formatting.p_value(value).removeprefix("= ")


@register.filter
def verdict_label(verdict):
    return VERDICT_LABELS.get(verdict, verdict)


@register.filter
def p_relation(value):
    """In running text: 'p = 0,033', 'p < 0,001' (write 'p {{ x|p_relation }}')."""
    return formatting.p_value(value)


@register.filter
def peer_position(benchmark):
    """ "higher than in six of the ten comparable municipalities" for a peer comparison."""
    return drafting.peer_position(benchmark) if benchmark.position is not None else ""
