"""A document as plain data: sections of paragraphs, lists, tables and charts.

The builders (`ivp.reports.builders`) fill it from the database; the renderers turn the same
document into HTML, PDF and DOCX, so the three formats never say different things.
Documents are Dutch by nature (they go to a Dutch council), so their text is written in Dutch.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.text import slugify

from ivp.common import plain_text

from .rich_text import Rich, Run, prefixed, rich

KINDS = {
    "analyse": "Veiligheidsanalyse",
    "ivp": "Integraal Veiligheidsplan",
    "uitvoeringsplan": "Uitvoeringsplan",
    "voortgang": "Voortgangsrapportage",
    "raadsvoorstel": "Raadsvoorstel",
    "collegevoorstel": "Collegevoorstel",
}
# about one uitvoeringsplan, named by its address; the others are about the IVP or the figures
PLAN_KINDS = ("uitvoeringsplan", "voortgang", "collegevoorstel")
IVP_KINDS = ("ivp", "raadsvoorstel")
FORMATS = ("html", "pdf", "docx")


@dataclass
class Paragraph:
    text: str  # a "\n" inside is a line break; a `Rich` text has bold, links and footnotes
    note: bool = False  # a caution or an editorial remark, set apart


@dataclass
class Bullets:
    items: list[str]  # an item's "\n" is a line break inside it
    ordered: bool = False  # numbered, from `start`
    start: int = 1


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    footer: list[list[str]] = field(default_factory=list)
    numeric: tuple[int, ...] = ()  # columns aligned right
    row_headers: bool = True  # the first cell of a row names it
    widths: tuple[int, ...] = ()  # relative column widths; none: equal

    @property
    def percentages(self) -> list[float]:
        weights = self.widths or (1,) * len(self.header)
        return [round(100 * w / sum(weights), 1) for w in weights]


@dataclass
class Chart:
    """A chart for sighted readers; `table` holds the same numbers for everyone else."""

    title: str
    spec: dict
    table: Table
    image: str = field(default="", repr=False)  # set by a renderer: inline SVG or a data URI

    @property
    def alt(self) -> str:
        return f"Grafiek: {self.title}. De cijfers staan in de tabel eronder."


Block = Paragraph | Bullets | Table | Chart


def text_blocks(
    text: str, *, prefix: str = "", written_in: "Document | None" = None
) -> list[Block]:
    """Typed text as its paragraphs and lists (see `ivp.common.plain_text`). `prefix` opens
    the first paragraph ("Missie: …"), or stands on its own before a list. Prose written for
    the document (`written_in`, which numbers its footnotes) is read for bold, links and
    footnotes (`rich_text`); a plan's fields are plain text."""

    def inline(said: str) -> str:
        return rich(said, written_in.next_note) if written_in is not None else said

    found: list[Block] = [
        Bullets([inline(item) for item in b.items], ordered=b.ordered, start=b.start)
        if isinstance(b, plain_text.ItemList)
        else Paragraph(inline(b.text))
        for b in plain_text.blocks(text)
    ]
    if prefix and found and isinstance(found[0], Paragraph):
        found[0].text = prefixed(prefix, found[0].text)
    elif prefix:
        found.insert(0, Paragraph(prefix))
    return found


def with_line_breaks(text: str) -> str:
    """Typed text whose lines stay lines (a table cell, a list item): line breaks, no blank
    lines around it."""
    return plain_text.normalise(text)


@dataclass
class Section:
    title: str
    level: int = 1
    blocks: list[Block] = field(default_factory=list)
    anchor: str = ""

    def add(self, *blocks: Block) -> "Section":
        self.blocks.extend(b for b in blocks if b is not None)
        return self

    @property
    def notes(self) -> list[Run]:
        """The footnotes in this section's text, in order (listed at its end on screen)."""
        texts = [
            text
            for block in self.blocks
            for text in (
                block.items if isinstance(block, Bullets) else [getattr(block, "text", "")]
            )
        ]
        return [note for text in texts if isinstance(text, Rich) for note in text.notes]


@dataclass
class Document:
    kind: str
    title: str
    municipality: str
    code: str
    year: int
    scope: str = ""  # of an uitvoeringsplan for one priority or speerpunt: "ondermijning"
    subtitle: str = ""
    status: str = ""  # "Vastgesteld door … op …" or "Concept"
    warning: str = ""  # on the title page, set apart: "SYNTHETISCHE cijfers …"
    generated: date = field(default_factory=date.today)
    figures_date: str = ""  # which figures, up to when, imported when
    sources: list[str] = field(default_factory=list)
    colofon: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    notes_given: int = 0  # footnotes numbered so far

    def next_note(self) -> int:
        self.notes_given += 1
        return self.notes_given

    @classmethod
    def about(cls, kind: str, municipality, year: int, **fields) -> "Document":
        return cls(
            kind=kind, municipality=municipality.name, code=municipality.code, year=year, **fields
        )

    def section(self, title: str, level: int = 1) -> Section:
        section = Section(title, level)
        self.sections.append(section)
        return section

    def headings(self) -> list[Section]:
        """Every section with a unique anchor, in reading order (for the contents)."""
        seen: set[str] = set()
        for number, section in enumerate(self.sections, start=1):
            if not section.anchor:
                anchor = slugify(section.title)[:50] or f"deel-{number}"
                section.anchor = anchor if anchor not in seen else f"{anchor}-{number}"
            seen.add(section.anchor)
        return self.sections

    @property
    def charts(self) -> list[Chart]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    @property
    def file_stem(self) -> str:
        return slugify(f"{KINDS[self.kind]} {self.municipality} {self.year} {self.scope}")
