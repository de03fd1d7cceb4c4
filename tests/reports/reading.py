"""Reading the files ivp makes, as a person or a checker would: text, headings, structure."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
from lxml import html as lxml_html
from pypdf import PdfReader

ARTEFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artefacts" / "documenten"


def words(text: str) -> str:
    """Text with its line breaks and runs of spaces made single spaces; a word broken at its
    hyphen over two lines ("Bibob-⏎proces") is whole again."""
    return re.sub(r"-\s+", "-", re.sub(r"\s+", " ", text)).strip()


def pdf_reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    return words(" ".join(page.extract_text() or "" for page in pdf_reader(content).pages))


def pdf_lines(content: bytes) -> list[str]:
    """The text line by line as laid out: a paragraph or list item starts a line."""
    pages = (page.extract_text() or "" for page in pdf_reader(content).pages)
    return [line.strip() for page in pages for line in page.splitlines()]


def docx_file(content: bytes):
    return docx.Document(io.BytesIO(content))


def docx_headings(document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]


def docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return words(" ".join(parts))


def html_tree(content: bytes):
    return lxml_html.fromstring(content)


def pdf_first_pages_as_png(content: bytes, name: str, pages: int = 3) -> list[Path]:
    """The first pages as PNG images (pdftoppm), kept under var/test-artefacts to look at."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTEFACTS / f"{name}.pdf"
    pdf.write_bytes(content)
    for old in ARTEFACTS.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        [shutil.which("pdftoppm") or "pdftoppm", "-r", "60", "-f", "1", "-l", str(pages),
         "-png", str(pdf), str(ARTEFACTS / name)],
        check=True,
    )  # fmt: skip
    return sorted(ARTEFACTS.glob(f"{name}-*.png"))


def pdf_structure(content: bytes) -> list[tuple[str, str | None]]:
    """The tagged structure in reading order: (tag, alternative text) per element."""
    root = pdf_reader(content).trailer["/Root"]
    found: list[tuple[str, str | None]] = []

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if "/S" in node:
            alt = node.get("/Alt")
            found.append((str(node["/S"]).lstrip("/"), str(alt) if alt is not None else None))
        kids = node.get("/K")
        if kids is not None:
            walk(kids)

    walk(root["/StructTreeRoot"].get_object().get("/K"))
    return found


def pdf_fonts_embedded(content: bytes) -> dict[str, bool]:
    fonts = {}
    for page in pdf_reader(content).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or (
                font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            )
            descriptor = descriptor.get_object()
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def libreoffice_pdf(docx: Path, folder: Path) -> Path:
    """The DOCX as LibreOffice lays it out, with a profile of its own (runs may overlap)."""
    subprocess.run(
        [shutil.which("soffice"), f"-env:UserInstallation={(folder / 'profiel').as_uri()}",
         "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / f"{docx.stem}.pdf"
