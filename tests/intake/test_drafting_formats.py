"""The seeds as the files municipalities have: set again as Word (headings, numbered and
bulleted lists, tables) and as PDF (WeasyPrint: the IVP in two hyphenated columns with a
running header and page numbers, the uitvoeringsplan with its ruled tables split over pages),
read back by ivp's readers and drafted; the draft must meet the same floors as from text."""

import html
import io
import json
from pathlib import Path

import docx
import pytest
from weasyprint import HTML

from ivp.intake.blocks import Block, Kind
from ivp.intake.drafting import draft_plan
from ivp.intake.readers.docx import read_docx
from ivp.intake.readers.pdf import read_pdf
from ivp.intake.readers.text import read_text
from ivp.intake.selectors import party_register

from .scoring import check_floors

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
EXPECTED = Path(__file__).parent / "expected"


def _seed(name: str) -> tuple[dict, list[Block]]:
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    path = SEEDS / expected["seed"]
    if not path.exists():
        pytest.skip(f"{path} is not here: the seeds stand beside the checkout in CI")
    return expected, read_text(path.read_text(encoding="utf-8"), path.name)


def as_word(blocks: list[Block]) -> bytes:
    document = docx.Document()
    for block in blocks:
        if block.kind == Kind.HEADING:
            title = f"{block.number} {block.text}" if block.number else block.text
            document.add_heading(title, level=min(max(block.level, 1), 3))
        elif block.kind == Kind.ITEM:
            document.add_paragraph(block.text, style="List Number" if block.number else
                                   "List Bullet")  # fmt: skip
        elif block.kind == Kind.TABLE:
            table = document.add_table(rows=0, cols=max(len(r) for r in block.rows))
            table.style = "Table Grid"
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=False):
                    cell.text = text
        else:
            document.add_paragraph().add_run(block.text).bold = block.emphasis or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(blocks: list[Block], *, columns: int) -> bytes:
    body, open_list = [], ""
    for block in blocks:
        if block.kind == Kind.ITEM:
            tag = "ol" if block.number else "ul"
            if open_list != tag:
                body.append(f"</{open_list}><{tag}>" if open_list else f"<{tag}>")
                open_list = tag
            body.append(f"<li>{html.escape(block.text)}</li>")
            continue
        if open_list:
            body.append(f"</{open_list}>")
            open_list = ""
        text = html.escape(block.text)
        if block.kind == Kind.HEADING:
            level = min(max(block.level, 1), 3)
            number = f"{html.escape(block.number)} " if block.number else ""
            body.append(f"<h{level}>{number}{text}</h{level}>")
        elif block.kind == Kind.TABLE:
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                           for row in block.rows)  # fmt: skip
            body.append(f"<table>{rows}</table>")
        else:
            body.append(f"<p><b>{text}</b></p>" if block.emphasis else f"<p>{text}</p>")
    if open_list:
        body.append(f"</{open_list}>")
    page = f"""<!doctype html><html lang="nl"><head><style>
    @page {{ size: A4; margin: 2.5cm 2cm;
      @top-center {{ content: "Integraal Veiligheidsplan"; font-size: 9pt }}
      @bottom-center {{ content: "Pagina " counter(page); font-size: 9pt }} }}
    body {{ font-family: serif; font-size: 10pt; columns: {columns}; column-gap: .8cm;
      hyphens: auto; text-align: justify }}
    h1 {{ font-size: 16pt }} h2 {{ font-size: 13pt }} h3 {{ font-size: 11.5pt }}
    table {{ border-collapse: collapse }} td {{ border: 1px solid black; font-size: 8pt }}
    </style></head><body>{"".join(body)}</body></html>"""
    return HTML(string=page).write_pdf()


@pytest.mark.parametrize("seed", ["004", "000", "001"])
def test_a_seed_as_word_drafts_as_well_as_from_text(seed):
    expected, blocks = _seed(seed)
    read = read_docx(as_word(blocks), f"seed-{seed}.docx")
    check_floors(f"{seed}-word", expected, draft_plan(read, register=party_register()))


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "columns"), [("004", 2), ("000", 1), ("001", 2)])
def test_a_seed_as_pdf_drafts_as_well_as_from_text(seed, columns):
    expected, blocks = _seed(seed)
    read = read_pdf(as_pdf(blocks, columns=columns), f"seed-{seed}.pdf")
    check_floors(f"{seed}-pdf", expected, draft_plan(read, register=party_register()))
