"""A document as DOCX the municipality can edit, in the house style of a template document.

The template's styles (Title, Subtitle, Heading 1–2, List Bullet, List Number, Caption, Table Grid,
Table Text, TOC 1–2) give the look; its headers, footers and page setup stay. A template that
lacks a style still works: that part falls back to the template's Normal style (a numbered list
then writes its numbers as text). A "\n" in a text is a line break in its paragraph.

Where the template's Normal style names a font, styles that take theirs from the theme get that
font (Word would otherwise set headings in the theme's Cambria or Calibri). Tables are as wide
as the page, each column as wide as its longest word at least (`column_widths`); their rows
stay on one page and their header row repeats. The text is Dutch and hyphenated.
"""

import io
from pathlib import Path

from django.utils import timezone
from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from ivp.common import charts
from ivp.common.importing import ImportFileError
from ivp.common.plain_text import line_endings

from . import word_xml
from .column_widths import Cell, Font, column_widths, row_height
from .document import KINDS, Bullets, Chart, Document, Paragraph, Table
from .rich_text import prefixed
from .template_cleaning import clean_template
from .word_runs import WordRuns

DEFAULT_TEMPLATE = Path(__file__).parent / "huisstijl" / "ivp-standaard.docx"
LANGUAGE = "nl-NL"
CHART_WIDTH = Cm(15)
THEME_FONTS = {  # a run's font attribute and the one that takes its font from the theme instead
    "w:ascii": "w:asciiTheme",
    "w:hAnsi": "w:hAnsiTheme",
    "w:eastAsia": "w:eastAsiaTheme",
    "w:cs": "w:cstheme",
}
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Styles whose words are never hyphenated.
WHOLE_WORDS = {
    "Title",
    "Subtitle",
    "TOC Heading",
    "Caption",
    *(f"Heading {n}" for n in range(1, 10)),
}
CELL_MARGIN = 108  # twentieths of a point, left and right, when the table style sets none


class TemplateError(ValueError):
    pass


def open_template(template: bytes | None = None):
    """A template stored before cleaning existed is cleaned here too, before python-docx."""
    if template:
        try:
            template = clean_template("huisstijl.docx", template).content
        except ImportFileError as error:
            raise TemplateError(str(error)) from error
    try:
        docx = open_docx(io.BytesIO(template) if template else str(DEFAULT_TEMPLATE))
    except Exception as error:  # python-docx raises several kinds for a file that is no DOCX
        raise TemplateError(
            "Het sjabloon is geen Word-document (.docx) dat te openen is."
        ) from error
    body = docx.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the page setup, drop the sample text
            body.remove(child)
    return docx


