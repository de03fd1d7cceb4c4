"""Plain text and Markdown as the blocks of a plan: what a PDF-to-text or a Word-to-Markdown
conversion gives.

Such text has lost its layout. Lines are wrapped at the page's width, often with an empty line
between every line; words are hyphenated at a line's end; page numbers and running headers
stand between the paragraphs; headings are numbered ("3.", "3.2", "3.2.1", with or without the
last dot), marked with "#" (at levels that need not match the depth), or set in bold
(`<b>…</b>`, `**…**`); tables are rows of cells separated by tabs or pipes. The reader undoes
what it safely can and keeps every block's first line, so that what is drafted from it can be
shown beside the line it came from.

A numbered line is a heading when it is short, reads as a title and continues the numbering
of the headings before it (1, 2, 3 … across the document); numbered lines that follow each
other are a list, even when each is short.

A heading's level is its depth in the document, whatever its "#" said: conversions skip levels
(chapters "##", sections "####"), set the document's title as a heading above its chapters,
write every heading at one level while the numbering ("3", "3.1", "3.1.2") says the depth, or
set a Markdown document's sub-headings in bold only.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from ..blocks import Block, Kind, Place

MARKDOWN_HEADING = re.compile(r"#{1,6}(?=\s)")
BULLET = re.compile(r"[-*+•▪–●○◦■□➢·]\s+(?=\S)")
# "3.2.1 Titel", "3.2. Titel", "3 Titel", "3) Titel", "b. Titel", "b) Titel", "b Titel"
NUMBERED = re.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2})*|[a-z])(?P<mark>[.)])?\s+(?=\S)")
# a heading's own letter: "A WONINGINBRAAK", "b. Woonoverlast" ("U" is a word)
HEADING_LETTER = re.compile(r"(?P<number>[A-TV-Za-z])(?P<mark>[.)])?\s+(?=[A-Z])")
LIST_REACH = 3  # items of one list stand at most this many blocks apart,
LIST_GAP = 200  # with at most this much text between them (a section says more)
PAGE_NUMBER = re.compile(r"(?:pagina\s+)?\d{1,3}(?:\s*(?:van|/)\s*\d{1,3})?", re.IGNORECASE)
PIPE_SEPARATOR = re.compile(r"\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?")
BOLD = re.compile(r"(?:<b>|\*\*)(?P<text>.+?)(?:</b>|\*\*)")
SENTENCE_END = ".!?:;"
NOTE = re.compile(r"(?P<number>\d{1,2}) (?:Bron:|Zie |https?://)")
# what a cover's title names: the kind of document, or its years
NAMES_THE_DOCUMENT = re.compile(
    r"\b\w*(?:plan|nota|notitie|agenda|programma|visie)\b|\b20\d\d\b", re.IGNORECASE
)
# a first heading beside the chapters is the cover's title only when it names a plan and its
# years ("Integraal Veiligheidsplan 2027-2030"), not "Visie en missie" or "Veiligheidsbeeld 2024"
PLAN_AND_YEAR = re.compile(r"\b\w*(?:plan|nota)\b.*\b20\d\d\b", re.IGNORECASE)
# what only a chapter is called, numbered or not: "Bijlagen" after "2.1.1 Aanpak" is no section
ONLY_A_CHAPTER = re.compile(
    r"(?:bijlagen?|voorwoord|samenvatting|inleiding|colofon|literatuur(?:lijst)?|bronnen"
    r"|begrippen(?:lijst)?|afkortingen(?:lijst)?)\b",
    re.IGNORECASE,
)
TITLE_WORDS = 12  # a heading is at most this long
WRAPPED = 0.8  # a line this share of the text's usual width that ends mid-sentence was wrapped


@dataclass
class _Unit:
    """A block being read: its kind, its lines' text, and where it starts."""

    kind: Kind
    line: int
    parts: list[str] = field(default_factory=list)
    level: int = 0
    hashes: int = 0  # a Markdown heading's "#"s as written
    number: str = ""
    numbered_by_mark: bool = False  # "3." or "3)": a number written as such, not "3 Titel"
    rows: list[list[str]] = field(default_factory=list)
    emphasis: bool = False
    closed: bool = False
    width: int = 0  # of its last line as it stood, number and indentation included

    @property
    def text(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip())


