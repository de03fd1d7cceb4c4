"""What the drafter is given to know: the party register with its aliases."""

from ivp.planning.models import Party

from .drafting import Register


def party_register() -> Register:
    parties = Party.objects.prefetch_related("aliases")
    return Register.of({p.name: [a.name for a in p.aliases.all()] for p in parties})
