"""Writes for the taxonomy: the national versions (from data) and a municipality's adaptations."""

import json
from pathlib import Path

from django.db import transaction

from .models import MunicipalTheme, SafetyField, TaxonomyVersion, Theme

NATIONAL_TAXONOMY = Path(__file__).parent / "data" / "kernbeleid_veiligheid.json"


@transaction.atomic
def taxonomy_load(*, path: Path = NATIONAL_TAXONOMY) -> list[TaxonomyVersion]:
    """Create or update the national versions; adaptations by municipalities stay untouched."""
    versions = []
    for spec in json.loads(path.read_text(encoding="utf-8"))["versions"]:
        version, _ = TaxonomyVersion.objects.update_or_create(
            code=spec["code"],
            defaults={k: spec[k] for k in ("name", "valid_from", "is_current", "source")},
        )
        for field_spec in spec["fields"]:
            field, _ = SafetyField.objects.update_or_create(
                version=version,
                number=field_spec["number"],
                defaults={"name": field_spec["name"], "description": field_spec["description"]},
            )
            for order, (code, name, description) in enumerate(field_spec["themes"], start=1):
                Theme.objects.update_or_create(
                    field=field,
                    code=code,
                    defaults={"name": name, "description": description, "order": order},
                )
        versions.append(version)
    return versions


@transaction.atomic
def municipal_theme_adapt(
    *,
    municipality,
    theme: Theme,
    name: str = "",
    description: str | None = None,
    hidden: bool = False,
) -> MunicipalTheme:
    """Rename or hide a national theme for one municipality; a description not given stays."""
    defaults = {
        "version": theme.field.version,
        "field": theme.field,
        "name": name.strip(),
        "hidden": hidden,
    }
    if description is not None:
        defaults["description"] = description.strip()
    adaptation, _ = MunicipalTheme.objects.update_or_create(
        municipality=municipality, theme=theme, defaults=defaults
    )
    return adaptation


@transaction.atomic
def municipal_theme_add(
    *, municipality, field: SafetyField, name: str, description: str = ""
) -> MunicipalTheme:
    """A theme of the municipality's own, within a national safety field."""
    adaptation = MunicipalTheme(
        municipality=municipality,
        version=field.version,
        field=field,
        name=name.strip(),
        description=description.strip(),
    )
    adaptation.full_clean()
    adaptation.save()
    return adaptation


@transaction.atomic
def municipal_own_theme_update(
    *, adaptation: MunicipalTheme, name: str, hidden: bool
) -> MunicipalTheme:
    """Rename, hide or show again a theme the municipality added itself."""
    adaptation.name, adaptation.hidden = name.strip(), hidden
    adaptation.full_clean()
    adaptation.save(update_fields=["name", "hidden"])
    return adaptation
