"""Plain text as people type it, read as paragraphs and lists.

A text box stores what was typed: browsers send CRLF line endings, and people write paragraphs
separated by a blank line and lists as lines starting with "- ", "* ", "• " or "1. " / "1) ".
`blocks` reads that structure once for every renderer (pages, HTML, PDF and DOCX documents).
Pure Python, so texts stored before input was normalised read the same.
"""

import re
from dataclasses import dataclass

BULLET = re.compile(r"\s*[-*•]\s+(?P<text>\S.*)")
# At most three digits, so that a line opening with a year ("2024. …") stays prose.
NUMBER = re.compile(r"\s*(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)")


@dataclass(frozen=True)
class Paragraph:
    text: str  # a "\n" inside is a line break the writer typed


@dataclass(frozen=True)
class ItemList:
    items: tuple[str, ...]  # an item's "\n" is a line break inside it
    ordered: bool = False
    start: int = 1  # the number the writer gave the first item of a numbered list


Block = Paragraph | ItemList


def line_endings(text: str) -> str:
    """CRLF and lone CR (old Mac, some spreadsheets) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise(text: str) -> str:
    """LF line endings, no trailing spaces on a line, no blank lines before or after."""
    lines = [line.rstrip() for line in line_endings(text or "").split("\n")]
    return "\n".join(lines).strip("\n")


def blocks(text: str) -> list[Block]:
    """The paragraphs and lists of `text`, in order.

    A blank line ends a paragraph or list. Consecutive item lines of one kind form one list; an
    indented line after an item continues it; any other line starts (or continues) a paragraph,
    where a single newline is kept as a line break.
    """
    found: list[Block] = []
    lines: list[str] = []  # of the paragraph being read
    items: list[str] = []  # of the list being read
    kind: tuple[bool, int] | None = None  # (ordered, start) of that list

    def close() -> None:
        nonlocal kind
        if lines:
            found.append(Paragraph("\n".join(lines)))
            lines.clear()
        if items:
            found.append(ItemList(tuple(items), ordered=kind[0], start=kind[1]))
            items.clear()
            kind = None

    for line in normalise(text).split("\n"):
        if not line.strip():
            close()
            continue
        item = _item(line)
        if item is not None:
            ordered, number, item_text = item
            if kind is None or kind[0] != ordered:
                close()
                kind = (ordered, number)
            items.append(item_text)
        elif items and line[:1].isspace():
            items[-1] += "\n" + line.strip()
        else:
            if items:
                close()
            lines.append(line.strip())
    close()
    return found


def _item(line: str) -> tuple[bool, int, str] | None:
    """(ordered, number, text) when `line` is a list item."""
    if match := BULLET.fullmatch(line):
        return False, 1, match["text"]
    if match := NUMBER.fullmatch(line):
        return True, int(match["number"]), match["text"]
    return None
