"""Read a Word document (DOCX) into blocks: headings (from the paragraph style, localised
"Kop 1" too, or the outline level) with the number Word shows or the one typed in front,
list items from Word's numbering or the list styles, tables in their place among the
paragraphs, and paragraphs set all in bold or italic marked as emphasis.

`Place.line` is the block's position among the body's paragraphs and tables (empty ones
counted too, so the number finds the element again); Word has no pages to give. Footnotes
follow the paragraph citing them as paragraphs of their own ("1 Bron: …"), with its place.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from ivp.intake.blocks import Block, Kind, Place

# "3.2 Titel", "3.2. Titel", "1. Samenvatting": a chapter number has one or two digits per part.
_TYPED_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$")
_TYPED_BULLET = re.compile(r"^[•▪◦·‣●■\-–—]\s+(\S.*)$")
_TYPED_ITEM_NUMBER = re.compile(r"^(\d{1,2}|[a-z])[.)]\s+(\S.*)$")
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "titel"}
_LIST_STYLE = re.compile(
    r"^(?:list (?:bullet|number|paragraph)|lijst(?:alinea| opsommingsteken| nummering))\s*(\d?)$",
    re.IGNORECASE,
)
_CAPTION_STYLES = {"caption", "bijschrift"}
_CAPTION_TEXT = re.compile(r"^(?:tabel|table)\s+\d+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_TRUE = {"1", "true", "on"}


def split_heading_number(text: str) -> tuple[str, str]:
    """The number typed in front of a heading and the rest: "3.2. Titel" → ("3.2", "Titel")."""
    match = _TYPED_NUMBER.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def read_docx(content: bytes, file_name: str) -> list[Block]:
    try:
        document = docx.Document(BytesIO(content))
    except Exception as error:  # a zip that is no Word file fails in many ways
        raise ValueError(f"{file_name} is geen Word-document dat te lezen is.") from error
    reader = _Reader(document, file_name)
    return reader.read()


def _on(element) -> bool | None:
    """A Word toggle (w:b, w:i): None when not set here."""
    if element is None:
        return None
    value = element.get(qn("w:val"))
    return value is None or value.lower() in _TRUE


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _paragraph_text(paragraph) -> str:
    """The visible text: runs also inside hyperlinks, fields and tracked insertions, without
    deleted text, text boxes or the fallback copy of drawings."""
    parts = []
    shown = {qn("w:tab"): " ", qn("w:br"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}
    for element in paragraph.iter(qn("w:t"), *shown):
        if _inside_other_content(element, paragraph):
            continue
        parts.append(element.text or "" if element.tag == qn("w:t") else shown[element.tag])
    return _clean("".join(parts))


def _inside_other_content(element, paragraph) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (qn("w:txbxContent"), qn("w:del")) or parent.tag.endswith("}Fallback"):
            return True
        parent = parent.getparent()
    return False


class _Styles:
    """The paragraph and character styles, with what is inherited through `basedOn`."""

    def __init__(self, document):
        self.by_id = {}
        for style in document.styles.element.findall(qn("w:style")):
            self.by_id[style.get(qn("w:styleId"))] = style

    def chain(self, style_id: str | None) -> Iterator:
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def names(self, style_id: str | None) -> tuple[str, str]:
        """The style's name and id, lower case ("heading 1", "kop1")."""
        style = self.by_id.get(style_id or "")
        if style is None:
            return "", (style_id or "").lower()
        name = style.find(qn("w:name"))
        return (name.get(qn("w:val")) if name is not None else "").lower(), style_id.lower()

    def find(self, style_id: str | None, path: str):
        for style in self.chain(style_id):
            found = style.find(path)
            if found is not None:
                return found
        return None


@dataclass
class _Level:
    start: int = 1
    number_format: str = "decimal"
    text: str = "%1."
    style_id: str | None = None
    restart_after: int | None = None  # w:lvlRestart: restart after this (1-based) level only
    legal: bool = False


@dataclass
class _Counters:
    values: dict[int, int] = field(default_factory=dict)


