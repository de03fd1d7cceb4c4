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
    entry, title = _entry_and_title("crime_types", code, title)
    title = title.removeprefix(code).strip()
    name = "Geregistreerde misdrijven, totaal" if code == CRIME_TOTAL else f"{code} {title}"
    return _indicator(entry, code, crime_indicator_code(code), name=name, kind="misdrijven")


def nuisance_indicator(code: str, title: str = "") -> IndicatorSpec:
    entry, title = _entry_and_title("nuisance_types", code, title)
    name = "Overlastregistraties, totaal" if code == CRIME_TOTAL else f"Overlast: {title}"
    return _indicator(entry, code, nuisance_indicator_code(code), name=name, kind="overlast")


def _entry_and_title(types: str, code: str, title: str):
    """The mapping's entry for a code (None when unmapped) and the title to use: the file's,
    else the mapping's, else the code itself."""
    entry = _mapping()[types].get(code)
    return entry, (title or (entry.title if entry else code)).strip()


def _indicator(entry, code: str, indicator_code: str, *, name: str, kind: str) -> IndicatorSpec:
    return IndicatorSpec(
        code=indicator_code,
        name=name,
        kind=kind,
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
