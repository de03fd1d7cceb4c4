"""A plan file read by the reader its kind calls for and drafted: ivp's own JSON comes back as
it was exported; text and Markdown go through the structure drafter."""

from pathlib import Path

from .blocks import Block
from .drafting import Register, Theme, draft_plan
from .readers.plan_json import PlanFileError, read_plan_json
from .readers.text import read_text

TEXT = (".txt", ".md", ".markdown")
READABLE = (".json", *TEXT)


def draft_from_file(
    file_name: str, content: bytes, *, register: Register, themes: list[Theme] = ()
) -> dict:
    if Path(file_name).suffix.lower() == ".json":
        return read_plan_json(content, file_name)
    return draft_plan(blocks_of(file_name, content), register=register, themes=themes)


def blocks_of(file_name: str, content: bytes) -> list[Block]:
    """The blocks of a document, by the reader its kind calls for."""
    if Path(file_name).suffix.lower() in TEXT:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")  # text saved by older Windows tools
        return read_text(text, file_name)
    raise PlanFileError(
        f"{file_name}: ivp leest plannen uit een .json-bestand van ivp, tekst (.txt) en "
        "Markdown (.md); Word en PDF volgen."
    )
