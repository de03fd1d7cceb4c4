"""Numbers as a Dutch reader writes them: 1.374 inwoners, 30,3 per 1.000, 7,8%."""

import re

from django.utils.formats import number_format

PERCENT_UNIT = "procent"  # an indicator's unit for survey percentages


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


MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
QUARTER_NAMES = ("eerste", "tweede", "derde", "vierde")
_PERIOD_CODE = re.compile(
    r"^(?P<year>\d{4})(?:-Q(?P<q>[1-4])|KW0?(?P<kw>[1-4])|-(?P<m>\d{2})|MM(?P<mm>\d{2})|JJ00)?$"
)


def period(code: str | None) -> str:
    """A period as a sentence says it: '2020', 'januari 2020', 'eerste kwartaal 2020'; the
    codes ('2020-01', '2020-Q1', CBS '2020KW01', '2020MM01') stay in tables."""
    if not code:
        return "—"
    found = _PERIOD_CODE.match(code.strip())
    if found is None:
        return code
    year, quarter, month = found["year"], found["q"] or found["kw"], found["m"] or found["mm"]
    if quarter:
        return f"{QUARTER_NAMES[int(quarter) - 1]} kwartaal {year}"
    if month and 1 <= int(month) <= 12:
        return f"{MONTH_NAMES[int(month) - 1]} {year}"
    return year if not month else code


def span(first: str, last: str) -> str:
    """'2022 tot en met 2024', 'januari 2020 tot en met december 2023'."""
    return f"{period(first)} tot en met {period(last)}"


def percentage_points(value: float | None) -> str:
    """A difference between two percentages: '3,4 procentpunt', never '3,4%'."""
    return "—" if value is None else f"{decimal(value)} procentpunt"


def survey_difference(value: float | None, unit: str) -> str:
    """A difference between two survey results: procentpunt for percentages, punt for scores
    (a rapportcijfer from 6,8 to 7,1 rose 0,3 punt, not 4,4%)."""
    if value is None:
        return "—"
    return percentage_points(value) if unit == PERCENT_UNIT else f"{decimal(value)} punt"
