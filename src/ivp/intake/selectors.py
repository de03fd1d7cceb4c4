"""What the drafter is given to know: the party register with its aliases, the themes of
the taxonomy in use."""

from ivp.planning.models import Party
from ivp.taxonomy.models import Theme as TaxonomyTheme
from ivp.taxonomy.selectors import current_version

from .drafting import Register, Theme


def party_register() -> Register:
    parties = Party.objects.prefetch_related("aliases")
    return Register.of({p.name: [a.name for a in p.aliases.all()] for p in parties})


def taxonomy_themes() -> list[Theme]:
    version = current_version()
    themes = TaxonomyTheme.objects.filter(field__version=version).order_by("field__number", "pk")
    return [Theme(t.name, t.description) for t in themes] if version else []
