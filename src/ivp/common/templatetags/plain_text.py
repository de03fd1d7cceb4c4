"""`{{ text|plain_text }}`: typed text as the paragraphs and lists its writer meant, in the NL
Design System's classes. Everything typed is escaped; the filter adds only its own elements, so
it belongs in a `<div>` or a `<section>`, never inside a `<p>`."""

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from ivp.common.plain_text import ItemList, blocks

register = template.Library()


@register.filter(is_safe=True)
def plain_text(text) -> SafeString:
    return mark_safe("".join(_html(block) for block in blocks(str(text or ""))))


def _html(block) -> SafeString:
    if isinstance(block, ItemList):
        kind = "ordered" if block.ordered else "unordered"
        tag = "ol" if block.ordered else "ul"
        start = (
            format_html(' start="{}"', block.start) if block.ordered and block.start != 1 else ""
        )
        items = format_html_join(
            "",
            '<li class="utrecht-{}-list__item">{}</li>',
            ((kind, _lines(i)) for i in block.items),
        )
        return format_html('<{} class="utrecht-{}-list"{}>{}</{}>', tag, kind, start, items, tag)
    return format_html('<p class="utrecht-paragraph">{}</p>', _lines(block.text))


def _lines(text: str) -> SafeString:
    return mark_safe("<br>".join(escape(line) for line in text.split("\n")))
