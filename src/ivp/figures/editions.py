"""The edition of a source: read from what people write, stored so that it sorts, one default.

An edition is a year ('2026'), a month ('2025-09') or a day ('2026-12-02'). It is stored as that
normalised, zero-padded text, held to the shape by a check constraint on `Source`. Text of this
shape compares as its first day, a coarser edition before a finer one on the same first day:

    '2025-09' < '2025-12' < '2025-12-15' < '2026' < '2026-01' < '2026-12-02'

so `ORDER BY edition`, `max()`, `<=` in SQL (SQLite, PostgreSQL under any collation that puts
digits in order: the hyphens stand at the same places in every value) and in Python or polars
all agree. A DateField with a precision would need two columns in every ordering and in the
unique key for the same result.

`parse_edition` accepts what people write: '2026', '2025-9', '2025-09', '09-2025', '2026-12-02',
'2-12-2026', 'december 2025', 'dec 2025', '2 december 2026' (Dutch month names and their
abbreviations, and 'mar', 'oct'). Anything else raises `EditionError` with a Dutch message; each
caller names where the value came from (file, form field, command-line option).

The one default, used when neither the person importing nor the file states an edition, is the
day of the import (`default_edition`): a later import of the same table without an edition is
then a newer edition.
"""

import re
from datetime import date

from django.utils.translation import gettext as _

from .months import MONTH_NAMES

FIRST_YEAR = 1900
LAST_YEAR = 2100
# The stored shape, for the check constraint: year, optionally month, optionally day.
STORED_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

_SEPARATOR = r"\s*[-/.]\s*"
_NUMERIC = [
    (re.compile(r"^(?P<year>[0-9]{4})$"), "Y"),
    (re.compile(rf"^(?P<year>[0-9]{{4}}){_SEPARATOR}(?P<month>[0-9]{{1,2}})$"), "YM"),
    (re.compile(rf"^(?P<month>[0-9]{{1,2}}){_SEPARATOR}(?P<year>[0-9]{{4}})$"), "YM"),
    (
        re.compile(
            rf"^(?P<year>[0-9]{{4}}){_SEPARATOR}(?P<month>[0-9]{{1,2}}){_SEPARATOR}(?P<day>[0-9]{{1,2}})$"
        ),
        "YMD",
    ),
    (
        re.compile(
            rf"^(?P<day>[0-9]{{1,2}}){_SEPARATOR}(?P<month>[0-9]{{1,2}}){_SEPARATOR}(?P<year>[0-9]{{4}})$"
        ),
        "YMD",
    ),
]
_WORDS = re.compile(r"^(?:(?P<day>[0-9]{1,2})\s+)?(?P<name>[a-z]+)\.?\s+(?P<year>[0-9]{4})$")


class EditionError(ValueError):
    """A text that is no edition; `message` says why in Dutch, without saying where from."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def parse_edition(text: str) -> str:
    """'2025-9' → '2025-09', '2 december 2026' → '2026-12-02', '2026' → '2026'."""
    cleaned = " ".join(str(text).split()).casefold()
    if not cleaned:
        raise EditionError(_("the edition is empty."))
    parts = _parts(cleaned)
    if parts is None:
        raise EditionError(
            _(
                "“%(text)s” is not an edition; write a year (2026), a month (2025-09 or "
                "december 2025) or a date (2026-12-02 or 2 december 2026)."
            )
            % {"text": _shown(text)}
        )
    year, month, day = parts
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise EditionError(
            _("the year of edition “%(text)s” lies outside %(first)s–%(last)s.")
            % {"text": _shown(text), "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise EditionError(
            _("edition “%(text)s”: there is no month %(month)s.")
            % {"text": _shown(text), "month": month}
        )
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise EditionError(
            _("edition “%(text)s” is not a date that exists.") % {"text": _shown(text)}
        ) from None


def parse_optional_edition(text: str | None) -> str | None:
    """None for an empty or missing value: the caller then applies the default."""
    if text is None or not str(text).strip():
        return None
    return parse_edition(text)


def default_edition(*, today: date | None = None) -> str:
    """The edition when nobody states one: the day of the import."""
    return (today or date.today()).isoformat()


def _parts(cleaned: str) -> tuple[int, int | None, int | None] | None:
    for pattern, kind in _NUMERIC:
        match = pattern.match(cleaned)
        if match:
            year = int(match["year"])
            month = int(match["month"]) if "M" in kind else None
            day = int(match["day"]) if "D" in kind else None
            return year, month, day
    match = _WORDS.match(cleaned)
    if match and match["name"] in MONTH_NAMES:
        day = int(match["day"]) if match["day"] else None
        return int(match["year"]), MONTH_NAMES[match["name"]], day
    return None


def _shown(text) -> str:
    return str(text).strip()[:40]
