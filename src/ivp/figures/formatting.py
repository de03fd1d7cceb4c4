"""Numbers as a Dutch reader writes them: 1.374 inwoners, 30,3 per 1.000, 7,8%."""

from django.utils.formats import number_format


def whole(value: float | None) -> str:
    return "—" if value is None else number_format(round(value), 0, force_grouping=True)


def decimal(value: float | None, places: int = 1) -> str:
    # number_format cuts digits off; round first so 24.78 reads 24,8
    return (
        "—" if value is None else number_format(round(value, places), places, force_grouping=True)
    )


def value(value: float | None, unit: str = "aantal") -> str:
    """Counts whole, scores and percentages with one decimal."""
    if value is None:
        return "—"
    return whole(value) if unit == "aantal" and float(value).is_integer() else decimal(value)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{decimal(value)}%"


def interval(bounds, places: int = 1, suffix: str = "") -> str:
    if not bounds or bounds[0] is None or bounds[1] is None:
        return "—"
    return f"{decimal(bounds[0], places)}{suffix} tot {decimal(bounds[1], places)}{suffix}"


def p_value(p: float | None) -> str:
    """With its relation sign, to follow a 'p': 'p < 0,001', 'p = 0,033'."""
    if p is None:
        return "—"
    return "< 0,001" if p < 0.001 else f"= {decimal(p, 3)}"


NUMBER_WORDS = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
]


def number_word(count: int) -> str:
    """A count as Dutch prose writes it: in words up to twenty, in figures above."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else whole(count)
