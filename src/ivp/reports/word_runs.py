"""A text's runs in a Word paragraph as Word makes them: bold and italic runs, hyperlinks to
their web address, and real footnotes (a footnotes part with Word's two separators, and a
reference mark where the note is called), so that Word numbers them and sets them at the foot
of the page. The template's own styles are used where it has them (Hyperlink, Footnote Text,
Footnote Reference); the footnote styles are added as Word's own when it has not, so that a
municipality can restyle them in Word."""

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run as WordRun

from . import word_xml
from .rich_text import Run, runs_of

_SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)
NOTE_SIZE = Pt(8)
LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)


class WordRuns:
    def __init__(self, docx, style_ids: dict[str, str]):
        self.docx = docx
        self.ids = style_ids
        self._notes = None  # the footnotes part, made at the first note

    def add(self, paragraph, text: str) -> None:
        for run in runs_of(text):
            if run.note:
                self._footnote(paragraph, run)
            elif run.href:
                self._hyperlink(paragraph, run, self.docx.part)
            else:
                self._formatted(paragraph.add_run(), run)

    def _formatted(self, word_run: WordRun, run: Run) -> WordRun:
        word_run.text = run.text  # python-docx makes a "\n" a line break
        word_run.bold = run.bold or None
        word_run.italic = run.italic or None
        return word_run

    def _hyperlink(self, paragraph, run: Run, part) -> None:
        """A link to its web address, related from the part the paragraph is in (the document
        or its footnotes)."""
        relationship = part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = parse_xml(
            f'<w:hyperlink {nsdecls("w", "r")} r:id="{relationship}"><w:r/></w:hyperlink>'
        )
        paragraph._p.append(link)
        word_run = self._formatted(WordRun(link[0], paragraph), run)
        if "Hyperlink" in self.ids:
            word_run.style = self.docx.styles["Hyperlink"]
        else:
            word_run.font.underline = True
            word_run.font.color.rgb = LINK_BLUE

    def _footnote(self, paragraph, run: Run) -> None:
        part = self._footnotes()
        note = parse_xml(
            f'<w:footnote {nsdecls("w")} w:id="{run.note}"><w:p><w:pPr>'
            f'<w:pStyle w:val="{self.ids["Footnote Text"]}"/></w:pPr></w:p></w:footnote>'
        )
        part.element.append(note)
        in_note = WordParagraph(note[0], paragraph._parent)
        self._mark(in_note.add_run(), "w:footnoteRef")
        in_note.add_run(" ")
        for said in run.note_text:
            if said.href:
                self._hyperlink(in_note, said, part)
            else:
                self._formatted(in_note.add_run(), said)
        self._mark(paragraph.add_run(), "w:footnoteReference", run.note)

    def _mark(self, word_run: WordRun, tag: str, number: int = 0) -> None:
        """A footnote's number: in the text where it is called, and before the note itself."""
        word_run._r.get_or_add_rPr().style = self.ids["Footnote Reference"]
        mark = OxmlElement(tag)
        if number:
            mark.set(qn("w:id"), str(number))
        word_run._r.append(mark)

    def _footnotes(self):
        """The document's footnotes part, made anew with Word's separators (a template's own
        notes belong to its sample text, which is not kept)."""
        if self._notes is not None:
            return self._notes
        document_part = self.docx.part
        for key, relationship in list(document_part.rels.items()):
            if relationship.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
                del document_part.rels[key]
        self._notes = XmlPart(
            PackURI("/word/footnotes.xml"),
            CONTENT_TYPE.WML_FOOTNOTES,
            parse_xml(f"<w:footnotes {nsdecls('w')}>{_SEPARATORS}</w:footnotes>"),
            document_part.package,
        )
        document_part.relate_to(self._notes, RELATIONSHIP_TYPE.FOOTNOTES)
        _separators_in_settings(self.docx)
        self._note_styles()
        return self._notes

    def _note_styles(self) -> None:
        """Word's own Footnote Text and Footnote Reference, where the template lacks them."""
        styles = self.docx.styles
        if "Footnote Text" not in self.ids:
            text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
            text.base_style = styles["Normal"]
            text.font.size = NOTE_SIZE
            text.paragraph_format.space_after = Pt(0)
            text.paragraph_format.space_before = Pt(0)
            self.ids["Footnote Text"] = text.style_id
        if "Footnote Reference" not in self.ids:
            reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
            reference.font.superscript = True
            self.ids["Footnote Reference"] = reference.style_id


def _separators_in_settings(docx) -> None:
    """Word reads which notes are the separators from the settings."""
    settings = docx.settings.element
    for old in settings.findall(qn("w:footnotePr")):
        settings.remove(old)
    properties = OxmlElement("w:footnotePr")
    for number in ("-1", "0"):
        separator = OxmlElement("w:footnote")
        separator.set(qn("w:id"), number)
        properties.append(separator)
    word_xml.insert(settings, properties, after=word_xml.before_in_settings("w:footnotePr"))
