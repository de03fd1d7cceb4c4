"""Corrections to the tag tree WeasyPrint writes, made before the PDF is written out.

WeasyPrint tags each page on its own: a table that runs over three pages becomes three
tables, and the header row it repeats on every page is tagged again each time. A reader of
the tags then meets three tables and the same header thrice. Here the pieces become one
table again, the repeated header rows become pagination artifacts (drawn, not read), the
IDs of the header cells get the IDTree PDF/UA asks for, and every link says in words where
it goes instead of naming its anchor.
"""

from collections import defaultdict

import pydyf


def finish(document, pdf) -> None:
    """A WeasyPrint `finisher`: runs on the PDF objects before the file is written."""
    tree = _Tree(pdf)
    for pieces in _tables_in_pieces(document, tree):
        tree.join_tables(pieces)
    tree.add_id_tree()
    _describe_links(document)
    pdf.info.pop("viewport", None)  # a <meta> for phones, not a property of the document


def _boxes(box):
    stack = [box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(reversed(getattr(box, "children", ())))


def _cells(box, table=None):
    """The table cells under a box, with the HTML table each belongs to."""
    if box.element is not None and box.element_tag == "table":
        table = box.element
    if getattr(box, "mark", None) is not None and table is not None:
        yield box, table
    for child in getattr(box, "children", ()):
        yield from _cells(child, table)


def _tables_in_pieces(document, tree: "_Tree") -> list[list[pydyf.Dictionary]]:
    """Per HTML table that was tagged as several tables, those tables in page order."""
    pieces: dict[object, list[pydyf.Dictionary]] = defaultdict(list)
    for page in document.pages:
        for box, html_table in _cells(page._page_box):
            table = tree.ancestor(box.mark, "/Table")  # the tag WeasyPrint gave the cell
            found = pieces[html_table]
            if table is not None and all(t is not table for t in found):
                found.append(table)
    in_page_order = (sorted(found, key=tree.page_of) for found in pieces.values())
    return [found for found in in_page_order if len(found) > 1]


def _describe_links(document) -> None:
    """A link's description (read aloud, shown on hover) is its accessible name, as on the
    web page: its aria-label or its text, the chapter's title in the contents, not the anchor
    it jumps to."""
    for page in document.pages:
        for box in _boxes(page._page_box):
            annotation = getattr(box, "link_annotation", None)
            if annotation is not None and box.element is not None:
                name = box.element.get("aria-label") or "".join(box.element.itertext())
                text = " ".join(name.split())
                if text:
                    annotation["Contents"] = pydyf.String(text)


class _Tree:
    def __init__(self, pdf):
        self.pdf = pdf
        self.root = self.get(pdf.catalog["StructTreeRoot"])
        self.parent_tree = self.get(self.root["ParentTree"])["Nums"]
        self.page_index = {ref: number for number, ref in enumerate(pdf.page_references)}

    def get(self, reference):
        return self.pdf.objects[int(reference.split()[0])]

    def page_of(self, element) -> int:
        return self.page_index[element["Pg"]]

    def kids(self, element) -> list:
        return [self.get(k) for k in element.get("K", ()) if isinstance(k, bytes)]

    def ancestor(self, element, tag: str):
        while element is not None and element.get("Type") == "/StructElem":
            if element["S"] == tag:
                return element
            element = self.get(element["P"])
        return None

    def descendants(self, element):
        for kid in self.kids(element):
            yield kid
            yield from self.descendants(kid)

    def join_tables(self, pieces: list[pydyf.Dictionary]) -> None:
        first, *rest = pieces
        header = next((k for k in self.kids(first) if k["S"] == "/THead"), None)
        for piece in rest:
            parts = self.kids(piece)
            repeated = [p for p in parts if p["S"] == "/THead"]
            marked = [self._marked_content(p) for p in repeated]
            if header is None or len(repeated) != 1 or marked[0] is None:
                continue  # drawn in a way not foreseen here: left as WeasyPrint tagged it
            same_header = self._header_ids(repeated[0], header)
            self._make_artifact(repeated[0], marked[0])
            for part in (p for p in parts if p is not repeated[0]):
                for cell in self.descendants(part):
                    self._point_to_first_header(cell, same_header)
                self._append(first, part)
            self.remove(piece)

    def _append(self, table, part) -> None:
        """Adds a row group to the table; the rows of a body that runs on join its body."""
        last = self.kids(table)[-1]
        if part["S"] == last["S"] == "/TBody":
            for row in self.kids(part):
                row["P"] = last.reference
                last["K"].append(row.reference)
        else:
            part["P"] = table.reference
            table["K"].append(part.reference)

    def _header_ids(self, repeated, header) -> dict[str, pydyf.String]:
        cells = [c for c in self.descendants(header) if "ID" in c]
        repeats = [c for c in self.descendants(repeated) if "ID" in c]
        return {str(r["ID"].string): c["ID"] for r, c in zip(repeats, cells, strict=False)}

    @staticmethod
    def _point_to_first_header(cell, same_header) -> None:
        headers = cell.get("A", {}).get("Headers")
        if headers:
            cell["A"]["Headers"] = pydyf.Array(same_header.get(str(h.string), h) for h in headers)

    def _marked_content(self, element) -> list[tuple] | None:
        """Where the element's content is marked in its page's content stream: (page, MCID,
        stream, position of the properties), or None when some of it is not found there."""
        found = []
        for node in (element, *self.descendants(element)):
            for mcid in (k for k in node.get("K", ()) if isinstance(k, int)):
                stream = self.get(self.get(node["Pg"])["Contents"]).stream
                at = next(
                    (at for at, item in enumerate(stream[1:-1], start=1)
                     if isinstance(item, dict) and item.get("MCID") == mcid
                     and stream[at + 1] == b"BDC"),
                    None,
                )  # fmt: skip
                if at is None:
                    return None
                found.append((node["Pg"], mcid, stream, at))
        return found

    def _make_artifact(self, element, marked: list[tuple]) -> None:
        """Turns the element's content into a pagination artifact and drops it from the tree."""
        for page, mcid, stream, at in marked:
            stream[at - 1] = "/Artifact"
            stream[at] = pydyf.Dictionary({"Type": "/Pagination", "Subtype": "/Header"})
            mapping = self.parent_tree[2 * self.page_index[page] + 1]  # [page, [elements]]
            mapping[mcid] = "null"
        self.remove(element)

    def remove(self, element) -> None:
        """Takes the element out of its parent, and a parent left empty out of its own."""
        while element.get("P") and element is not self.root:
            parent = self.get(element["P"])
            parent["K"] = pydyf.Array(k for k in parent["K"] if k != element.reference)
            if parent["K"] or parent["S"] == "/Document":
                return
            element = parent

    def add_id_tree(self) -> None:
        named = {}
        for top in self.kids(self.root):
            for element in (top, *self.descendants(top)):
                if "ID" in element:
                    named[str(element["ID"].string)] = element
        if not named:
            return
        names = pydyf.Array()
        for key in sorted(named, key=lambda k: k.encode("utf-8")):
            names.extend((named[key]["ID"], named[key].reference))
        id_tree = pydyf.Dictionary({"Names": names})
        self.pdf.add_object(id_tree)
        self.root["IDTree"] = id_tree.reference
