"""Finding a municipality the way a resident types it: misspelt, or by one of its places.

A name that contains what was typed comes first; then municipalities with a wijk or buurt of
that name (CBS/Politie 47018NED, loaded from data/), each saying why ("Giethoorn ligt in
Steenwijkerland"); then names that look like it (difflib), for "steenwijkerlant".
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from ivp.common import revisions
from ivp.common.models import Revision

from .models import Area, Municipality
from .names import normalise

# How alike a typed name and a real one must be (difflib's ratio): "westervelt" and
# "westerveld" are 0.9, "ede" and "epe" 0.67; below this it is another name.
CLOSE_ENOUGH = 0.8
MIN_PLACE_QUERY = 3  # fewer letters start half the places in the country
MAX_PLACE_HITS = 15
# CBS numbers many wijken ("Wijk 00 Annen"); the number is no part of the place's name.
NUMBERED = re.compile(r"^(wijk|buurt)\s+\d+\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    municipality: Municipality
    reason: str = ""  # empty when its own name matched


def plain(text: str) -> str:
    """Lower case, no accents, one space: 'Súdwest-Fryslân' → 'sudwest-fryslan'."""
    decomposed = unicodedata.normalize("NFKD", normalise(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def place_name(area_name: str) -> str:
    return NUMBERED.sub("", plain(area_name))


def search(query: str, municipalities) -> list[Hit]:
    """`municipalities` (a queryset, e.g. of one province) matched against `query`."""
    wanted = plain(query)
    if not wanted:
        return [Hit(m) for m in municipalities]
    direct = list(municipalities.filter(Q(name__icontains=query.strip()) | Q(code__iexact=wanted)))
    if not direct:  # an accent typed or left out: "fryslan"
        direct = [m for m in municipalities if wanted in plain(m.name)]
    hits = [Hit(m) for m in direct]
    by_code = {m.code: m for m in municipalities}
    # While a name is being typed, places that merely start so would crowd it out.
    _add(hits, by_code, _place_hits(wanted, word_starts=not direct), _place_reason)
    if not hits:  # a misspelling: first of a municipality's name, then of a place's
        looks_like = _("name looks like “%s”") % query.strip()
        _add(hits, by_code, [(c, "") for c in _alike_names(wanted, by_code)], lambda *_: looks_like)
    if not hits:
        _add(hits, by_code, _alike_places(wanted), _place_reason)
    return hits


def _add(hits: list[Hit], by_code: dict, found: list[tuple[str, str]], reason) -> None:
    """Each municipality once, with the first reason it was found for."""
    seen = {hit.municipality.code for hit in hits}
    for code, place in found:
        if code in by_code and code not in seen:
            seen.add(code)
            hits.append(Hit(by_code[code], reason(place, by_code[code])))


def _place_reason(place: str, municipality: Municipality) -> str:
    return _("%(place)s lies in %(municipality)s") % {
        "place": NUMBERED.sub("", place.strip()),
        "municipality": municipality.name,
    }


def _alike_names(wanted: str, by_code: dict) -> list[str]:
    names = {plain(m.name): code for code, m in by_code.items()}
    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=CLOSE_ENOUGH)
    return [names[name] for name in close]


def _place_hits(wanted: str, *, word_starts: bool = True) -> list[tuple[str, str]]:
    """(municipality code, place as CBS writes it), best match first: the place's whole name,
    then a word of it, then (from four letters, when `word_starts`) a word that starts so."""
    if len(wanted) < MIN_PLACE_QUERY:
        return []
    word = re.compile(r"(?<![a-z0-9])" + re.escape(wanted) + r"(?![a-z0-9])")
    start = re.compile(r"(?<![a-z0-9])" + re.escape(wanted))
    ranked = []
    for name, cleaned, code in _places():
        if cleaned == wanted:
            ranked.append((0, len(name), code, name))
        elif word.search(cleaned):
            ranked.append((1, len(name), code, name))
        elif word_starts and len(wanted) > MIN_PLACE_QUERY and start.search(cleaned):
            ranked.append((2, len(name), code, name))
    return _best_per_municipality(ranked)


def _alike_places(wanted: str) -> list[tuple[str, str]]:
    """Places whose name looks like `wanted`: "giethorn"."""
    if len(wanted) < MIN_PLACE_QUERY:
        return []
    places = _places()
    alike = difflib.get_close_matches(
        wanted, {cleaned for _name, cleaned, _code in places}, n=3, cutoff=CLOSE_ENOUGH
    )
    order = {cleaned: rank for rank, cleaned in enumerate(alike)}
    ranked = [(order[c], len(n), code, n) for n, c, code in places if c in order]
    return _best_per_municipality(ranked)


def _best_per_municipality(ranked: list[tuple]) -> list[tuple[str, str]]:
    best = {}
    for _rank, _length, code, name in sorted(ranked):
        best.setdefault(code, name)
    return list(best.items())[:MAX_PLACE_HITS]


def _places() -> list[tuple[str, str, str]]:
    """(name, plain name, municipality code) of every wijk and buurt, wijken first; read once
    per revision of the regions."""
    return _per_revision("place-names", _read_places)


def _read_places() -> list[tuple[str, str, str]]:
    rows = (
        Area.objects.order_by("-kind", "code")  # wijk before buurt
        .values_list("name", "municipality__code")
        .iterator()
    )
    return [(name, place_name(name), code) for name, code in rows if name]


def code_named(value: str) -> str | None:
    """The one municipality a name stands for: its own name in any spelling CBS or people
    use, else the one municipality with a wijk or buurt of exactly that name, else the one name
    that looks like it. Cheap (no search of parts of names): the map asks it of any value."""
    wanted = plain(value)
    if not wanted or len(wanted) > 100:
        return None
    names = _per_revision("municipality-names", _municipality_names)
    if wanted in names:
        return names[wanted]
    if any(name.startswith(wanted + " (") for name in names):
        return None  # Bergen: Bergen (L.) or Bergen (NH.)
    in_places = {code for _name, cleaned, code in _places() if cleaned == wanted}
    if len(in_places) == 1:
        return in_places.pop()
    close = difflib.get_close_matches(wanted, list(names), n=2, cutoff=CLOSE_ENOUGH)
    return names[close[0]] if len(close) == 1 else None


def _municipality_names() -> dict[str, str]:
    return {plain(name): code for code, name in Municipality.objects.values_list("code", "name")}


_kept: dict[str, tuple[str, object]] = {}


def _per_revision(kind: str, compute):
    """`compute()` kept in this process while the regions' revision stays: a search reads the
    names of some 18,000 places on every keystroke, and a value no municipality has (the map
    is asked any) must leave nothing behind in the shared cache."""
    token = Revision.objects.filter(name=revisions.FIGURES).values_list("token", flat=True).first()
    kept = _kept.get(kind)
    if kept is not None and kept[0] == token:
        return kept[1]
    value = compute()
    _kept[kind] = (token, value)
    return value