def read_text(text: str, file_name: str) -> list[Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").split("\n")
    furniture = _running_lines(lines)
    wrapped = WRAPPED * _usual_width(lines)
    units: list[_Unit] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            _pause(units)
            continue
        if line.strip() in furniture or PAGE_NUMBER.fullmatch(line.strip()):
            continue
        _take(units, line, number, wrapped)
    blocks, above = [], ""
    for unit in _with_depths(_with_headings(_with_footnotes(units))):
        if unit.text or unit.rows:
            blocks.append(_block(unit, file_name, above))
            above = unit.text or above
    return blocks


def _running_lines(lines: list[str]) -> set[str]:
    """Running headers and footers: the same line of three words or more, four times or more
    (a heading or a label such as "Doel" repeats too, but is shorter)."""
    counts = Counter(line.strip() for line in lines if len(line.split()) >= 3)
    return {
        line
        for line, count in counts.items()
        if count >= 4 and not line.startswith("#") and _cells(line) is None
    }


def _usual_width(lines: list[str]) -> int:
    """How wide the text's lines usually are: the width most lines of prose come near."""
    widths = sorted(len(line.strip()) for line in lines if len(line.split()) >= 4)
    return widths[int(0.8 * (len(widths) - 1))] if widths else 80


def _pause(units: list[_Unit]) -> None:
    """An empty line: a paragraph that ends a sentence, a table, a heading ends here; a line
    wrapped mid-sentence goes on after it (PDF text puts empty lines between wrapped lines)."""
    if units and not units[-1].closed:
        last = units[-1]
        if last.kind in (Kind.TABLE, Kind.HEADING) or not _mid_sentence(last.parts[-1]):
            last.closed = True


def _mid_sentence(line: str) -> bool:
    line = line.rstrip()
    return bool(line) and (line[-1] not in SENTENCE_END or line.endswith("-"))


def _take(units: list[_Unit], line: str, number: int, wrapped: float) -> None:
    stripped = line.strip()
    last = units[-1] if units else None
    cells = _cells(stripped)
    if cells is not None:
        if PIPE_SEPARATOR.fullmatch(stripped):
            return
        if last is not None and last.kind == Kind.TABLE and not last.closed:
            last.rows.append(cells)
        else:
            units.append(_Unit(Kind.TABLE, number, rows=[cells]))
        return
    emphasis, stripped = _emphasised(stripped)
    heading = MARKDOWN_HEADING.match(stripped)
    if heading:
        level = len(heading.group())
        number_part, title = _number_and_text(stripped[heading.end() :].strip())
        heading_unit = _Unit(Kind.HEADING, number, [title], level=level, hashes=level,
                             number=number_part, closed=True)  # fmt: skip
        units.append(heading_unit)
        return
    bullet = BULLET.match(stripped)
    if bullet:
        indent = len(line) - len(line.lstrip())
        units.append(
            _Unit(Kind.ITEM, number, [stripped[bullet.end() :]], level=indent // 2, width=len(line))
        )
        return
    numbered = _numbered(stripped)
    if numbered is not None:
        mark, number_part, title = numbered
        units.append(
            _Unit(Kind.ITEM, number, [title], number=number_part, numbered_by_mark=mark,
                  emphasis=emphasis, width=len(line))
        )  # fmt: skip
        return
    open_block = last is not None and not last.closed and last.kind in (Kind.PARAGRAPH, Kind.ITEM)
    if open_block and _continues(last.parts[-1], last.width, stripped, wrapped):
        _append(last, stripped)
        last.width = len(line)
        return
    units.append(_Unit(Kind.PARAGRAPH, number, [stripped], emphasis=emphasis, width=len(line)))
    if emphasis:
        units[-1].closed = True


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        cells = line.split("\t")
    elif line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        cells = line[1:-1].split("|")
    else:
        return None
    return [_emphasised(cell.strip())[1] for cell in cells]


def _emphasised(line: str) -> tuple[bool, str]:
    """A line set wholly in bold loses its marks and says so; marks inside a line go."""
    whole = BOLD.fullmatch(line)
    if whole:
        return True, whole.group("text").strip()
    return False, BOLD.sub(lambda m: m.group("text"), line)


def _number_and_text(title: str) -> tuple[str, str]:
    found = NUMBERED.match(title) or HEADING_LETTER.match(title)
    if found and (found.group("mark") or title[found.end() :][:1].isupper()):
        return found.group("number"), title[found.end() :].strip()
    return "", title


def _numbered(line: str) -> tuple[bool, str, str] | None:
    """A line that opens with a number or a letter: whether it was written with its dot or
    parenthesis, the number, the rest. A bare letter counts only before a capital ("a
    Woninginbraak"), a footnote ("1 Bron: …") never."""
    found = NUMBERED.match(line)
    if not found:
        return None
    rest = line[found.end() :]
    mark = bool(found.group("mark"))
    if not mark and not rest[:1].isupper():
        return None
    if rest.startswith(("Bron:", "Zie ", "http")):
        return None  # a footnote's text
    number = found.group("number")
    if "." in number and not number.replace(".", "").isdigit():
        return None
    return mark, number, rest


def _continues(previous: str, width: int, line: str, wrapped: float) -> bool:
    previous = previous.rstrip()
    if previous.endswith("-") or previous[-1:] == ",":
        return True
    if line[:1].islower():
        return True
    return previous[-1:] not in SENTENCE_END and width >= wrapped


def _append(unit: _Unit, line: str) -> None:
    """A wrapped line joins its block; a word hyphenated at the line's end is whole again, a
    hyphen before a capital stays ("Midden-Drenthe")."""
    previous = unit.parts[-1].rstrip()
    if previous.endswith("-") and previous[-2:-1].isalpha():
        unit.parts[-1] = previous[:-1] if line[:1].islower() else previous
        unit.parts[-1] += line
    else:
        unit.parts.append(line)


def _with_footnotes(units: list[_Unit]) -> list[_Unit]:
    """Footnotes: a line "3 Bron: …", and a numbered line that breaks the numbering of the list
    it stands in while its number is glued to a word before it ("model5"). Each is a paragraph
    of its own, and its marker leaves the words that called it."""
    called: set[str] = set()
    for index, unit in enumerate(units):
        note = NOTE.match(unit.text) if unit.kind == Kind.PARAGRAPH else None
        if note:
            called.add(note.group("number"))
            continue
        if unit.kind != Kind.ITEM or not unit.number.isdigit():
            continue
        before = [u for u in units[max(0, index - LIST_REACH) : index] if u.kind == Kind.ITEM]
        breaks = (
            bool(before)
            and before[-1].number.isdigit()
            and (int(before[-1].number) + 1 != int(unit.number))
        )
        marker = re.compile(rf"(?<=[a-zé]){unit.number}\b")
        if breaks and any(marker.search(u.text) for u in units[max(0, index - 8) : index]):
            called.add(unit.number)
            unit.kind = Kind.PARAGRAPH
            unit.parts[0] = f"{unit.number} {unit.parts[0]}"
            unit.number = ""
    for number in called:
        marker = re.compile(rf"(?<=[a-zé]){number}\b")
        for unit in units:
            if not unit.text.startswith(f"{number} "):
                unit.parts = [marker.sub("", part) for part in unit.parts]
    return units


def _with_headings(units: list[_Unit]) -> list[_Unit]:
    """Numbered lines that read as titles and number on the headings before them become
    headings; the others stay list items."""
    expected: dict[int, int] = {}  # depth → the number the next heading at that depth has
    numbered_under = _numbered_under(units)
    for index, unit in enumerate(units):
        if unit.kind != Kind.ITEM or not unit.number or not _title_like(unit.text):
            continue
        parts = unit.number.split(".")
        depth = len(parts)
        if depth > 1:  # "3.2": a heading by its numbering alone
            unit.kind, unit.level = Kind.HEADING, depth
            expected[depth] = int(parts[-1]) + 1
            continue
        if not parts[0].isdigit():
            continue
        if index not in numbered_under and _in_a_list(units, index, numbered_under):
            continue
        if int(parts[0]) == expected.get(1, 1):
            unit.kind, unit.level = Kind.HEADING, 1
            expected = {1: int(parts[0]) + 1}
    return units


def _title_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= TITLE_WORDS
        and text[-1:] not in SENTENCE_END + ","
        and (text[:1].isupper() or text[:1].isdigit())
    )


def _numbered_under(units: list[_Unit]) -> set[int]:
    """Numbered lines proven headings by their sections: "2" followed by "2.1" before "3"."""
    found = set()
    for index, unit in enumerate(units):
        if unit.kind != Kind.ITEM or not unit.number.isdigit():
            continue
        for later in units[index + 1 :]:
            if later.number == str(int(unit.number) + 1):
                break
            if later.number.startswith(f"{unit.number}.") and later.number[-1:].isdigit():
                found.add(index)
                break
    return found


def _in_a_list(units: list[_Unit], index: int, headings: set[int]) -> bool:
    """A numbered line near one numbered one more or one less (a few short blocks away, no
    heading between) is an item of a list."""
    number = int(units[index].number)

    def near(step: int) -> bool:
        between = 0
        for distance in range(1, LIST_REACH + 1):
            other = index + step * distance
            if not 0 <= other < len(units) or units[other].kind == Kind.HEADING:
                return False
            if other in headings:
                return False
            unit = units[other]
            if unit.kind == Kind.ITEM and unit.number.isdigit():
                return int(unit.number) == number + step and between <= LIST_GAP
            between += len(unit.text)
        return False

    return near(-1) or near(1)


def _with_depths(units: list[_Unit]) -> list[_Unit]:
    """In a Markdown document, each heading at its depth: the cover's title is no chapter; a
    heading numbered in an outline ("3.1") is as deep as its number; any other is one deeper
    than the nearest heading above it with fewer "#"s, or as deep as one with as many; a line
    set wholly in bold that reads as a title is a heading one deeper than the one above it."""
    if not any(unit.hashes for unit in units):
        return units
    _cover_title(units)
    chapters = _chapter_hashes(units) if _numbered_as_an_outline(units) else None
    enclosing: list[tuple[int, int]] = []  # the "#"s and depth of the headings above
    for unit in units:
        if unit.kind == Kind.HEADING:
            unit.level = _depth(unit, enclosing, chapters)
        elif enclosing and _bold_title(unit):
            unit.kind, unit.level = Kind.HEADING, enclosing[-1][1] + 1
    return units


def _bold_title(unit: _Unit) -> bool:
    return unit.kind == Kind.PARAGRAPH and unit.emphasis and _title_like(unit.text)


def _cover_title(units: list[_Unit]) -> None:
    """The first heading, when it is unnumbered, at the document's top level and names the
    document ("# Integraal Veiligheidsplan 2027-2030"), is the cover's title: a line in bold,
    as a PDF's cover gives it, so the chapters stay the top-level headings."""
    headings = [unit for unit in units if unit.kind == Kind.HEADING]
    first = headings[0] if headings else None
    if first is None or not first.hashes or first.number:
        return
    top = min(unit.hashes for unit in headings if unit.hashes)
    alone = sum(unit.hashes == top for unit in headings) == 1  # above all the chapters
    names = NAMES_THE_DOCUMENT.search(first.text) if alone else PLAN_AND_YEAR.search(first.text)
    if first.hashes == top and names:
        first.kind, first.level, first.emphasis = Kind.PARAGRAPH, 0, True


def _numbered_as_an_outline(units: list[_Unit]) -> bool:
    """Whether the headings' numbers say their depth: some are "3.1", and each such has its
    chapter ("3") numbered before it."""
    seen: set[str] = set()
    nested = False
    for unit in units:
        if unit.kind != Kind.HEADING or not unit.number.replace(".", "").isdigit():
            continue
        parent = unit.number.rpartition(".")[0]
        if parent:
            nested = True
            if parent not in seen:
                return False
        seen.add(unit.number)
    return nested


def _chapter_hashes(units: list[_Unit]) -> int | None:
    """The fewest "#"s a numbered chapter ("3", not "3.1") is written with."""
    chapters = [
        unit.hashes
        for unit in units
        if unit.kind == Kind.HEADING and unit.hashes and unit.number.isdigit()
    ]
    return min(chapters, default=None)


def _depth(unit: _Unit, enclosing: list[tuple[int, int]], chapters: int | None) -> int:
    """A heading's depth: its number's, when the numbers form an outline (`chapters`: the "#"s
    of a numbered chapter then; an unnumbered heading with no more that only a chapter is
    called, as "## Bijlagen" after "## 2.1.1 Aanpak", is a chapter too), or when it is a
    numbered line of plain text; else
    one more than the nearest heading above with fewer "#"s, or that of one above with as many
    (its sibling). `enclosing` holds the "#"s and depths of the headings above, the nearest
    last, and ends with this one."""
    numbered = unit.number.replace(".", "").isdigit()
    outline = chapters is not None
    if numbered and (outline or not unit.hashes):  # a numbered line is as deep as its number
        depth = unit.number.count(".") + 1
        while enclosing and enclosing[-1][1] >= depth:
            enclosing.pop()
    elif outline and unit.hashes and unit.hashes <= chapters and ONLY_A_CHAPTER.match(unit.text):
        depth = 1
        enclosing.clear()
    else:
        while enclosing and enclosing[-1][0] > unit.hashes:
            enclosing.pop()
        if enclosing and enclosing[-1][0] == unit.hashes:
            depth = enclosing.pop()[1]
        else:
            depth = enclosing[-1][1] + 1 if enclosing else 1
    enclosing.append((unit.hashes, depth))
    return depth


def _block(unit: _Unit, file_name: str, above: str) -> Block:
    """`above`: the text before a table, which names it when it has no caption."""
    place = Place(file_name, unit.line)
    if unit.kind == Kind.TABLE:
        rows = tuple(tuple(row) for row in unit.rows)
        contents = all(len(r) == 2 and r[1].isdigit() for r in rows)
        return Block(Kind.TABLE, "Inhoudsopgave" if contents else above, place, rows=rows)
    return Block(
        unit.kind,
        unit.text,
        place,
        level=unit.level,
        number=unit.number,
        emphasis=unit.emphasis,
    )