class _Numbering:
    """Word's list numbering: the number a paragraph shows, counted as Word counts it.

    Lists that share an abstract definition continue one count (as Word does) unless their
    own definition restarts a level (`w:startOverride`)."""

    def __init__(self, document):
        self.abstract_of: dict[str, str] = {}
        self.levels: dict[str, dict[int, _Level]] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, _Counters] = {}
        self.overridden: set[tuple[str, int]] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        for abstract in root.findall(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            self.levels[abstract_id] = {
                int(level.get(qn("w:ilvl"), "0")): _read_level(level)
                for level in abstract.findall(qn("w:lvl"))
            }
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            abstract = num.find(qn("w:abstractNumId"))
            if abstract is None:
                continue
            self.abstract_of[num_id] = abstract.get(qn("w:val"))
            overrides = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start.get(qn("w:val")))
            self.overrides[num_id] = overrides

    def level_for_style(self, num_id: str, style_id: str) -> int:
        for index, level in self.levels.get(self.abstract_of.get(num_id, ""), {}).items():
            if level.style_id == style_id:
                return index
        return 0

    def is_list(self, num_id: str) -> bool:
        return num_id in self.abstract_of and num_id != "0"

    def next_number(self, num_id: str, level_index: int) -> tuple[str, bool]:
        """Count one paragraph at this level; returns the number shown and whether it is
        a bullet (or no number at all)."""
        abstract_id = self.abstract_of[num_id]
        levels = self.levels.get(abstract_id, {})
        level = levels.get(level_index, _Level())
        counters = self.counters.setdefault(abstract_id, _Counters()).values
        override = self.overrides.get(num_id, {}).get(level_index)
        if override is not None and (num_id, level_index) not in self.overridden:
            self.overridden.add((num_id, level_index))
            counters[level_index] = override
        elif level_index in counters:
            counters[level_index] += 1
        else:
            counters[level_index] = level.start
        for deeper in [index for index in counters if index > level_index]:
            restart = levels.get(deeper, _Level()).restart_after
            if restart is None or restart == 0 or restart > level_index:
                del counters[deeper]
        if level.number_format in ("bullet", "none"):
            return "", True
        shown = re.sub(
            r"%(\d)",
            lambda match: _format_number(
                counters.get(
                    int(match.group(1)) - 1, levels.get(int(match.group(1)) - 1, _Level()).start
                ),
                "decimal"
                if level.legal
                else levels.get(int(match.group(1)) - 1, _Level()).number_format,
            ),
            level.text,
        )
        return shown.strip().strip(".)").lstrip("("), False


def _read_level(element) -> _Level:
    def value(tag: str) -> str | None:
        found = element.find(qn(tag))
        return found.get(qn("w:val")) if found is not None else None

    restart = value("w:lvlRestart")
    return _Level(
        start=int(value("w:start") or 0),
        number_format=value("w:numFmt") or "decimal",
        text=value("w:lvlText") or "",
        style_id=value("w:pStyle"),
        restart_after=int(restart) if restart is not None else None,
        legal=element.find(qn("w:isLgl")) is not None,
    )


