"""For management commands: the municipality an argument names."""

from django.core.management.base import CommandError

from .models import Municipality


def municipality_argument(code: str) -> Municipality:
    """The municipality a CBS-code argument names (in any case); an unknown code ends the
    command with a message that says what is expected."""
    municipality = Municipality.objects.filter(code=code.upper()).first()
    if municipality is None:
        raise CommandError(f"Onbekende gemeente: {code} (verwacht een CBS-code als GM1708).")
    return municipality
