"""A document as an accessible PDF (PDF/UA-1: tagged, language, title, real text), made by
WeasyPrint from the same HTML file the app offers."""

from .document import Document
from .pdf_tags import finish
from .render_html import standalone

# On paper a footnote stands at the foot of its page, numbered by WeasyPrint in the same order.
# A user stylesheet: only "!important" outweighs the document's own rules.
FOOTNOTES = """
.ivp-doc-footnote { display: inline !important; float: footnote; font-size: 8.5pt; line-height: 1.3; }
.ivp-doc-noteref, .ivp-doc-notes { display: none !important; }
::footnote-marker { content: counter(footnote) ". "; }
@page { @footnote { border-top: .5pt solid #b8b8b8; padding-top: 1.5mm; margin-top: 3mm; } }
"""


class PdfUnavailable(RuntimeError):
    """WeasyPrint needs Pango from the operating system (Debian: libpango-1.0-0)."""


def render(document: Document, *, progress=None) -> bytes:
    try:
        from weasyprint import CSS, HTML
    except OSError as error:  # the library is there, the system's Pango is not
        raise PdfUnavailable(
            "PDF maken kan hier niet: WeasyPrint vindt Pango niet. Installeer het Debian-pakket "
            "libpango-1.0-0 (scripts/system-deps.sh doet dat)."
        ) from error
    html = standalone(document, progress=progress)
    if progress:
        progress("Opmaak van de pagina's", 0, 1)
    pdf = HTML(string=html, base_url=None).write_pdf(
        stylesheets=[CSS(string=FOOTNOTES)],
        pdf_variant="pdf/ua-1",
        custom_metadata=True,
        uncompressed_pdf=False,
        finisher=finish,
    )
    if progress:
        progress("Opmaak van de pagina's", 1, 1)
    return pdf
