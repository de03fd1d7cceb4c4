"""Making a document: the builder of its kind, then the renderer of its format."""

from dataclasses import dataclass

from django.utils import translation

from . import render_docx, render_html, render_pdf
from .builders import action_plan, analysis, policy_plan, progress
from .document import FORMATS, KINDS, Document
from .models import HouseStyle

BUILDERS = {
    "analyse": analysis.build,
    "ivp": policy_plan.build,
    "uitvoeringsplan": action_plan.build,
    "voortgang": progress.build,
}
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
assert set(BUILDERS) == set(KINDS)


@dataclass
class Made:
    content: bytes
    file_name: str
    content_type: str


def build(kind: str, municipality, year: int) -> Document:
    with translation.override("nl"):
        return BUILDERS[kind](municipality, year)


def make(kind: str, municipality, year: int, fmt: str, *, progress=None) -> Made:
    """The document as a file. `progress(step, done, total)` hears how far it is."""
    if fmt not in FORMATS:
        raise ValueError(f"Onbekend formaat {fmt!r}; kies uit {', '.join(FORMATS)}.")
    with translation.override("nl"):
        if progress:
            progress("Gegevens verzamelen", 0, 1)
        document = BUILDERS[kind](municipality, year)
        if progress:
            progress("Gegevens verzamelen", 1, 1)
        if fmt == "pdf":
            content = render_pdf.render(document, progress=progress)
        elif fmt == "docx":
            content = render_docx.render(
                document, template=house_style_of(municipality), progress=progress
            )
        else:
            content = render_html.standalone(document, progress=progress).encode()
    return Made(content, f"{document.file_stem}.{fmt}", CONTENT_TYPES[fmt])


def house_style_of(municipality) -> bytes | None:
    style = HouseStyle.objects.filter(municipality=municipality).only("content").first()
    return bytes(style.content) if style else None
