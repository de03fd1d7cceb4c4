"""Frameworks are reviewed data (planning/data/kaders.json), loaded idempotently."""

import json
from pathlib import Path

from django.db import transaction

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
