"""`{% table %}…{% endtable %}`: the head and rows of a table, wrapped the same way on every
page, or one sentence where there are no rows.

    {% table rows=keys labelledby="sleutels" empty=_("You have no API keys.") %}
      <thead …>…</thead><tbody …>{% for key in keys %}…{% endfor %}</tbody>
    {% endtable %}

`labelledby` names the heading that titles the table: the wrapper scrolls on its own and is
reachable by keyboard. Without it, `caption` is the table's name for screen readers only.
Without `rows`, the table is always shown."""

from django import template
from django.template.base import token_kwargs
from django.template.loader import render_to_string

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
