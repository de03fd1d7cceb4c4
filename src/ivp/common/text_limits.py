"""How long a text a person may type into ivp: one place for forms, the API and the services.

Text columns in the database are unbounded and SQLite does not enforce a CharField's length, so
a 1 MB partner note once became a 669-page report. Forms and serializers take their max_length
from here; `refuse_overlong` checks every text of a model instance before it is saved, so the
services, the CLI and the admin are held to the same lengths without a migration.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

NOTE = 5_000  # a progress note, a note on a cycle step
DESCRIPTION = 10_000  # an action's measures, a priority's description, an objective
CHAPTER = 20_000  # a plan's mission, vision, finances, a year's look-back

TEXT_FIELDS = {
    "note": NOTE,
    "notes": NOTE,
    "lookback": CHAPTER,
    "mission": CHAPTER,
    "vision": CHAPTER,
    "strategic_objectives": CHAPTER,
    "principles": CHAPTER,
    "communication": CHAPTER,
    "formation": CHAPTER,
    "finances": CHAPTER,
    "body": CHAPTER,  # a chapter of a document
}


def limit_of(field: models.Field) -> int | None:
    if isinstance(field, models.TextField):
        return TEXT_FIELDS.get(field.name, DESCRIPTION)
    if isinstance(field, models.CharField):
        return field.max_length
    return None


def refuse_overlong(sender, instance, **kwargs) -> None:
    """A pre_save receiver: refuse any text longer than its limit, naming the field."""
    errors = {}
    for field in instance._meta.concrete_fields:
        limit = limit_of(field)
        value = getattr(instance, field.attname, None)
        if limit and isinstance(value, str) and len(value) > limit:
            errors[field.name] = _(
                "%(field)s holds %(length)s characters; at most %(limit)s are allowed."
            ) % {
                "field": str(field.verbose_name).capitalize(),
                "length": f"{len(value):,}".replace(",", "."),
                "limit": f"{limit:,}".replace(",", "."),
            }
    if errors:
        raise ValidationError(errors)
