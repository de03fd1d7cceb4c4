"""A period typed as people write it ("Q2 2025", "2e kwartaal 2025", "mei–juni 2025", "2025")
read as its first and last day, and two dates written back that way when they are exactly a
quarter, whole months or whole years. The reading is the planning parser's (`schedule`); a
period here must name its year and run without gaps, since it becomes one start and one end."""

import calendar
from datetime import date
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ivp.planning.workflow.schedule import MONTHS, YEAR, parse_planning

EXAMPLES = "Q2 2025, 2e kwartaal 2025, mei 2025, mei–juni 2025, 2025"
MONTH_NAMES = {number: name for name, number in reversed(MONTHS.items())}  # the full names
UNREAD_MESSAGE = _("“%(text)s” could not be read as a period; write e.g. %(examples)s.")
NO_YEAR_MESSAGE = _("“%(text)s” names no year; write e.g. %(examples)s.")
GAPS_MESSAGE = _("“%(text)s” is not one unbroken period; enter its start and end as dates.")


def period_dates(text: str) -> tuple[date, date]:
    """The first day of the first month and the last day of the last month of `text`."""
    params = {"text": text.strip(), "examples": EXAMPLES}
    year = YEAR.search(text)
    if not year:
        raise ValidationError(NO_YEAR_MESSAGE, code="no_year", params=params)
    schedule = parse_planning(text, year=int(year.group(1)))
    if not schedule.parsed:
        raise ValidationError(UNREAD_MESSAGE, code="unread", params=params)
    months = [(int(m[:4]), int(m[5:])) for m in schedule.months]
    if any(_month_after(a) != b for a, b in pairwise(months)):
        raise ValidationError(GAPS_MESSAGE, code="gaps", params=params)
    (first_year, first_month), (last_year, last_month) = months[0], months[-1]
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(first_year, first_month, 1), date(last_year, last_month, last_day)


def period_text(start: date | None, end: date | None) -> str:
    """'Q2 2025', 'mei 2025', 'mei–juni 2025', '2025' or '2025–2026' when the dates are exactly
    that; '' otherwise (the dates are then shown as dates)."""
    if not start or not end or start > end or start.day != 1:
        return ""
    if end.day != calendar.monthrange(end.year, end.month)[1]:
        return ""
    if (start.month, end.month) == (1, 12):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    first, last = MONTH_NAMES[start.month], MONTH_NAMES[end.month]
    if start.year != end.year:
        return f"{first} {start.year}–{last} {end.year}"
    if start.month % 3 == 1 and end.month == start.month + 2:
        return f"Q{start.month // 3 + 1} {start.year}"
    if start.month == end.month:
        return f"{first} {start.year}"
    return f"{first}–{last} {start.year}"


def _month_after(month: tuple[int, int]) -> tuple[int, int]:
    year, number = month
    return (year + 1, 1) if number == 12 else (year, number + 1)
