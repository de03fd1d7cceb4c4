"""A planning as people write it ("Q1 en Q3", "2026", "vaarseizoen 2026", "januari t/m maart")
read into the months it covers. What cannot be read is kept as written and flagged, never
guessed: "We volgen het landelijke programma" has no months.

Pure Python, no Django: the parser is used by imports, forms, the linter and tests alike.
"""

import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# Named periods of the Dutch calendar of safety work, as months of the year named.
SEASONS = {
    "voorjaar": (3, 4, 5),
    "lente": (3, 4, 5),
    "zomer": (6, 7, 8),
    "zomervakantie": (7, 8),
    "zomermaanden": (6, 7, 8),
    "najaar": (9, 10, 11),
    "herfst": (9, 10, 11),
    "winter": (1, 2, 12),
    "donkere dagen": (1, 2, 3, 10, 11, 12),
    "donkere maanden": (1, 2, 3, 10, 11, 12),
    "vaarseizoen": (4, 5, 6, 7, 8, 9, 10),
    "jaarwisseling": (12,),
    "oud en nieuw": (12,),
    "eerste helft": (1, 2, 3, 4, 5, 6),
    "h1": (1, 2, 3, 4, 5, 6),
    "tweede helft": (7, 8, 9, 10, 11, 12),
    "h2": (7, 8, 9, 10, 11, 12),
}
WHOLE_YEAR = ("doorlopend", "continu", "hele jaar", "heel het jaar", "jaarlijks", "structureel",
              "gedurende het jaar", "het gehele jaar")  # fmt: skip
PLAN_PERIOD = re.compile(r"\bkomende (?:\w+ )?ja(?:ar|ren)\b|\bplanperiode\b|\blooptijd\b")
ORDINALS = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3, "vierde": 4, "4e": 4}
SEPARATORS = re.compile(r"\s*(?:,|;|\+|&|/(?!m)|\ben\b|\bof\b)\s*")
YEAR = re.compile(r"\b(20[0-9][0-9])\b")


@dataclass(frozen=True)
class Schedule:
    text: str
    months: tuple[str, ...]  # "2026-03", sorted, no duplicates
    parsed: bool

    @property
    def quarters(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f"{m[:4]}-Q{(int(m[5:]) - 1) // 3 + 1}" for m in self.months))

    @property
    def last_month(self) -> str | None:
        return self.months[-1] if self.months else None

    def within(self, first_year: int, last_year: int) -> bool:
        return bool(self.months) and all(first_year <= int(m[:4]) <= last_year for m in self.months)


def parse_planning(text: str, year: int, period: tuple[int, int] | None = None) -> Schedule:
    """`year`: the year a bare "Q1" or "maart" falls in (the action plan's first year);
    `period`: the plan period that "de komende jaren" means, when there is one."""
    cleaned = " ".join(text.replace("–", "-").replace("—", "-").split()).strip(" .").casefold()
    if not cleaned:
        return Schedule(text, (), False)
    months: set[tuple[int, int]] = set()
    if PLAN_PERIOD.search(cleaned):
        if period is None:
            return Schedule(text, (), False)
        months |= _years(period[0], period[1])
        return _done(text, months)
    for part in _parts(cleaned):
        found = _part(part, year)
        if found is None:
            return Schedule(text, (), False)
        months |= found
    return _done(text, months)


def _done(text: str, months: set[tuple[int, int]]) -> Schedule:
    ordered = tuple(f"{y}-{m:02d}" for y, m in sorted(months))
    return Schedule(text, ordered, bool(ordered))


def _parts(text: str) -> list[str]:
    # "januari t/m maart" and "2026-2027" are ranges, kept whole; other separators split
    return [p for p in SEPARATORS.split(text) if p and p.strip()]


def _years(first: int, last: int) -> set[tuple[int, int]]:
    return {(y, m) for y in range(first, last + 1) for m in range(1, 13)}


def _part(part: str, default_year: int) -> set[tuple[int, int]] | None:
    part = re.sub(r"^(in|vanaf|tijdens|gedurende|per|rond|eind|begin|medio)\s+", "", part.strip())
    years = [int(y) for y in YEAR.findall(part)]
    year = years[0] if years else default_year
    rest = YEAR.sub("", part).strip(" -")
    if rest in ("tot", "tot eind", "tot en met", "t/m", "uiterlijk", "voor eind") and years:
        return _years(default_year, year) if year >= default_year else None
    if not rest:
        if len(years) == 2 and re.search(
            r"20[0-9][0-9]\s*(?:-|t/m|tot en met|tot)\s*20[0-9][0-9]", part
        ):
            return _years(min(years), max(years))
        if len(years) == 1:
            return _years(year, year)
        return None
    if rest in WHOLE_YEAR:
        return _years(year, year)
    if rest in SEASONS:
        return {(year, m) for m in SEASONS[rest]}
    quarter = re.fullmatch(r"(?:q|k|kw)\s*([1-4])|([a-z0-9]+) kwartaal|kwartaal ([1-4])", rest)
    if quarter:
        number = quarter.group(1) or quarter.group(3) or ORDINALS.get(quarter.group(2) or "")
        if not number:
            return None
        first = (int(number) - 1) * 3 + 1
        return {(year, m) for m in range(first, first + 3)}
    span = re.fullmatch(r"([a-z]+)\s*(?:-|t/m|tot en met|tot)\s*([a-z]+)", rest)
    if span and span.group(1) in MONTHS and span.group(2) in MONTHS:
        start, end = MONTHS[span.group(1)], MONTHS[span.group(2)]
        if end < start:
            return {(year, m) for m in range(start, 13)} | {
                (year + 1, m) for m in range(1, end + 1)
            }
        return {(year, m) for m in range(start, end + 1)}
    if rest in MONTHS:
        return {(year, MONTHS[rest])}
    return None
