from django import template

from ..document import Bullets, Chart, Paragraph, Table
from ..render_html import inline_html
from ..rich_text import Rich

register = template.Library()
KINDS = {Paragraph: "paragraph", Bullets: "bullets", Chart: "chart", Table: "table"}


@register.filter
def block_kind(block) -> str:
    return KINDS[type(block)]


@register.filter
def rich(text) -> str:
    """A text of the document as HTML: its line breaks, bold, italic, links and footnote marks."""
    return inline_html(text)


@register.filter
def rich_runs(runs) -> str:
    """A footnote's own text (its runs) as HTML."""
    return inline_html(Rich(runs))
