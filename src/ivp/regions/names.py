"""CBS names → codes. CBS writes '’s-Gravenhage (gemeente)' and 'Bergen (L.)'; people write 'Den Haag'."""

import unicodedata

GEMEENTE_SUFFIX = " (gemeente)"
PROVINCE_SUFFIX = " (PV)"

# Names people use that CBS does not; each maps to a CBS name.
ALIASES = {
    "den haag": "'s-gravenhage",
    "the hague": "'s-gravenhage",
    "friesland": "fryslân",
    "den bosch": "'s-hertogenbosch",
}


def display_name(cbs_name: str) -> str:
    """The name shown to users: CBS's disambiguation '(gemeente)' only matters inside CBS tables."""
    return cbs_name.removesuffix(GEMEENTE_SUFFIX).removesuffix(PROVINCE_SUFFIX).strip()


def sort_key(name: str) -> str:
    """Dutch lists ignore the elided article: ’s-Gravenhage sorts under G, ’t Zandt under Z."""
    text = normalise(name)
    for article in ("'s-", "'s ", "'t-", "'t "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFC", name).strip().replace("’", "'").replace("`", "'")
    text = " ".join(text.split()).casefold()
    text = text.removesuffix(GEMEENTE_SUFFIX)
    province = PROVINCE_SUFFIX.casefold()
    if text.endswith(province):  # 'Friesland (PV)' is 'Fryslân (PV)'
        stem = text.removesuffix(province)
        return ALIASES.get(stem, stem) + province
    return ALIASES.get(text, text)


class NameIndex:
    """Looks up codes by any spelling CBS or users use; refuses ambiguous names."""

    def __init__(self, pairs: list[tuple[str, str]]):
        self._codes: dict[str, set[str]] = {}
        for name, code in pairs:
            self._codes.setdefault(normalise(name), set()).add(code)

    def resolve(self, name: str) -> str | None:
        codes = self._codes.get(normalise(name), set())
        return next(iter(codes)) if len(codes) == 1 else None


def same_name_as(name: str, municipalities) -> list[str]:
    """Municipalities CBS tells apart by a province suffix: 'Bergen' → Bergen (L.), Bergen (NH.)."""
    stem = normalise(name) + " ("
    return sorted(m.name for m in municipalities if normalise(m.name).startswith(stem))
