"""What a reader finds in a plan document: one stream of blocks in reading order (headings
with their level and number, paragraphs, list items, tables), each with the place it came
from, so every drafted element can show the line it was read from.

Pure Python: the readers (`ivp.intake.readers`) and the drafter know nothing of Django.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"  # one item of a list; `number` is its number or letter for a numbered list
    TABLE = "table"


@dataclass(frozen=True)
class Place:
    """Where a block starts: the file, its page (None where a format has no pages: text,
    Markdown, Word) and its line (1-based, counted in the text as read: the page's lines for
    a PDF, the file's for text, the paragraph's position for Word)."""

    file: str
    line: int
    page: int | None = None

    def __str__(self) -> str:
        where = f"pagina {self.page}, regel {self.line}" if self.page else f"regel {self.line}"
        return f"{self.file}, {where}"


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str  # a table's caption or the heading above it, else the block's whole text
    place: Place
    level: int = 0  # a heading's depth (1 = chapter), a list item's nesting (0 = top)
    number: str = ""  # "3.2.1" of a heading, "2" or "b" of an item; "" when unnumbered
    rows: tuple[tuple[str, ...], ...] = field(default=())  # a table's cells, header row first
    emphasis: bool = False  # a paragraph set all in bold or italic: often a heading in disguise

    @property
    def source(self) -> dict:
        """Where it was read, as a drafted element keeps it: file, page, line and its words."""
        place = self.place
        return {"file": place.file, "page": place.page, "line": place.line,
                "quote": self.quote[:300]}  # fmt: skip

    @property
    def quote(self) -> str:
        """The text as it stood, for showing beside what was drafted from it."""
        if self.kind == Kind.TABLE:
            return " | ".join(self.rows[0]) if self.rows else self.text
        return f"{self.number} {self.text}".strip() if self.number else self.text
