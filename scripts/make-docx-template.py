"""Makes the default house-style template `src/ivp/reports/huisstijl/ivp-standaard.docx`.

A municipality replaces it with its own Word template (page "Huisstijl"); this one only sets
A4, margins, fonts, colours and the styles the documents use. Run again after changing it:
    .venv/bin/python scripts/make-docx-template.py
"""

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt, RGBColor

BLUE = RGBColor(0x0B, 0x53, 0x94)
OUT = Path(__file__).parent.parent / "src/ivp/reports/huisstijl/ivp-standaard.docx"

docx = Document()
section = docx.sections[0]
section.page_width, section.page_height = Cm(21), Cm(29.7)
for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
    setattr(section, side, Cm(2.2))
styles = docx.styles
styles["Normal"].font.name = "Arial"
styles["Normal"].font.size = Pt(10)
for name, size in (("Title", 26), ("Heading 1", 16), ("Heading 2", 13), ("TOC Heading", 16)):
    style = styles[name]
    style.font.name = "Arial"
    style.font.size = Pt(size)
    style.font.color.rgb = BLUE
styles["Subtitle"].font.name = "Arial"
styles["Caption"].font.color.rgb = RGBColor(0x33, 0x33, 0x33)
for level in (1, 2):
    toc = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
    toc.base_style = styles["Normal"]
    toc.paragraph_format.left_indent = Cm(0.8 * (level - 1))
    toc.paragraph_format.space_after = Pt(2)
# Dense tables as municipalities print them: the actions table has five to eight columns.
table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
table_text.base_style = styles["Normal"]
table_text.font.size = Pt(9)
table_text.paragraph_format.space_after = Pt(0)
table_text.paragraph_format.line_spacing = 1.0
docx.core_properties.title = "Huisstijl ivp"
docx.core_properties.language = "nl-NL"
docx.save(OUT)
print(OUT)
