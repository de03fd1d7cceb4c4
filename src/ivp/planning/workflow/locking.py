"""Optimistic locking: an edit names the version it was based on; if someone saved the record
since, the edit is refused with the other person's values, and nothing is overwritten unseen."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class EditConflict(ValidationError):
    def __init__(self, current):
        self.current = current
        super().__init__(
            _(
                "Someone else saved this part after you opened it. Your input is still in the "
                "form and nothing has been saved; the values saved meanwhile are shown beside "
                "the fields. Save again to replace them with yours."
            ),
            code="conflict",
        )


def claim(instance, expected: int | None):
    """Lock `instance`'s row for this transaction, refuse the edit if its version is no longer
    `expected` (None: the caller does not check, as the demo loader), and take the next one.
    Returns the row as it stands in the database (None for a new record)."""
    if instance.pk is None:
        return None
    current = type(instance).objects.select_for_update().get(pk=instance.pk)
    if expected is not None and current.lock_version != expected:
        raise EditConflict(current)
    instance.lock_version = current.lock_version + 1
    return current
