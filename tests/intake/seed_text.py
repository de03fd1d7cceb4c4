"""Seed 004 (Westerveld's IVP 2023–2027, text extracted from the published PDF) as the
intake tests set it again: its chapters and paragraphs, and how to tell that a reader gave
its words back whole and in order."""

import re
from collections import Counter
from itertools import pairwise

import pytest

from tests.conftest import SHARED

SEED_004 = SHARED / "seeds" / "004_287127905622fb8b.txt"
# A chapter title in the extracted text: " 1. Samenvatting", "7. Doelstellingen Westerveld".
CHAPTER = re.compile(r"^\s*(\d)\.\s+([^:.]{3,40}?)\s*$")


def seed_004() -> str:
    if not SEED_004.exists():
        pytest.skip(f"{SEED_004} is not beside this checkout (../shared/seeds)")
    return SEED_004.read_text(encoding="utf-8")


def chapters_and_paragraphs(text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The chapters (numbered 1, 2, … in order; a numbered list line in between is not one)
    and the document as ("h1" | "p", text): the lines joined into paragraphs that end where
    a line ends a sentence."""
    chapters: list[tuple[str, str]] = []
    parts: list[tuple[str, str]] = []
    paragraph: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        match = CHAPTER.match(line)
        if match and int(match.group(1)) == len(chapters) + 1:
            if paragraph:
                parts.append(("p", " ".join(paragraph)))
                paragraph = []
            chapters.append((match.group(1), match.group(2)))
            parts.append(("h1", line))
            continue
        paragraph.append(line)
        if line.endswith((".", ":", "?")):
            parts.append(("p", " ".join(paragraph)))
            paragraph = []
    if paragraph:
        parts.append(("p", " ".join(paragraph)))
    return chapters, parts


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def assert_words_whole_and_in_order(blocks, text: str, tolerance: float = 0.002) -> None:
    """Every longer word of the source read back once, and hardly two words side by side
    that never stand so in the source (lines of two columns mixed, a broken word joined to
    the wrong line, page furniture in a sentence)."""
    words = Counter(w for w in tokens(text) if len(w) >= 4)
    read = Counter(w for b in blocks for w in tokens(b.quote) if len(w) >= 4)
    allowed = tolerance * sum(words.values())
    assert sum((words - read).values()) <= allowed, (words - read).most_common(20)
    assert sum((read - words).values()) <= allowed, (read - words).most_common(20)
    seed_pairs = set(pairwise(tokens(text)))
    pairs = [pair for b in blocks for pair in pairwise(tokens(b.quote))]
    strange = [pair for pair in pairs if pair not in seed_pairs]
    assert len(strange) <= tolerance * len(pairs), strange


def same_titles(titles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The extracted text has "Zuidwest- Drenthe"; set again, the break may fall elsewhere."""
    return [(number, title.replace("- ", "-")) for number, title in titles]
