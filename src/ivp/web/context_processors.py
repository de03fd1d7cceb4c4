from .cycle import STEPS


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
