"""Column widths of a Word table from its text: every column holds its longest word whole, the
width left over goes to the columns by how much text they hold.

Words are measured in the font file fontconfig offers for the template's font, as LibreOffice
would pick it. Where the font itself is missing its substitute is mostly wider (DejaVu Sans
for Arial), so a column is rather too wide than too narrow for Word; without fontconfig a
width is estimated from the number of characters.
"""

import math
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from fontTools.ttLib import TTFont, TTLibError

ESTIMATE = 0.62  # the width of a character in a sans-serif font, in ems, when the font is unknown
SLACK = 1.06  # a word is given a little more than it measures: kerning, rounding, borders
WRAP = 1.15  # a wrapped line holds less than its width: the room left at its end
LINE = 1.2  # a line's height, in font sizes
# A line may break after a space, and after a hyphen or slash inside a word.
PIECES = re.compile(r"[^\s\-/]*[\-/]?")


@dataclass(frozen=True)
class Font:
    family: str
    size: float  # points


@dataclass(frozen=True)
class Cell:
    text: str
    bold: bool = False


def pieces(text: str) -> list[str]:
    """What a line can never break inside: words, split after their hyphens and slashes."""
    return [p for p in PIECES.findall(text) if p]


def text_width(text: str, font: Font, *, bold: bool = False) -> float:
    """The width of `text` on one line, in points."""
    advances = _advances(font.family, bold)
    if advances is None:
        return len(text) * ESTIMATE * font.size
    return sum(advances.get(c, ESTIMATE) for c in text) * font.size


def column_widths(
    rows: list[list[Cell]], *, font: Font, usable: float, padding: float
) -> tuple[list[float], list[bool]]:
    """Widths in points that add up to `usable`, and per column whether its longest word fits.
    When the longest words together are wider than the page, the columns with the longest
    words are narrowed to one width and the others keep theirs (so a header such as "Afgerond"
    stays whole). `padding` is a cell's left and right margin together."""
    columns = list(zip(*rows, strict=True))
    least = [
        padding
        + SLACK
        * max((text_width(p, font, bold=c.bold) for c in col for p in pieces(c.text)), default=0)
        for col in columns
    ]
    if sum(least) > usable:
        cap = _cap(least, usable)
        return [min(w, cap) for w in least], [w <= cap for w in least]
    text = [sum(text_width(c.text, font, bold=c.bold) for c in col) for col in columns]
    return _share(least, text, usable), [True] * len(columns)


def _cap(least: list[float], usable: float) -> float:
    """The width that the widest columns are narrowed to so that all add up to `usable`."""
    widest = sorted(least, reverse=True)
    for capped in range(1, len(widest) + 1):
        cap = (usable - sum(widest[capped:])) / capped
        if capped == len(widest) or cap >= widest[capped]:
            return cap
    return usable / len(widest)


def row_height(row: list[Cell], widths: list[float], *, font: Font, padding: float) -> float:
    """Roughly how tall a row is in these column widths, in points: its tallest cell's lines."""
    return (
        max(_lines(c, w - padding, font) for c, w in zip(row, widths, strict=True))
        * LINE
        * font.size
    )


def _lines(cell: Cell, room: float, font: Font) -> int:
    return sum(
        max(1, math.ceil(WRAP * text_width(part, font, bold=cell.bold) / max(room, 1)))
        for part in cell.text.split("\n")
    )


def _share(least: list[float], text: list[float], usable: float) -> list[float]:
    """Widths in proportion to the text, none below its least: the columns whose share would be
    too small get their least, the others share the rest again."""
    fixed: set[int] = set()
    while True:
        free = [i for i in range(len(least)) if i not in fixed]
        room = usable - sum(least[i] for i in fixed)
        total = sum(text[i] for i in free)
        share = {i: room * text[i] / total if total else room / len(free) for i in free}
        short = {i for i in free if share[i] < least[i]}
        if not short:
            return [least[i] if i in fixed else share[i] for i in range(len(least))]
        fixed |= short


@cache
def _advances(family: str, bold: bool) -> dict[str, float] | None:
    """The advance width of every character of the font, in ems; None without fontconfig."""
    found = shutil.which("fc-match")
    if not found:
        return None
    pattern = f"{family}:bold" if bold else family
    try:
        answer = subprocess.run(
            [found, "--format=%{file}\n%{index}", pattern],
            capture_output=True, text=True, timeout=10, check=True,
        ).stdout.split("\n")  # fmt: skip
        font = TTFont(answer[0], fontNumber=int(answer[1] or 0), lazy=True)
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {chr(c): metrics[name][0] / units for c, name in font.getBestCmap().items()}
    except (OSError, subprocess.SubprocessError, TTLibError, KeyError, IndexError, ValueError):
        return None