def _format_number(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if number_format == "upperLetter" else letters
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    result = ""
    for amount, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while value >= amount:
            result += letters
            value -= amount
    return result


class _Reader:
    def __init__(self, document, file_name: str):
        self.document = document
        self.file_name = file_name
        self.styles = _Styles(document)
        self.numbering = _Numbering(document)
        self.footnotes = _footnotes(document)
        self.footnotes_given = 0
        self.blocks: list[Block] = []

    def read(self) -> list[Block]:
        elements = list(_body_elements(self.document.element.body))
        for position, element in enumerate(elements, start=1):
            place = Place(self.file_name, position)
            if element.tag == qn("w:tbl"):
                self.blocks.append(self._table(element, place, elements, position))
            else:
                block = self._paragraph(element, place)
                if block is not None:
                    self.blocks.append(block)
            self._notes_cited(element, place)
        return self.blocks

    def _notes_cited(self, element, place: Place) -> None:
        """The footnotes the element cites, each a paragraph after it starting with the
        number Word gives it (they are numbered in the order they are cited)."""
        for reference in element.iter(qn("w:footnoteReference")):
            if _inside_other_content(reference, element):
                continue
            text = self.footnotes.get(reference.get(qn("w:id")), "")
            if reference.get(qn("w:customMarkFollows")) not in ("1", "true"):
                self.footnotes_given += 1
            if text:
                self.blocks.append(Block(Kind.PARAGRAPH, f"{self.footnotes_given} {text}", place))

    def _style_id(self, paragraph) -> str | None:
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return style.get(qn("w:val")) if style is not None else None

    def _heading_level(self, paragraph, style_id: str | None) -> int | None:
        for style in self.styles.chain(style_id):
            name, identifier = self.styles.names(style.get(qn("w:styleId")))
            for candidate in (name, identifier):
                match = _HEADING_STYLE.match(candidate)
                if match:
                    return int(match.group(1))
                if candidate in _TITLE_STYLES:
                    return 0
        outline = paragraph.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if outline is None:
            outline = self.styles.find(style_id, f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if outline is not None:
            level = int(outline.get(qn("w:val"), "9"))
            if level < 9:
                return level + 1
        return None

    def _list_numbering(self, paragraph, style_id: str | None) -> tuple[str, int] | None:
        """The list (numId) and level of a numbered paragraph, from itself or its style."""
        own = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        from_style = self.styles.find(style_id, f"{qn('w:pPr')}/{qn('w:numPr')}")
        num_id = level = None
        for source in (own, from_style):
            if source is None:
                continue
            num = source.find(qn("w:numId"))
            ilvl = source.find(qn("w:ilvl"))
            if num_id is None and num is not None:
                num_id = num.get(qn("w:val"))
            if level is None and ilvl is not None:
                level = int(ilvl.get(qn("w:val"), "0"))
        if num_id is None or not self.numbering.is_list(num_id):
            return None
        if level is None:
            level = self.numbering.level_for_style(num_id, style_id) if style_id else 0
        return num_id, level

    def _list_style_level(self, style_id: str | None) -> int | None:
        name, identifier = self.styles.names(style_id)
        for candidate in (name, identifier):
            match = _LIST_STYLE.match(candidate)
            if match:
                return int(match.group(1)) - 1 if match.group(1) else 0
        return None

    def _emphasis(self, paragraph, style_id: str | None) -> bool:
        runs = [
            run
            for run in paragraph.iter(qn("w:r"))
            if not _inside_other_content(run, paragraph)
            and "".join(text.text or "" for text in run.iter(qn("w:t"))).strip()
        ]
        if not runs:
            return False
        return all(
            self._run_toggle(run, style_id, "w:b") or self._run_toggle(run, style_id, "w:i")
            for run in runs
        )

    def _run_toggle(self, run, paragraph_style: str | None, tag: str) -> bool:
        properties = run.find(qn("w:rPr"))
        if properties is not None:
            own = _on(properties.find(qn(tag)))
            if own is not None:
                return own
            character_style = properties.find(qn("w:rStyle"))
            if character_style is not None:
                found = self.styles.find(
                    character_style.get(qn("w:val")), f"{qn('w:rPr')}/{qn(tag)}"
                )
                if found is not None:
                    return bool(_on(found))
        return bool(_on(self.styles.find(paragraph_style, f"{qn('w:rPr')}/{qn(tag)}")))

    def _paragraph(self, paragraph, place: Place) -> Block | None:
        text = _paragraph_text(paragraph)
        style_id = self._style_id(paragraph)
        numbering = self._list_numbering(paragraph, style_id)
        # Count even an empty numbered paragraph: Word does.
        shown, is_bullet = self.numbering.next_number(*numbering) if numbering else ("", True)
        if not text:
            return None
        heading_level = self._heading_level(paragraph, style_id)
        if heading_level is not None:
            number = "" if is_bullet else shown
            if not number:
                number, text = split_heading_number(text)
            return Block(Kind.HEADING, text, place, level=heading_level, number=number)
        if numbering:
            return Block(Kind.ITEM, text, place, level=numbering[1], number=shown)
        list_level = self._list_style_level(style_id)
        typed = _typed_item(text)
        if list_level is not None or typed:
            number, text = typed or ("", text)
            return Block(Kind.ITEM, text, place, level=list_level or 0, number=number)
        emphasis = self._emphasis(paragraph, style_id)
        return Block(Kind.PARAGRAPH, text, place, emphasis=emphasis)

    def _table(self, table, place: Place, elements: list, position: int) -> Block:
        rows = _table_rows(table)
        return Block(Kind.TABLE, self._table_text(table, elements, position), place, rows=rows)

    def _table_text(self, table, elements: list, position: int) -> str:
        caption = table.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
        if caption is not None and caption.get(qn("w:val")):
            return caption.get(qn("w:val"))
        for neighbour in (position - 2, position):  # the paragraph just above, then below
            if 0 <= neighbour < len(elements) and elements[neighbour].tag == qn("w:p"):
                paragraph = elements[neighbour]
                text = _paragraph_text(paragraph)
                name, identifier = self.styles.names(self._style_id(paragraph))
                if text and (
                    name in _CAPTION_STYLES
                    or identifier in _CAPTION_STYLES
                    or _CAPTION_TEXT.match(text)
                ):
                    return text
        for block in reversed(self.blocks):
            if block.kind in (Kind.HEADING, Kind.PARAGRAPH):
                return block.quote
        return ""


def _footnotes(document) -> dict[str, str]:
    """The footnotes' text by id (the separators Word keeps there left out)."""
    for relationship in document.part.rels.values():
        if relationship.reltype == RT.FOOTNOTES and not relationship.is_external:
            root = parse_xml(relationship.target_part.blob)
            return {
                note.get(qn("w:id")): " ".join(
                    text for text in map(_paragraph_text, note.iter(qn("w:p"))) if text
                )
                for note in root.findall(qn("w:footnote"))
                if note.get(qn("w:type")) in (None, "normal")
            }
    return {}


def _typed_item(text: str) -> tuple[str, str] | None:
    """A list item typed by hand: "• tekst", "- tekst", "2. tekst", "b) tekst"."""
    bullet = _TYPED_BULLET.match(text)
    if bullet:
        return "", bullet.group(1)
    numbered = _TYPED_ITEM_NUMBER.match(text)
    if numbered:
        return numbered.group(1), numbered.group(2)
    return None


def _body_elements(container) -> Iterator:
    """The paragraphs and tables in document order, also those inside content controls."""
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_elements(content)


def _cell_text(cell) -> str:
    lines = []
    for element in _body_elements(cell):
        if element.tag == qn("w:p"):
            text = _paragraph_text(element)
            if text:
                lines.append(text)
        else:  # a table inside the cell: its rows as lines
            lines.extend(" | ".join(row) for row in _table_rows(element))
    return "\n".join(lines)


def _table_rows(table) -> tuple[tuple[str, ...], ...]:
    """The cells row by row on the table's grid. A cell merged across columns gives its text
    once (the columns it covers are empty); a cell merged down over rows repeats its text in
    each row it covers, so every row of an action table keeps its theme."""
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # column → text of the cell that may continue downwards
    for row in table.findall(qn("w:tr")):
        cells: list[str] = []
        before = row.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}")
        if before is not None:
            cells.extend([""] * int(before.get(qn("w:val"), "0")))
        for cell in row.findall(qn("w:tc")):
            properties = cell.find(qn("w:tcPr"))
            span, merge = 1, None
            if properties is not None:
                grid_span = properties.find(qn("w:gridSpan"))
                if grid_span is not None:
                    span = int(grid_span.get(qn("w:val"), "1"))
                vertical = properties.find(qn("w:vMerge"))
                if vertical is not None:
                    merge = vertical.get(qn("w:val")) or "continue"
            column = len(cells)
            if merge == "continue":
                text = above.get(column, "")
            else:
                text = _cell_text(cell)
                above[column] = text
            cells.append(text)
            cells.extend([""] * (span - 1))
        rows.append(cells)
    width = max((len(row) for row in rows), default=0)
    return tuple(tuple(row + [""] * (width - len(row))) for row in rows)
