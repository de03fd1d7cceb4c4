"""What the drafter is given to know: the party register with its aliases, the themes of
the taxonomy in use."""

from ivp.planning.models import Party
from ivp.taxonomy.models import Theme as TaxonomyTheme
from ivp.taxonomy.selectors import current_version

from .drafting import Register, Theme
from .models import PlanImport


def party_register() -> Register:
    parties = Party.objects.prefetch_related("aliases")
    return Register.of({p.name: [a.name for a in p.aliases.all()] for p in parties})


def taxonomy_themes() -> list[Theme]:
    version = current_version()
    themes = TaxonomyTheme.objects.filter(field__version=version).order_by("field__number", "pk")
    return [Theme(t.name, t.description) for t in themes] if version else []


def plan_imports_of(municipality):
    """The plans read in for this municipality, newest first, without their files."""
    return PlanImport.objects.filter(municipality=municipality).defer("content")


def plan_import_named(code: str, pk: int) -> PlanImport | None:
    return (
        PlanImport.objects.select_related("municipality")
        .defer("content")
        .filter(pk=pk, municipality__code=code.upper())
        .first()
    )
