"""Writing a record's fields the way every service here does."""


def save_fields(instance, values: dict, allowed) -> None:
    """Set the named fields (only those a form may change), validate the record and save it."""
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"{type(instance).__name__}: unknown fields {sorted(unknown)}")
    for name, value in values.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