def render(document: Document, *, template: bytes | None = None, progress=None) -> bytes:
    docx = open_template(template)
    _set_language_and_properties(docx, document)
    _fonts_of_the_template(docx)
    _hyphenate(docx)
    writer = _Writer(docx)
    writer.title_page(document)
    writer.contents(document)
    charts_done, charts_total = 0, len(document.charts)
    for section in document.headings():
        writer.heading(section.title, section.level)
        for block in section.blocks:
            if isinstance(block, Chart):
                writer.chart(block)
                charts_done += 1
                if progress:
                    progress("Grafieken", charts_done, charts_total)
            elif isinstance(block, Table):
                writer.table(block)
            elif isinstance(block, Bullets):
                writer.bullets(block)
            elif isinstance(block, Paragraph):
                writer.paragraph(block.text, "Quote" if block.note else None)
    writer.colofon(document)
    writer.footer(document)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _set_language_and_properties(docx, document: Document) -> None:
    """Properties of this document, none of the template's (or python-docx's when the template
    has none); the template's thumbnail would show its own first page."""
    properties = docx.core_properties
    now = timezone.now().replace(microsecond=0)
    properties.title = document.title
    properties.subject = f"{KINDS[document.kind]} {document.municipality} {document.year}"
    properties.author = properties.last_modified_by = f"Gemeente {document.municipality}"
    properties.language = LANGUAGE
    properties.keywords = f"{KINDS[document.kind]}; integrale veiligheid; {document.municipality}"
    properties.category = KINDS[document.kind]
    properties.comments = ""
    properties.created = properties.modified = now
    properties.revision = 1
    package_rels = docx.part.package.rels
    for key, relationship in list(package_rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package_rels[key]
    # The language of all text: the document defaults, and Normal for templates that set one.
    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    for holder in [defaults] + [s.element for s in docx.styles if s.type == 1]:
        _set_lang(holder, holder is defaults)
    # The language Word takes the theme's fonts for.
    _setting(docx, "w:themeFontLang").set(qn("w:val"), LANGUAGE)
    # Word brings the table of contents' page numbers up to date when it opens the file.
    _setting(docx, "w:updateFields").set(qn("w:val"), "true")


def _hyphenate(docx) -> None:
    """Word and LibreOffice hyphenate the text by the dictionary of its language; not the
    title, headings and captions, which read as a whole."""
    _setting(docx, "w:autoHyphenation").set(qn("w:val"), "true")
    _setting(docx, "w:doNotHyphenateCaps").set(qn("w:val"), "true")
    for style in docx.styles:
        if style.name in WHOLE_WORDS and style.type == WD_STYLE_TYPE.PARAGRAPH:
            _no_hyphens(style.element.get_or_add_pPr())


def _setting(docx, tag: str):
    """The settings' `tag` element, added at its place when the template has none."""
    settings = docx.settings.element
    found = settings.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        word_xml.insert(settings, found, after=word_xml.before_in_settings(tag))
    return found


def _fonts_of_the_template(docx) -> None:
    """Where Normal names a font, a style that takes its font from the theme gets that font
    instead: in Word a theme font overrides a named one, so the default template's headings
    (theme font and Arial both given) were set in Cambria."""
    normal = _normal_fonts(docx)
    if not normal:
        return
    styles = docx.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for named, themed in THEME_FONTS.items():
            if fonts.get(qn(themed)) is None:
                continue
            del fonts.attrib[qn(themed)]
            if fonts.get(qn(named)) is None:
                fonts.set(qn(named), normal.get(named, normal["w:ascii"]))


def _normal_fonts(docx) -> dict[str, str]:
    """The fonts Normal names itself (not through the theme), by attribute; none: {}."""
    if "Normal" not in [s.name for s in docx.styles]:
        return {}
    fonts = docx.styles["Normal"].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if fonts is None or fonts.get(qn("w:asciiTheme")) is not None:
        return {}
    named = {name: fonts.get(qn(name)) for name in THEME_FONTS if fonts.get(qn(name))}
    return named if "w:ascii" in named else {}


def _set_lang(element, is_defaults: bool) -> None:
    if is_defaults:
        rpr_default = element.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            element.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
    else:
        rpr = element.find(qn("w:rPr"))
        if rpr is None:
            return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


class _Writer:
    def __init__(self, docx):
        self.docx = docx
        # Style ids by name, read once: python-docx looks a name up anew at every paragraph,
        # which made the style lookups half the time of a document.
        self.ids = {s.name: s.style_id for s in docx.styles}
        self.table_font = _style_font(docx, "Table Text" if "Table Text" in self.ids else "Normal")
        section = docx.sections[-1]
        self.text_width = Emu(section.page_width - section.left_margin - section.right_margin).pt
        self.text_height = Emu(section.page_height - section.top_margin - section.bottom_margin).pt
        self.cell_padding = _cell_padding(docx, "Table Grid" if "Table Grid" in self.ids else None)
        self.runs = WordRuns(docx, self.ids)

    def style(self, name: str | None):
        return name if name in self.ids else None

    def paragraph(self, text: str, style: str | None = None):
        """A paragraph of `text`, with its bold, links and footnotes when it has them."""
        if hasattr(text, "runs"):
            paragraph = self.docx.add_paragraph()
            self.runs.add(paragraph, text)
        else:
            # python-docx makes each of CR and LF a line break: a CRLF would break twice.
            paragraph = self.docx.add_paragraph(line_endings(text))
        self.apply(paragraph, style)
        return paragraph

    def bullets(self, bullets: Bullets) -> None:
        if not bullets.ordered:
            for item in bullets.items:
                self.paragraph(item, "List Bullet")
            return
        numbering = self._restarted_numbering(bullets.start)
        for number, item in enumerate(bullets.items, start=bullets.start):
            if numbering is None:
                self.paragraph(prefixed(f"{number}.", item))
                continue
            numbered = self.paragraph(item, "List Number")
            properties = numbered._p.get_or_add_pPr().get_or_add_numPr()
            properties.get_or_add_ilvl().val = 0
            properties.get_or_add_numId().val = numbering

    def _restarted_numbering(self, start: int) -> int | None:
        """A numbering of its own for one list, so that it starts at `start` instead of going
        on from the list before (all lists in the List Number style share one numbering)."""
        if "List Number" not in self.ids:
            return None
        style = self.docx.styles["List Number"].element
        num_id = style.xpath("w:pPr/w:numPr/w:numId/@w:val")
        try:
            numbering = self.docx.part.numbering_part.element
        except NotImplementedError:  # a template without numbering definitions
            return None
        shared = numbering.xpath(f'w:num[@w:numId="{num_id[0]}"]') if num_id else []
        if not shared:
            return None
        own = numbering.add_num(shared[0].abstractNumId.val)
        own.add_lvlOverride(ilvl=0).add_startOverride(start)
        return own.numId

    def apply(self, paragraph, style: str | None) -> None:
        if style in self.ids:
            paragraph._p.style = self.ids[style]

    def heading(self, text: str, level: int):
        name = f"Heading {level}"
        if name in self.ids:
            return self.paragraph(text, name)
        paragraph = self.docx.add_paragraph()
        paragraph.add_run(text).bold = True
        return paragraph

    def page_break(self):
        self.docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def title_page(self, document: Document):
        self.paragraph(KINDS[document.kind].upper(), "Subtitle")
        self.paragraph(document.title, "Title")
        if document.subtitle:
            self.paragraph(document.subtitle, "Subtitle")
        self.paragraph(document.status)
        if document.warning:
            self.paragraph("").add_run(document.warning).bold = True
        self.page_break()

    def contents(self, document: Document):
        """A Word table-of-contents field, filled with the headings so that it reads right
        before Word updates it (page numbers come with that update)."""
        self.paragraph("Inhoud", "TOC Heading")
        entries = [(s.level, s.title) for s in document.headings()] + [(1, "Colofon")]
        first = self.paragraph("", self.style(f"TOC {entries[0][0]}"))
        _field_start(first, 'TOC \\o "1-2" \\h \\z \\u')
        first.add_run(entries[0][1])
        last = first
        for level, title in entries[1:]:
            last = self.paragraph(title, f"TOC {level}")
            if f"TOC {level}" not in self.ids and level > 1:
                last.paragraph_format.left_indent = Cm(0.8)
        _field_end(last)
        self.page_break()

    def table(self, table: Table):
        self.paragraph(table.caption, "Caption").paragraph_format.keep_with_next = True
        grid = self.docx.add_table(rows=1, cols=len(table.header))
        if "Table Grid" in self.ids:  # by id: python-docx would look the name up each time
            grid._tbl.tblStyle_val = self.ids["Table Grid"]
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        # Bold where the PDF has a header cell: the header, the first cell naming its row, the
        # totals.
        cells = [[Cell(text, bold=True) for text in table.header]]
        for number, row in enumerate(table.rows + table.footer):
            footer = number >= len(table.rows)
            cells.append(
                [
                    Cell(text, bold=footer or (i == 0 and table.row_headers))
                    for i, text in enumerate(row)
                ]
            )
        widths, whole = column_widths(
            cells, font=self.table_font, usable=self.text_width, padding=self.cell_padding
        )
        for number, row in enumerate(cells):
            line = grid.rows[0] if number == 0 else grid.add_row()
            height = row_height(row, widths, font=self.table_font, padding=self.cell_padding)
            # A row taller than most of a page may break: Word would cut off what does not fit.
            _row_properties(line, header=number == 0, whole=height < 0.6 * self.text_height)
            for index, (cell, content) in enumerate(zip(line.cells, row, strict=True)):
                paragraph = self._fill(cell, content, right=number > 0 and index in table.numeric)
                if number == 0:  # the header row with the first row, never alone at a page foot
                    paragraph.paragraph_format.keep_with_next = True
        _set_widths(grid, widths, whole)
        _alt_text(grid, table)
        self.paragraph("")

    def _fill(self, cell, content: Cell, *, right: bool = False):
        paragraph = cell.paragraphs[0]
        self.apply(paragraph, "Table Text")
        paragraph.add_run(line_endings(content.text)).bold = content.bold
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return paragraph

    def chart(self, chart: Chart):
        paragraph = self.docx.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True  # with its caption
        picture = paragraph.add_run().add_picture(
            io.BytesIO(charts.to_png(chart.spec)), width=CHART_WIDTH
        )
        doc_pr = picture._inline.docPr
        doc_pr.set("descr", chart.alt)
        doc_pr.set("title", chart.title)
        self.paragraph(chart.title, "Caption")
        self.table(chart.table)

    def colofon(self, document: Document):
        self.heading("Colofon", 1)
        # As the HTML and PDF say it.
        self.paragraph(
            f"{KINDS[document.kind]} {document.municipality} ({document.code}), {document.year}."
        )
        self.paragraph(f"Datum: {_day(document.generated)}")
        if document.figures_date:
            self.paragraph(f"Cijfers: {document.figures_date}")
        self.heading("Bronnen", 2)
        for source in document.sources:
            self.paragraph(source, "List Bullet")
        for line in document.colofon:
            self.paragraph(line)

    def footer(self, document: Document):
        """The template's footer stays; an empty one gets the title and the page number."""
        footer = self.docx.sections[-1].footer
        if not footer.is_linked_to_previous and any(p.text.strip() for p in footer.paragraphs):
            return
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.text = f"{document.title} · pagina "
        _simple_field(paragraph, "PAGE")


def _style_font(docx, name: str) -> Font:
    """The font and size of a paragraph style: its own, its base styles' or the document's."""
    family = size = None
    style = docx.styles[name] if name in [s.name for s in docx.styles] else None
    holders = []
    while style is not None:
        holders.append(style.element.find(qn("w:rPr")))
        style = style.base_style
    holders.append(
        docx.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    )
    for properties in (h for h in holders if h is not None):
        fonts = properties.find(qn("w:rFonts"))
        if family is None and fonts is not None:
            themed = fonts.get(qn("w:asciiTheme"))
            family = _theme_font(docx, themed) if themed else fonts.get(qn("w:ascii"))
        half_points = properties.find(qn("w:sz"))
        if size is None and half_points is not None:
            size = int(half_points.get(qn("w:val"))) / 2
    return Font(family or "Times New Roman", size or 10.0)  # Word's own defaults


def _theme_font(docx, themed: str) -> str | None:
    """The theme's Latin font for "majorHAnsi", "minorAscii" and the like."""
    try:
        theme = parse_xml(docx.part.part_related_by(RELATIONSHIP_TYPE.THEME).blob)
    except KeyError:
        return None
    kind = "a:majorFont" if themed.startswith("major") else "a:minorFont"
    found = theme.xpath(f"//{kind}/a:latin/@typeface", namespaces={"a": DRAWING})
    return found[0] if found else None


def _cell_padding(docx, table_style: str | None) -> float:
    """A cell's left and right margin together, in points."""
    margins = []
    if table_style:
        margins = docx.styles[table_style].element.xpath(
            "w:tblPr/w:tblCellMar/w:left/@w:w | w:tblPr/w:tblCellMar/w:right/@w:w"
        )
    return sum(int(m) for m in margins) / 20 if len(margins) == 2 else 2 * CELL_MARGIN / 20


def _day(value) -> str:
    from .builders.common import day

    return day(value)


def _set_widths(grid, widths: list[float], whole: list[bool]) -> None:
    """Column widths in points. A column that holds its longest word is not hyphenated either
    (a compound broken inside a cell reads badly); one that cannot is, by Word's Dutch
    dictionary, rather than broken at any letter."""
    twips = [round(w * 20) for w in widths]
    grid.autofit = False  # a fixed layout: Word keeps these widths
    table_width = grid._tbl.tblPr.find(qn("w:tblW"))
    if table_width is not None:
        table_width.set(qn("w:w"), str(sum(twips)))
        table_width.set(qn("w:type"), "dxa")
    for column, width in zip(grid.columns, twips, strict=True):
        column.width = Pt(width / 20)  # the grid, which LibreOffice reads
    for row in grid.rows:  # and each cell, which Word reads
        for cell, width, fits in zip(row.cells, twips, whole, strict=True):
            cell.width = Pt(width / 20)
            if fits:
                _no_hyphens(cell.paragraphs[0]._p.get_or_add_pPr())


def _row_properties(row, *, header: bool, whole: bool) -> None:
    """A row that stays on one page; the header row repeats at the top of every page."""
    properties = row._tr.get_or_add_trPr()
    # In the schema's order: cantSplit before tblHeader.
    for tag, wanted in (("w:cantSplit", whole), ("w:tblHeader", header)):
        if wanted:
            marker = OxmlElement(tag)
            marker.set(qn("w:val"), "true")
            properties.append(marker)


def _no_hyphens(properties) -> None:
    """Paragraph properties (of a paragraph or a style) that hyphenate no word."""
    marker = properties.find(qn("w:suppressAutoHyphens"))
    if marker is None:
        marker = OxmlElement("w:suppressAutoHyphens")
        word_xml.insert(properties, marker, after=word_xml.PARAGRAPH_BEFORE_HYPHENS)
    marker.set(qn("w:val"), "true")


def _alt_text(grid, table: Table) -> None:
    """Word's alternative text of a table: its caption, and what its columns and rows hold."""
    properties = grid._tbl.tblPr
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), table.caption)
    rows = len(table.rows)
    description = OxmlElement("w:tblDescription")
    description.set(
        qn("w:val"),
        f"{table.caption}: {rows} {'rij' if rows == 1 else 'rijen'} met de kolommen "
        f"{', '.join(table.header)}.",
    )
    properties.append(caption)  # the last two children of the table's properties
    properties.append(description)


def _field_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _field_start(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    run._r.append(_field_char("begin"))
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run = paragraph.add_run()
    run._r.append(code)
    run = paragraph.add_run()
    run._r.append(_field_char("separate"))


def _field_end(paragraph) -> None:
    paragraph.add_run()._r.append(_field_char("end"))


def _simple_field(paragraph, instruction: str) -> None:
    _field_start(paragraph, instruction)
    paragraph.add_run("1")
    _field_end(paragraph)
