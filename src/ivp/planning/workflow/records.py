"""Writing a record's fields the way every service here does."""

from django.db.models import Max

from .locking import claim


def save_fields(instance, values: dict, allowed) -> None:
    """Set the named fields (only those a form may change), validate the record and save it."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"{type(instance).__name__}: unknown fields {sorted(unknown)}")
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()


def create_valid(model, **fields):
    """A new record, validated (`objects.create` skips the model's checks) and saved."""
    instance = model(**fields)
    instance.full_clean()
    instance.save()
    return instance


def next_order(siblings) -> int:
    """One past the highest `order` among `siblings` (a queryset): a new record goes last."""
    return (siblings.aggregate(m=Max("order"))["m"] or 0) + 1


def claimed_or_new(instance, expected_version: int | None, *, siblings, **fields):
    """The record being edited, claimed at the version its form was read at; without one, a
    new (unsaved) record of the siblings' model with `fields`, last in their order."""
    if instance is not None:
        claim(instance, expected_version)
        return instance
    return siblings.model(order=next_order(siblings), **fields)
