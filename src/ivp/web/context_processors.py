from django.utils.functional import SimpleLazyObject

from . import manual
from .cycle import STEPS
from .help import help_for


def shell(request):
    """What the page frame needs: the cycle navigation and the municipality switcher."""
    user = getattr(request, "user", None)
    active = getattr(request, "active_municipality", None)
    switchable = []
    if user is not None and user.is_authenticated:
        # Only roles that span several municipalities get a switcher.
        switchable = list(getattr(request, "allowed_municipalities", []))
        if len(switchable) < 2:
            switchable = []
    return {
        "cycle_steps": STEPS,
        # Raad / college follow only published work, which hangs under the public pages.
        "shows_cycle": bool(active) and user.has_perm("regions.view_workspace", active),
        "active_municipality": active if active else None,
        "switchable_municipalities": switchable,
    }


def page_help(request):
    """The page's "What do I do here?" text and the manual of the reader's role; worked out
    only when a page shows them (fragments and mails never do)."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    role = SimpleLazyObject(
        lambda: manual.role_of(request.user, getattr(request, "active_municipality", None))
    )
    return {
        "page_help": SimpleLazyObject(lambda: help_for(view_name, str(role)) or ""),
        "manual_url": SimpleLazyObject(lambda: manual.manual_url(str(role))),
        "manual_role": SimpleLazyObject(lambda: manual.MANUALS_BY_SLUG[str(role)].label),
    }
