"""A document as HTML: a page inside the app, or one self-contained file (also what the PDF
is made from)."""

import base64
from functools import cache
from pathlib import Path

from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ivp.common import charts

from .document import KINDS, Document, Section
from .rich_text import Rich, runs_of

STATIC = Path(__file__).parent / "static" / "reports"
# The house style, and the column widths that the page in the app links as a file.
CSS_FILES = (STATIC / "document.css", STATIC / "columns.css")


@cache
def stylesheet() -> str:
    return "\n".join(css.read_text(encoding="utf-8") for css in CSS_FILES)


def context(document: Document, *, inline_svg: bool) -> dict:
    return {
        "document": document,
        "kind_name": KINDS[document.kind],
        "headings": document.headings(),
        "contents": contents(document.headings()),
        "inline_svg": inline_svg,
    }


def contents(headings: list[Section]) -> list[tuple[Section, str]]:
    """Each heading with what its link in the contents says when read out of its list: a
    section within a chapter names the chapter too ("Woninginbraak: Doelstellingen"), since
    "Doelstellingen" alone stands there once per theme."""
    chapter, found = "", []
    for section in headings:
        if section.level == 1:
            chapter = section.title
        found.append((section, f"{chapter}: {section.title}" if section.level > 1 and chapter
                      else section.title))  # fmt: skip
    return found


def with_inline_charts(document: Document) -> Document:
    for chart in document.charts:
        chart.image = charts.to_svg(chart.spec)
    return document


def standalone(document: Document, *, progress=None) -> str:
    """One HTML file with its style and its charts inside (as SVG images with alt text)."""
    for number, chart in enumerate(document.charts, start=1):
        svg = charts.to_svg(chart.spec).replace(' aria-hidden="true" focusable="false"', "", 1)
        chart.image = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
        if progress:
            progress("Grafieken", number, len(document.charts))
    return render_to_string(
        "reports/document_standalone.html",
        {**context(document, inline_svg=False), "css": stylesheet()},
    )


def inline_html(text: str) -> SafeString:
    """A text's runs as HTML. A footnote is its number, linked to the note at the end of the
    chapter; for the PDF the note's text stands there too, where WeasyPrint sets it at the foot
    of the page (`PDF_NOTES`), hidden elsewhere."""
    parts = []
    for run in runs_of(text):
        if run.note:
            parts.append(
                format_html(
                    '<sup class="ivp-doc-noteref"><a href="#noot-{0}" id="noot-{0}-in-tekst" '
                    'aria-label="Voetnoot {0}">{0}</a></sup>'
                    '<span class="ivp-doc-footnote">{1}</span>',
                    run.note,
                    inline_html(Rich(run.note_text)),
                )
            )
            continue
        piece = linebreaksbr(escape(run.text))
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.href:
            piece = format_html('<a href="{}">{}</a>', run.href, mark_safe(piece))
        parts.append(piece)
    return mark_safe("".join(parts))
