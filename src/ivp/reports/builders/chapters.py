"""A document laid out by its chapters: each chapter in the order of the outline, with the
text the coordinator wrote and the generated block placed in it. A chapter left out, or one
with neither text nor anything generated, is not in the document (the app warns about it
instead; see `missing`)."""

from collections.abc import Callable

from django.utils.text import slugify

from ivp.planning.models import Chapter
from ivp.planning.workflow.chapters import plan_field

from ..document import Document, Paragraph, Section, text_blocks
from ..outlines import OUTLINES

# a block adds to the chapter's section, and may add sections of its own one level deeper
Block = Callable[[Document, Section], None]


def block_key(kind: str, title: str) -> str:
    """The key of a generated part about one thing (a theme, a field), by its title: a new
    plan version copies the chapters, and the title is what stays the same."""
    return f"{kind}:{slugify(title)}"[:40]


def placed_blocks(chapters: list[Chapter]) -> frozenset[str]:
    return frozenset(c.block for c in chapters if c.included and c.block)


def outline_of(plan, document: str) -> list[Chapter]:
    """The plan's chapters of this document; the default outline (not stored) until the
    coordinator changed it, or when no plan owns the document (an analysis of the figures)."""
    stored = [c for c in plan.chapters.all() if c.document == document] if plan else []
    if stored:
        return sorted(stored, key=lambda c: (c.order, c.pk))
    return default_outline(plan, document)


def default_outline(plan, document: str) -> list[Chapter]:
    owner = {plan_field(plan): plan} if plan else {}
    return [
        Chapter(document=document, key=d.key, title=d.title, block=d.block, order=n, **owner)
        for n, d in enumerate(OUTLINES[document], start=1)
    ]


def assemble(document: Document, chapters: list[Chapter], blocks: dict[str, Block]) -> None:
    for chapter in chapters:
        if not chapter.included:
            continue
        section = Section(chapter.title)
        before = len(document.sections)
        document.sections.append(section)
        section.add(*text_blocks(chapter.body, written_in=document))
        signer = ", ".join(s for s in (chapter.signer_name, chapter.signer_function) if s)
        if signer:
            section.add(Paragraph(signer))
        place = blocks.get(chapter.block)
        if place is not None:
            place(document, section)
        if not section.blocks and len(document.sections) == before + 1:
            document.sections.pop()  # an empty chapter has no place in the document


def missing(chapters: list[Chapter], known_blocks) -> list[Chapter]:
    """The chapters in the outline that have nothing yet: no text and no known block."""
    return [
        c for c in chapters if c.included and not c.body.strip() and c.block not in known_blocks
    ]
