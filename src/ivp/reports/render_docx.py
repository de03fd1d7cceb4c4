"""A document as DOCX the municipality can edit, in the house style of a template document.

The template's styles (Title, Subtitle, Heading 1–2, List Bullet, List Number, Caption, Table Grid,
Table Text, TOC 1–2) give the look; its headers, footers and page setup stay. A template that
lacks a style still works: that part falls back to the template's Normal style (a numbered list
then writes its numbers as text). A "\n" in a text is a line break in its paragraph.
"""

import io
from pathlib import Path

from docx import Document as open_docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ivp.common import charts
from ivp.common.importing import ImportFileError
from ivp.common.plain_text import line_endings

from .document import KINDS, Bullets, Chart, Document, Paragraph, Table
from .template_cleaning import clean_template

DEFAULT_TEMPLATE = Path(__file__).parent / "huisstijl" / "ivp-standaard.docx"
LANGUAGE = "nl-NL"
CHART_WIDTH = Cm(15)


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
    properties = docx.core_properties
    properties.title = document.title
    properties.subject = f"{KINDS[document.kind]} {document.municipality} {document.year}"
    properties.author = f"Gemeente {document.municipality}"
    properties.language = LANGUAGE
    properties.keywords = f"{KINDS[document.kind]}; integrale veiligheid; {document.municipality}"
    # The language of all text: the document defaults, and Normal for templates that set one.
    styles = docx.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    for holder in [defaults] + [s.element for s in docx.styles if s.type == 1]:
        _set_lang(holder, holder is defaults)
    # Word brings the table of contents' page numbers up to date when it opens the file.
    settings = docx.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


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

    def style(self, name: str | None):
        return name if name in self.ids else None

    def paragraph(self, text: str, style: str | None = None):
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
                self.paragraph(f"{number}. {item}")
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
        self.paragraph(f"Gemaakt op {_day(document.generated)} met ivp.")
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
        grid.style = self.style("Table Grid")
        grid.alignment = WD_TABLE_ALIGNMENT.LEFT
        header = grid.rows[0]
        _repeat_as_header(header)
        for cell, text in zip(header.cells, table.header, strict=True):
            self._fill(cell, text, bold=True)
        for number, row in enumerate(table.rows + table.footer):
            footer = number >= len(table.rows)
            cells = grid.add_row().cells
            for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                # Bold where the PDF has a header cell: the first cell naming its row, the totals.
                bold = footer or (index == 0 and table.row_headers)
                self._fill(cell, text, bold=bold, right=index in table.numeric)
        if table.widths:
            self._set_widths(grid, table)
        self.paragraph("")

    def _fill(self, cell, text: str, *, bold: bool, right: bool = False) -> None:
        paragraph = cell.paragraphs[0]
        self.apply(paragraph, "Table Text")
        paragraph.add_run(line_endings(text)).bold = bold
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _set_widths(self, grid, table: Table):
        section = self.docx.sections[-1]
        usable = section.page_width - section.left_margin - section.right_margin
        grid.autofit = False
        widths = [int(usable * p / 100) for p in table.percentages]
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width  # the grid, which LibreOffice reads
        for row in grid.rows:  # and each cell, which Word reads
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width

    def chart(self, chart: Chart):
        picture = self.docx.add_picture(io.BytesIO(charts.to_png(chart.spec)), width=CHART_WIDTH)
        doc_pr = picture._inline.docPr
        doc_pr.set("descr", chart.alt)
        doc_pr.set("title", chart.title)
        self.paragraph(chart.title, "Caption")
        self.table(chart.table)

    def colofon(self, document: Document):
        self.heading("Colofon", 1)
        self.paragraph(
            f"{KINDS[document.kind]} {document.municipality} ({document.code}), {document.year}. "
            f"Gemaakt op {_day(document.generated)} met ivp, open source (EUPL-1.2)."
        )
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


def _day(value) -> str:
    from .builders.common import day

    return day(value)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


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
