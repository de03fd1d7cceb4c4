"""A house-style template made safe before it is stored or used.

Word templates can carry macros (vbaProject.bin in a .docm or .dotm) and relationships to
files elsewhere: an attached template on a server (attachedTemplate), linked images, hyperlinks.
Every document ivp makes from the template would carry them along. Macros are stripped (the
template is kept as a plain .docx), every external relationship is removed together with what
points to it, and the caller is told what went.
"""

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from lxml import etree

from ivp.common import upload_limits
from ivp.common.importing import ImportFileError, ImportProblem

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# .docm, .dotm and .dotx: their main part becomes an ordinary document (python-docx opens only that)
OTHER_MAINS = {
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
}
MACRO_PART = re.compile(
    r"(^|/)(vbaProject\.bin|vbaData\.xml|attachedToolbars\.bin|customizations\.xml)$|(^|/)activeX/",
    re.IGNORECASE,
)
MACRO_TYPE = re.compile(r"vbaProject|vbaData|activeX|keyMapCustomizations|attachedToolbars", re.I)
RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass
class CleanedTemplate:
    file_name: str
    content: bytes
    removed: list[str] = field(default_factory=list)


def clean_template(file_name: str, raw: bytes) -> CleanedTemplate:
    """The template without macros or external relationships; ImportFileError when it is no
    Word document or unpacks to too much."""
    archive = upload_limits.check_zip(file_name, raw, upload_limits.template())
    entries = archive.infolist()
    names = {entry.filename for entry in entries}
    if CONTENT_TYPES not in names:
        _refuse(file_name, _("this is no Word document (it lacks [Content_Types].xml)."))
    dropped = {name for name in names if MACRO_PART.search(name)}
    dropped |= {_rels_of(name) for name in dropped} & names
    try:
        parts = {e.filename: archive.read(e) for e in entries if e.filename not in dropped}
    # RuntimeError: an encrypted part; NotImplementedError: a compression Python cannot read
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ):
        _refuse(file_name, _("the file is damaged or incomplete: it is not a readable archive."))
    removed: list[str] = []

    had_macros = bool(dropped) | _clean_content_types(file_name, parts, dropped)
    if had_macros:
        removed.append(_("macros (vbaProject.bin); the template is kept as a .docx without them"))
    for rels_name in [n for n in parts if n.endswith(".rels")]:
        removed += _clean_relationships(file_name, parts, rels_name, dropped)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as cleaned:
        for entry in entries:
            if entry.filename in parts:
                cleaned.writestr(entry.filename, parts[entry.filename])
    stem, extension = posixpath.splitext(file_name)
    if extension.lower() in (".docm", ".dotm", ".dotx"):
        file_name = f"{stem}.docx"
    return CleanedTemplate(file_name, out.getvalue(), removed)


def _clean_content_types(file_name: str, parts: dict, dropped: set[str]) -> bool:
    """Drop macro types and retype a macro or template main part; True when macros were found."""
    root = _parse(file_name, CONTENT_TYPES, parts[CONTENT_TYPES])
    macros = False
    for element in list(root):
        kind = element.get("ContentType", "")
        part = element.get("PartName", "").lstrip("/")
        if part in dropped or MACRO_TYPE.search(kind):
            root.remove(element)
            macros = True
        elif kind in OTHER_MAINS:
            macros |= "macroEnabled" in kind
            element.set("ContentType", DOCUMENT_MAIN)
    parts[CONTENT_TYPES] = _serialise(root)
    return macros


def _clean_relationships(file_name: str, parts: dict, rels_name: str, dropped: set[str]):
    root = _parse(file_name, rels_name, parts[rels_name])
    source = _source_of(rels_name)
    removed, gone_ids = [], set()
    for relationship in list(root):
        target = relationship.get("Target", "")
        kind = relationship.get("Type", "").rsplit("/", 1)[-1]
        if relationship.get("TargetMode", "").casefold() == "external":
            removed.append(
                _("an external link (%(kind)s → %(target)s)")
                % {"kind": kind, "target": target[:120]}
            )
        elif _resolve(source, target) not in dropped:
            continue
        root.remove(relationship)
        gone_ids.add(relationship.get("Id"))
    if not gone_ids:
        return []
    parts[rels_name] = _serialise(root)
    if source in parts and gone_ids:
        parts[source] = _without_references(file_name, source, parts[source], gone_ids)
    return removed


def _without_references(file_name: str, name: str, xml: bytes, ids: set[str]) -> bytes:
    """No element may point at a relationship that is gone (Word would call the file damaged)."""
    root = _parse(file_name, name, xml)
    for element in list(root.iter()):
        for attribute in list(element.attrib):
            if not attribute.startswith(f"{{{RELATIONSHIP_NS}}}"):
                continue
            if element.get(attribute) not in ids:
                continue
            local = etree.QName(element).localname
            parent = element.getparent()
            if local == "hyperlink" and parent is not None:  # keep the text, drop the link
                index = parent.index(element)
                for offset, child in enumerate(list(element)):
                    parent.insert(index + offset, child)
                parent.remove(element)
                break
            if local == "attachedTemplate" and parent is not None:
                parent.remove(element)
                break
            del element.attrib[attribute]
    return _serialise(root)


def _rels_of(name: str) -> str:
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _source_of(rels_name: str) -> str:
    """'word/_rels/settings.xml.rels' → 'word/settings.xml'; '_rels/.rels' → ''."""
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    base = posixpath.basename(rels_name).removesuffix(".rels")
    return posixpath.join(folder, base) if base else ""


def _resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def _parse(file_name: str, name: str, xml: bytes):
    try:
        return etree.fromstring(xml, PARSER)
    except etree.XMLSyntaxError:
        _refuse(file_name, _("part %(name)s is not valid XML.") % {"name": name})


def _serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _refuse(file_name: str, message: str):
    raise ImportFileError([ImportProblem(file_name, None, None, message)])
