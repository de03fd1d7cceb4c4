"""Reads: the national versions, and the themes as one municipality sees them."""

from dataclasses import dataclass

from django.db.models import Prefetch

from .models import MunicipalTheme, SafetyField, TaxonomyVersion, Theme


def current_version() -> TaxonomyVersion | None:
    return TaxonomyVersion.objects.filter(is_current=True).first()


def versions_with_themes():
    return TaxonomyVersion.objects.prefetch_related(
        Prefetch("fields", queryset=SafetyField.objects.prefetch_related("themes"))
    )


@dataclass(frozen=True)
class EffectiveTheme:
    name: str
    national_name: str | None
    description: str
    hidden: bool
    own: bool
    theme_id: int | None
    adaptation_id: int | None

    @property
    def renamed(self) -> bool:
        return self.national_name is not None and self.name != self.national_name

    @property
    def own_name(self) -> str:
        """What the municipality itself called the theme ('' while it uses the national name)."""
        return self.name if self.own or self.renamed else ""


@dataclass(frozen=True)
class EffectiveField:
    field: SafetyField
    themes: list[EffectiveTheme]


def themes_for(
    municipality, version: TaxonomyVersion, *, include_hidden: bool = False
) -> list[EffectiveField]:
    """The national themes with the municipality's names, minus hidden ones, plus its own."""
    return themes_for_many([municipality], version, include_hidden=include_hidden)[municipality.pk]


def themes_for_many(
    municipalities, version: TaxonomyVersion, *, include_hidden: bool = False
) -> dict[int, list[EffectiveField]]:
    """`themes_for` of several municipalities (by pk), in two queries however many they are."""
    adaptations = list(
        MunicipalTheme.objects.filter(municipality__in=municipalities, version=version)
    )
    fields = list(
        SafetyField.objects.filter(version=version).prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("order"))
        )
    )
    return {
        municipality.pk: _effective_fields(
            fields,
            [a for a in adaptations if a.municipality_id == municipality.pk],
            include_hidden,
        )
        for municipality in municipalities
    }


def _effective_fields(fields, adaptations, include_hidden: bool) -> list[EffectiveField]:
    by_theme = {a.theme_id: a for a in adaptations if a.theme_id}
    own_by_field: dict[int, list[MunicipalTheme]] = {}
    for a in adaptations:
        if not a.theme_id:
            own_by_field.setdefault(a.field_id, []).append(a)

    result = []
    for field in fields:
        themes = []
        for theme in field.themes.all():
            a = by_theme.get(theme.pk)
            effective = EffectiveTheme(
                name=(a.name if a and a.name else theme.name),
                national_name=theme.name,
                description=(a.description if a and a.description else theme.description),
                hidden=bool(a and a.hidden),
                own=False,
                theme_id=theme.pk,
                adaptation_id=a.pk if a else None,
            )
            if include_hidden or not effective.hidden:
                themes.append(effective)
        for a in own_by_field.get(field.pk, []):
            if include_hidden or not a.hidden:
                themes.append(
                    EffectiveTheme(a.name, None, a.description, a.hidden, True, None, a.pk)
                )
        result.append(EffectiveField(field, themes))
    return result


def taxonomy_versions():
    return TaxonomyVersion.objects.all()
