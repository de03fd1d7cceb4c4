"""Precision and recall of a drafted plan against the hand-written expectation of a seed,
element by element: priorities, speerpunten, the region's priorities and parties."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

REPORTS = Path(__file__).resolve().parents[2] / "var" / "test-artefacts" / "intake"


def letters(text: str) -> str:
    return re.sub(r"[^a-zà-ÿ]", "", text.casefold())


def same(expected: str, drafted: str) -> bool:
    """A drafted title is the expected one when it starts with (nearly) the same words: the
    expectation gives the first words an element opens with."""
    want, got = letters(expected), letters(drafted)
    if not want or not got:
        return False
    return want in got or SequenceMatcher(None, want, got[: len(want)]).ratio() >= 0.85


@dataclass
class Score:
    found: int = 0  # drafted elements that are expected
    drafted: int = 0
    expected: int = 0
    hit: int = 0  # expected elements that were drafted

    @property
    def precision(self) -> float:
        return self.found / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.expected if self.expected else 1.0

    def add(self, expected: list[str], drafted: list[str], alike=same) -> None:
        self.expected += len(expected)
        self.drafted += len(drafted)
        self.hit += sum(any(alike(e, d) for d in drafted) for e in expected)
        self.found += sum(any(alike(e, d) for e in expected) for d in drafted)


def party(expected: str, drafted: str) -> bool:
    return " ".join(expected.casefold().split()) == " ".join(drafted.casefold().split())


def score(expected: dict, draft: dict) -> dict[str, Score]:
    kinds = ("prioriteiten", "overige thema's", "regionale prioriteiten", "speerpunten",
             "doelstellingen", "partijen")  # fmt: skip
    scores = {kind: Score() for kind in kinds}
    _score_group(expected["priorities"], draft["priorities"], scores, "prioriteiten")
    _score_group(expected.get("other_themes", []), draft["other_themes"], scores,
                 "overige thema's")  # fmt: skip
    regional = [p for r in draft["regions"] for p in r["priorities"]]
    _score_group(expected["regional_priorities"], regional, scores, "regionale prioriteiten")
    return scores


def _score_group(expected: list[dict], drafted: list[dict], scores, kind: str) -> None:
    scores[kind].add([e["title"] for e in expected], [d["title"] for d in drafted])
    for want in expected:
        match = next((d for d in drafted if same(want["title"], d["title"])), None)
        got_areas = [a["title"] for a in match["focus_areas"]] if match else []
        scores["speerpunten"].add(want["speerpunten"], got_areas)
        got_parties = _all_parties(match) if match else []
        scores["partijen"].add(want["parties"], got_parties, alike=party)
        got_objectives = [o["text"] for o in match.get("objectives", [])] if match else []
        scores["doelstellingen"].add(want.get("objectives", []), got_objectives)
    for got in drafted:  # drafted elements of priorities nobody expected count as misses
        if not any(same(w["title"], got["title"]) for w in expected):
            scores["speerpunten"].drafted += len(got["focus_areas"])
            scores["partijen"].drafted += len(_all_parties(got))
            scores["doelstellingen"].drafted += len(got.get("objectives", []))


def _all_parties(element: dict) -> list[str]:
    found = list(element["parties"])
    for area in element["focus_areas"]:
        found += [p for p in area["parties"] if p.casefold() not in map(str.casefold, found)]
    return found


def report(name: str, scores: dict[str, Score]) -> str:
    lines = [
        f"{name}: precisie en volledigheid per soort element",
        f"{'soort':<24}{'precisie':>10}{'volledigheid':>14}{'gevonden/verwacht':>20}",
    ]
    for kind, s in scores.items():
        lines.append(f"{kind:<24}{s.precision:>10.2f}{s.recall:>14.2f}"
                     f"{f'{s.hit}/{s.expected}':>20}")  # fmt: skip
    text = "\n".join(lines)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return text


# The floors the issue sets: elements that structure the plan, then what fills them in.
FLOORS = {"prioriteiten": 0.9, "overige thema's": 0.9, "regionale prioriteiten": 0.9,
          "speerpunten": 0.9, "doelstellingen": 0.8, "partijen": 0.8}  # fmt: skip


def check_floors(name: str, expected: dict, draft: dict) -> None:
    """Precision and recall per kind at or above its floor; the report is printed and kept."""
    scores = score(expected, draft)
    text = report(name, scores)
    print(text)
    low = {kind: s for kind, s in scores.items() if min(s.precision, s.recall) < FLOORS[kind]}
    assert not low, text
