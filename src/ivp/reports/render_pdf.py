"""A document as an accessible PDF (PDF/UA-1: tagged, language, title, real text), made by
WeasyPrint from the same HTML file the app offers."""

from .document import Document
from .pdf_tags import finish
from .render_html import standalone


class PdfUnavailable(RuntimeError):
    """WeasyPrint needs Pango from the operating system (Debian: libpango-1.0-0)."""


def render(document: Document, *, progress=None) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as error:  # the library is there, the system's Pango is not
        raise PdfUnavailable(
            "PDF maken kan hier niet: WeasyPrint vindt Pango niet. Installeer het Debian-pakket "
            "libpango-1.0-0 (scripts/system-deps.sh doet dat)."
        ) from error
    html = standalone(document, progress=progress)
    if progress:
        progress("Opmaak van de pagina's", 0, 1)
    pdf = HTML(string=html, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", custom_metadata=True, uncompressed_pdf=False, finisher=finish
    )
    if progress:
        progress("Opmaak van de pagina's", 1, 1)
    return pdf
