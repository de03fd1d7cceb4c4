"""Police crime-type and overlast codes, and their reviewed link to Kernbeleid Veiligheid themes.

The mapping lives in `taxonomy/data/soort_misdrijf_themas.json`. A code in that file with
`themes: []` was reviewed and deliberately left without a theme; a code missing from it is
reported on import as "not linked", never dropped.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .formats.common import IndicatorSpec

MAPPING_FILE = (
    Path(__file__).resolve().parents[1] / "taxonomy" / "data" / "soort_misdrijf_themas.json"
)

CRIME_TOTAL = "0.0.0"
CRIME_PREFIX = "misdrijven"
NUISANCE_PREFIX = "overlast"


@dataclass(frozen=True)
class TypeEntry:
    code: str
    title: str
    themes: tuple[str, ...]


@cache
def _mapping() -> dict[str, dict[str, TypeEntry]]:
    data = json.loads(MAPPING_FILE.read_text(encoding="utf-8"))
    return {
        group: {
            e["code"]: TypeEntry(e["code"], e["title"], tuple(e["themes"])) for e in data[group]
        }
        for group in ("crime_types", "nuisance_types")
    }


def clean_code(raw: str) -> str:
    """'1.1.1 ' → '1.1.1'; '1.1.1 Diefstal/inbraak woning' → '1.1.1'; 'E35   ' → 'E35'."""
    return raw.strip().split(" ", 1)[0]


def crime_indicator_code(code: str) -> str:
    return (
        f"{CRIME_PREFIX}-totaal"
        if code == CRIME_TOTAL
        else f"{CRIME_PREFIX}-{code.replace('.', '-')}"
    )


def nuisance_indicator_code(code: str) -> str:
    return (
        f"{NUISANCE_PREFIX}-totaal" if code == CRIME_TOTAL else f"{NUISANCE_PREFIX}-{code.lower()}"
    )


def crime_indicator(code: str, title: str = "") -> IndicatorSpec:
    entry = _mapping()["crime_types"].get(code)
    title = (title or (entry.title if entry else code)).strip()
    title = title.removeprefix(code).strip()
    name = "Geregistreerde misdrijven, totaal" if code == CRIME_TOTAL else f"{code} {title}"
    return IndicatorSpec(
        code=crime_indicator_code(code),
        name=name,
        kind="misdrijven",
        classification=code,
        theme_codes=entry.themes if entry else None,
    )


def nuisance_indicator(code: str, title: str = "") -> IndicatorSpec:
    entry = _mapping()["nuisance_types"].get(code)
    title = (title or (entry.title if entry else code)).strip()
    name = "Overlastregistraties, totaal" if code == CRIME_TOTAL else f"Overlast: {title}"
    return IndicatorSpec(
        code=nuisance_indicator_code(code),
        name=name,
        kind="overlast",
        classification=code,
        theme_codes=entry.themes if entry else None,
    )


def nuisance_code_for_title(title: str) -> str | None:
    wanted = " ".join(title.split()).casefold()
    for entry in _mapping()["nuisance_types"].values():
        if " ".join(entry.title.split()).casefold() == wanted:
            return entry.code
    return None


def known_crime_codes() -> set[str]:
    return set(_mapping()["crime_types"])
