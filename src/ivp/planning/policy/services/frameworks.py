"""Frameworks: the shared ones are reviewed data (planning/data/kaders.json), loaded
idempotently; a municipality or a region adds and keeps its own."""

import json
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from ivp.planning.policy.models import Framework
from ivp.regions.models import Municipality, Region
from ivp.taxonomy.models import Theme

FRAMEWORKS_FILE = Path(__file__).resolve().parents[2] / "data" / "kaders.json"


@transaction.atomic
def frameworks_load(path: Path = FRAMEWORKS_FILE) -> list[Framework]:
    loaded = []
    for entry in json.loads(path.read_text(encoding="utf-8"))["frameworks"]:
        framework, _created = Framework.objects.update_or_create(
            code=entry["code"],
            defaults={
                "name": entry["name"],
                "level": entry["level"],
                "issuer": entry.get("issuer", ""),
                "start_year": entry["start_year"],
                "end_year": entry["end_year"],
                "description": entry.get("description", ""),
                "region": Region.objects.filter(code=entry.get("region")).first(),
                "municipality": Municipality.objects.filter(code=entry.get("municipality")).first(),
            },
        )
        themes = Theme.objects.filter(field__version__is_current=True, code__in=entry["themes"])
        missing = set(entry["themes"]) - {t.code for t in themes}
        if missing:
            raise ValueError(f"{path.name}: {entry['code']}: unknown themes {sorted(missing)}")
        framework.themes.set(themes)
        loaded.append(framework)
    return loaded


@transaction.atomic
def framework_save(
    *,
    municipality=None,
    region=None,
    framework: Framework | None = None,
    name: str,
    level: str,
    start_year: int,
    end_year: int,
    issuer: str = "",
    description: str = "",
    order: int = 0,
    themes=(),
) -> Framework:
    """A framework of a municipality's or a region's own: its coalition agreement, its
    policies, a regional plan the shared data does not hold."""
    owner = {"municipality": municipality, "region": region}
    if framework is None:
        framework = Framework(**owner, code=_free_code(municipality or region, name))
    framework.name, framework.level, framework.issuer = name, level, issuer
    framework.start_year, framework.end_year = start_year, end_year
    framework.description, framework.order = description, order
    framework.full_clean()
    framework.save()
    framework.themes.set(themes)
    return framework


def _free_code(owner, name: str) -> str:
    base = slugify(f"{owner.code} {name}")[:70] or owner.code.lower()
    code, number = base, 1
    while Framework.objects.filter(code=code).exists():
        number += 1
        code = f"{base}-{number}"
    return code
