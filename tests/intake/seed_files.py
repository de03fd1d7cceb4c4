"""The seeds set again as the files municipalities have: Word (headings, numbered and bulleted
lists, tables) and PDF made by WeasyPrint (columns, hyphenation, a running header, page
numbers, ruled tables), from the blocks the text reader found in them."""

import html
import io

import docx
from weasyprint import HTML

from ivp.intake.blocks import Block, Kind


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
