"""Tables written once: `{% table %}` wraps them, `{% columns %}` writes their head row.

`{% table %}…{% endtable %}`: the head and rows of a table, wrapped the same way on every
page, or one sentence where there are no rows.

    {% table rows=keys labelledby="sleutels" empty=_("You have no API keys.") %}
      <thead …>…</thead><tbody …>{% for key in keys %}…{% endfor %}</tbody>
    {% endtable %}

`labelledby` names the heading that titles the table: the wrapper scrolls on its own and is
reachable by keyboard. Without it, `caption` is the table's name for screen readers only.
Without `rows`, the table is always shown.

`{% columns _("Step") _("Status") numeric _("Hours") %}`: the head row, one column heading
each. A word switches the headings after it: `numeric` and `numeric-column` to those Utrecht
modifier classes, `plain` back to none; `hidden` hides the next heading from the eye only."""

from django import template
from django.template.base import token_kwargs
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join

register = template.Library()


@register.tag("table")
def table(parser, token):
    bits = token.split_contents()[1:]
    options = token_kwargs(bits, parser)
    if bits or not options.keys() <= {"rows", "labelledby", "caption", "empty"}:
        raise template.TemplateSyntaxError(
            "{% table %} takes rows=, labelledby=, caption= and empty= only"
        )
    contents = parser.parse(("endtable",))
    parser.delete_first_token()
    return TableNode(contents, options)


class TableNode(template.Node):
    def __init__(self, contents, options):
        self.contents = contents
        self.options = options

    def render(self, context):
        values = {name: value.resolve(context) for name, value in self.options.items()}
        shown = "rows" not in values or bool(values["rows"])
        return render_to_string(
            "web/_table.html",
            {**values, "shown": shown, "contents": self.contents.render(context) if shown else ""},
        )


_MODIFIERS = {"plain": "", "numeric": "numeric", "numeric-column": "numeric-column"}


@register.tag("columns")
def columns(parser, token):
    headings, modifier, hidden = [], "", False
    for bit in token.split_contents()[1:]:
        if bit in _MODIFIERS:
            modifier = _MODIFIERS[bit]
        elif bit == "hidden":
            hidden = True
        else:
            headings.append((parser.compile_filter(bit), modifier, hidden))
            hidden = False
    if not headings:
        raise template.TemplateSyntaxError("{% columns %} needs at least one heading")
    return ColumnsNode(headings)


class ColumnsNode(template.Node):
    def __init__(self, headings):
        self.headings = headings

    def render(self, context):
        cells = []
        for heading, modifier, hidden in self.headings:
            label = heading.resolve(context)
            if hidden:
                label = format_html('<span class="visually-hidden">{}</span>', label)
            modifier_class = f" utrecht-table__header-cell--{modifier}" if modifier else ""
            cells.append((modifier_class, label))
        return format_html(
            '<thead class="utrecht-table__header"><tr class="utrecht-table__row">{}</tr></thead>',
            format_html_join(
                "", '<th class="utrecht-table__header-cell{}" scope="col">{}</th>', cells
            ),
        )
