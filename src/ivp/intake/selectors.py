"""What the drafter is given to know: the party register with its aliases, the themes of
the taxonomy in use."""

from ivp.planning.models import Party
from ivp.planning.policy import selectors as policy_selectors
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


def plan_imports_of(municipality, kind: str = PlanImport.Kind.PLAN):
    """The plans of this kind read in for this municipality, newest first, without their
    files."""
    return PlanImport.objects.filter(municipality=municipality, kind=kind).defer("content")


def plan_import_named(code: str, pk: int, kind: str = PlanImport.Kind.PLAN) -> PlanImport | None:
    return (
        PlanImport.objects.select_related("municipality")
        .defer("content")
        .filter(pk=pk, municipality__code=code.upper(), kind=kind)
        .first()
    )


def theme_titles_in_force(municipality, year: int) -> list[str]:
    """The themes a whole uitvoeringsplan for `year` gets from the IVP in force, in its order:
    its priorities, then its other themes (as `action_plan_create` makes them)."""
    plan = policy_selectors.plan_in_force(municipality, year=year)
    if plan is None:
        return []
    return [p.title for p in plan.priorities.order_by("-kind", "order", "pk")]
