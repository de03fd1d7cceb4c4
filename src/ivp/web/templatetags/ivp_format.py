from django import template

register = template.Library()


@register.filter
def bar_width(value, maximum, scale: float = 12.0) -> str:
    """Length in rem of a bar for `value` against `maximum` (a purely visual aid beside the number)."""
    if not value or not maximum:
        return "0"
    return f"{value / maximum * scale:.2f}"
