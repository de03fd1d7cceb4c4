from django import template

from ..document import Bullets, Chart, Paragraph, Table

register = template.Library()
KINDS = {Paragraph: "paragraph", Bullets: "bullets", Chart: "chart", Table: "table"}


@register.filter
def block_kind(block) -> str:
    return KINDS[type(block)]
