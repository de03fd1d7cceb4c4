"""Rules the planning models share, written once for `clean()`, the forms built from the
models and the database's check constraints: years a plan may name, a period whose end does
not lie before its start, a percentage from 0 to 100, amounts that are not negative, a date or
reference either given or ticked as not stated in the source document."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 2000, 2100  # no safety plan in ivp is older; 0025 or 3026 is a typo


def lazy_format(message, **params):
    """`message % params`, translated when shown rather than when the module is imported."""
    return lazy(lambda: str(message) % params, str)()


YEAR_MESSAGE = lazy_format(
    _("A year from %(first)s to %(last)s."), first=FIRST_YEAR, last=LAST_YEAR
)
PERCENT_MESSAGE = _("The percentage done is a whole number from 0 to 100.")
NOT_NEGATIVE_MESSAGE = _("This cannot be negative.")
END_BEFORE_START_MESSAGE = _("The last year lies before the first year.")
DATE_AND_UNSTATED_MESSAGE = _(
    "A date is filled in and ticked as not stated in the source document; keep one of them."
)
REFERENCE_AND_UNSTATED_MESSAGE = _(
    "A reference is filled in and ticked as not stated in the source document; keep one of them."
)


def year_validators():
    return [
        MinValueValidator(FIRST_YEAR, message=YEAR_MESSAGE),
        MaxValueValidator(LAST_YEAR, message=YEAR_MESSAGE),
    ]


def percent_validators(message=PERCENT_MESSAGE):
    return [MinValueValidator(0, message=message), MaxValueValidator(100, message=message)]


def not_negative_validators():
    return [MinValueValidator(0, message=NOT_NEGATIVE_MESSAGE)]


def year_in_range(name: str) -> Q:
    """`name` is empty or a year from FIRST_YEAR to LAST_YEAR (empty passes: a CHECK on NULL is
    not false)."""
    return Q(**{f"{name}__gte": FIRST_YEAR, f"{name}__lte": LAST_YEAR})


def checks(prefix: str, **conditions: tuple[Q, str]) -> list[models.CheckConstraint]:
    """One named check constraint per rule, carrying the Dutch message full_clean shows."""
    return [
        models.CheckConstraint(
            condition=condition, name=f"{prefix}_{name}", violation_error_message=message
        )
        for name, (condition, message) in conditions.items()
    ]


def years(prefix: str, *names: str) -> list[models.CheckConstraint]:
    return checks(prefix, **{f"{n}_in_range": (year_in_range(n), YEAR_MESSAGE) for n in names})


def ordered(start: str, end: str) -> Q:
    """The end does not lie before the start (either may be empty)."""
    return Q(**{f"{end}__gte": F(start)})


def reversed_period(start, end) -> bool:
    """Both given, and the end lies before the start: what `ordered` refuses."""
    return start is not None and end is not None and end < start


def period(prefix: str, start: str = "start_year", end: str = "end_year"):
    """The constraints of a period in years: both years in range, the end not before the start."""
    return [
        *years(prefix, start, end),
        *checks(prefix, end_after_start=(ordered(start, end), END_BEFORE_START_MESSAGE)),
    ]


class YearPeriod(models.Model):
    """A record that runs from `start_year` to `end_year` (its fields declared by the record)."""

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if reversed_period(self.start_year, self.end_year):
            raise ValidationError({"end_year": END_BEFORE_START_MESSAGE})

    @property
    def period(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"
