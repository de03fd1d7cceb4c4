from ivp.accounts.selectors import municipalities_for

from .cycle import STEPS


def shell(request):
    """What the page frame needs: the cycle navigation and the municipality switcher."""
    user = getattr(request, "user", None)
    active = getattr(request, "active_municipality", None)
    switchable = []
    if user is not None and user.is_authenticated:
        switchable = municipalities_for(user)
        # The switcher lists a handful; the administrator picks from the full list page.
        switchable = list(switchable[:60]) if switchable.count() > 1 else []
    return {
        "cycle_steps": STEPS,
        "active_municipality": active if active else None,
        "switchable_municipalities": switchable,
    }
