"""Read a PDF into blocks from the words and their positions (pdfplumber), as a reader
would: two columns left then right (found per page from where the lines start and the empty
band between them; a title over both columns or between two column sections read in its
place), running headers and footers (the same line at the same height on half the pages, or
three) and page numbers ("3", "Pagina 3 van 8") left out, words broken at a line end joined
again ("veiligheids-" + "beleid"; "Midden-" + "Drenthe" keeps its hyphen), footnote marks
dropped from the words they stick to and the footnotes themselves given as paragraphs of
their own ("1 Bron: …") after the paragraph citing them, headings from a font larger than
the body text (or a bold line with a number such as "3.2"), list items from bullets or
numbers with a hanging indent, tables where ruling lines draw them (one broken over a page
or column read as one: its header once, a row broken at the break whole again).

`Place.page` is the 1-based page; `Place.line` the line's number on that page as read (left
column first), counted after the furniture is removed. What it cannot see: text that is an
image (scans), tables drawn without lines (their text stays paragraphs), the order of more
than two columns, a running header in a one-page file, two tables alike in their columns where
the first ends a page and the second starts the next with nothing between them (read as one).
"""

import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from io import BytesIO
from itertools import pairwise

import pdfplumber

from ivp.intake.blocks import Block, Kind, Place
from ivp.intake.readers.docx import split_heading_number

_BULLETS = {"•", "-", "–", "—", "▪", "◦", "·", "●", "■", "‣", "", "➢", "►"}
# "1.", "2)", "a.", "b)", "(c)", "A)"; not "H." (an initial).
_ITEM_NUMBER = re.compile(r"^(?:(\d{1,2}|[a-z])[.)]|([A-Z])\)|\((\d{1,2}|[a-z])\))$")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:van|/|of)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_MARK = re.compile(r"^[\d,*†‡]+$")
_SUPERSCRIPT_DIGITS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=[.,;:)]?$)")
_HYPHENS = ("-", "‐", "‑", "\xad")
_KEEPS_HYPHEN_BEFORE = {"en", "of", "tot", "en/of", "noch", "t/m"}
_URL = re.compile(r"://|^www\.")
_URL_GOES_ON = re.compile(r"[/._=?&#%]")
_SENTENCE_END = (".", "!", "?", ":", ";")
_BOLD = ("bold", "black", "heavy", "semibold", "demi")
_ITALIC = ("italic", "oblique")

_RULE_TOLERANCE = 3  # points: pdfplumber's own for lines that meet
_FURNITURE_ZONE = 0.12  # the part of the page at the top and at the foot a running header may use


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    mark: bool = False  # a footnote mark raised above the line

    @property
    def bold(self) -> bool:
        return any(part in self.font.lower() for part in _BOLD)

    @property
    def italic(self) -> bool:
        return any(part in self.font.lower() for part in _ITALIC)


@dataclass(frozen=True)
class _Table:
    rows: tuple[tuple[str, ...], ...]
    grid: tuple[float, ...]  # where its columns part, as a share of its width from its left
    open_top: bool = False  # its first row goes on from the page or column before
    open_bottom: bool = False  # its last row goes on in the next page or column


@dataclass
class _Line:
    words: list[_Word]
    table: _Table | None = None
    box: tuple[float, float, float, float] | None = None  # a table's x0, top, x1, bottom
    number: int = 0  # on its page, after the furniture is gone

    @property
    def x0(self) -> float:
        return self.box[0] if self.box else min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return self.box[2] if self.box else max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return self.box[1] if self.box else min(w.top for w in self.text_words)

    @property
    def bottom(self) -> float:
        return self.box[3] if self.box else max(w.bottom for w in self.text_words)

    @property
    def baseline(self) -> float:
        return max(w.bottom for w in self.text_words if round(w.size, 1) == self.size)

    @property
    def text_words(self) -> list[_Word]:
        return [w for w in self.words if not w.mark] or self.words

    @property
    def size(self) -> float:
        sizes = Counter()
        for word in self.text_words:
            sizes[round(word.size, 1)] += len(word.text)
        return sizes.most_common(1)[0][0] if sizes else 0.0

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.text_words)

    @property
    def italic(self) -> bool:
        return all(w.italic for w in self.text_words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words if not w.mark)


@dataclass
class _Column:
    lines: list[_Line]
    left: float = 0.0
    right: float = 0.0


@dataclass
class _Page:
    number: int
    columns: list[_Column]  # in reading order
    footnotes: list[_Line] = field(default_factory=list)
    footnote_marks: set[str] = field(default_factory=set)


def read_pdf(content: bytes, file_name: str) -> list[Block]:
    if b"%PDF-" not in content[:1024]:
        raise ValueError(f"{file_name} is geen PDF die te lezen is.")
    try:
        with pdfplumber.open(BytesIO(content)) as pdf:
            raw_pages = [_page_words(page) for page in pdf.pages]
            heights = [float(page.height) for page in pdf.pages]
    except Exception as error:  # pdfminer fails in many ways on a damaged file
        raise ValueError(f"{file_name} is geen PDF die te lezen is.") from error
    body_size = _body_size(raw_pages)
    furniture = _furniture(raw_pages, heights)
    pages = []
    for index, (words, tables) in enumerate(raw_pages):
        kept = [w for w in words if id(w) not in furniture]
        pages.append(_lay_out(index + 1, kept, tables, body_size))
    return _Blocks(file_name, body_size, pages).read()


def _page_words(page) -> tuple[list[_Word], list[_Line]]:
    tables = []
    cuts = _cuts(page.edges)
    for found in page.find_tables({"explicit_horizontal_lines": cuts} if cuts else None):
        rows = _table_rows(found)
        # One row is enough: a header left alone at the foot of a page, its rows on the next.
        if rows and max(len(row) for row in rows) >= 2:
            table = _Table(
                rows,
                _grid(found),
                open_top=any(_on_cut(cut, found.bbox, found.bbox[1]) for cut in cuts),
                open_bottom=any(_on_cut(cut, found.bbox, found.bbox[3]) for cut in cuts),
            )
            tables.append(_Line(words=[], table=table, box=tuple(found.bbox)))
    words = []
    # A gap of 0.15 em parts two words: TeX and other PDFs without space characters set
    # words closer than the 3 points pdfplumber allows by default.
    for word in page.extract_words(extra_attrs=["size", "fontname"], x_tolerance_ratio=0.15):
        if not word.get("upright", True):
            continue
        center = ((word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2)
        if any(_inside(center, table.box) for table in tables):
            continue
        words.append(
            _Word(
                text=word["text"],
                x0=word["x0"],
                x1=word["x1"],
                top=word["top"],
                bottom=word["bottom"],
                size=float(word["size"]),
                font=word["fontname"],
            )
        )
    return words, tables


def _cuts(edges: list[dict]) -> list[dict]:
    """Where a table's ruling stops without a closing line: a row broken at the foot of a
    page or column, or going on at the top of the next, has its column lines and no line
    across. A line across is put there, so pdfplumber finds that part of the row too."""
    rules = _Rules(edges)
    open_ends: dict[tuple[str, int], list[float]] = defaultdict(list)  # x of the lines
    for edge in rules.verticals:
        for side in ("top", "bottom"):
            if not rules.closed(edge, side):
                open_ends[(side, round(edge[side]))].append(edge["x0"])
    cuts = []
    for (_side, y), xs in open_ends.items():
        x0, x1 = min(xs), max(xs)
        if x1 - x0 > _RULE_TOLERANCE and rules.across(x0, x1):
            cuts.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
                         "width": x1 - x0, "height": 0})  # fmt: skip
    return cuts


class _Rules:
    """A page's ruling lines, found by where they stand (a chart may draw thousands)."""

    def __init__(self, edges: list[dict]):
        self.verticals = [e for e in edges if e["orientation"] == "v"]
        self.horizontals = [e for e in edges if e["orientation"] == "h"]
        self.by_x: dict[int, list[dict]] = defaultdict(list)
        self.by_y: dict[int, list[dict]] = defaultdict(list)
        for edge in self.verticals:
            self.by_x[round(edge["x0"])].append(edge)
        for edge in self.horizontals:
            self.by_y[round(edge["top"])].append(edge)

    def _near(self, index: dict[int, list[dict]], at: float) -> list[dict]:
        reach = range(round(at) - _RULE_TOLERANCE, round(at) + _RULE_TOLERANCE + 1)
        return [edge for key in reach for edge in index.get(key, ())]

    def closed(self, vertical: dict, side: str) -> bool:
        """A column line's end meets a line across, or another column line goes on from it."""
        x, y, near = vertical["x0"], vertical[side], _RULE_TOLERANCE
        if any(h["x0"] - near <= x <= h["x1"] + near for h in self._near(self.by_y, y)):
            return True
        for other in self._near(self.by_x, x):
            if side == "bottom" and other["top"] <= y + near < other["bottom"]:
                return True
            if side == "top" and other["top"] < y - near <= other["bottom"]:
                return True
        return False

    def across(self, x0: float, x1: float) -> bool:
        return any(h["x0"] < x1 and h["x1"] > x0 for h in self.horizontals)


def _on_cut(cut: dict, box, y: float) -> bool:
    return abs(cut["top"] - y) <= 1 and cut["x0"] <= box[2] and cut["x1"] >= box[0]


def _grid(table) -> tuple[float, ...]:
    x0, _top, x1, _bottom = table.bbox
    edges = sorted({round(x, 1) for cell in table.cells for x in (cell[0], cell[2])})
    return tuple((x - x0) / (x1 - x0) for x in edges)


def _inside(point: tuple[float, float], box) -> bool:
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def _table_rows(table) -> tuple[tuple[str, ...], ...]:
    """The table's text on its grid. A cell merged across columns gives its text once; a cell
    merged down over rows repeats its text in each row, as the Word reader does."""
    extracted = table.extract()
    texts = {}
    for row, cells in zip(table.rows, extracted, strict=False):
        for box, text in zip(row.cells, cells, strict=False):
            if box is not None:
                texts[tuple(box)] = _cell_text(text or "")
    rows = []
    for row_index, (row, cells) in enumerate(zip(table.rows, extracted, strict=False)):
        values = []
        for column_index, text in enumerate(cells):
            if text is not None or row_index == 0:
                values.append(_cell_text(text or ""))
                continue
            values.append(_merged_down(table, row, column_index, texts))
        rows.append(tuple(values))
    return tuple(rows)


def _merged_down(table, row, column_index: int, texts: dict) -> str:
    """The text of the cell above that reaches down over this place, else ""."""
    edges = sorted({round(x, 1) for box in table.cells for x in (box[0], box[2])})
    if column_index + 1 >= len(edges):
        return ""
    center = (
        (edges[column_index] + edges[column_index + 1]) / 2,
        (row.bbox[1] + row.bbox[3]) / 2,
    )
    for box, text in texts.items():
        if _inside(center, box) and box[1] < row.bbox[1] - 0.5:
            return text
    return ""


def _cell_text(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith(_HYPHENS):
            joined[-1] = _join_broken(joined[-1], line)
        else:
            joined.append(line)
    return "\n".join(joined)


def _body_size(raw_pages) -> float:
    sizes = Counter()
    for words, _tables in raw_pages:
        for word in words:
            sizes[round(word.size, 1)] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words on one line, across the whole page: words on one baseline, and a smaller word
    raised within a line (a footnote mark) with that line. By baseline, not by overlap, so a
    large heading beside a column's lines does not chain two of them into one."""
    rows: list[tuple[float, float, float, list[_Word]]] = []  # baseline, size, top, words
    for word in sorted(words, key=lambda w: (-round(w.size, 1), w.bottom, w.x0)):
        center = (word.top + word.bottom) / 2
        for baseline, size, top, members in rows:
            if abs(word.bottom - baseline) <= 0.2 * min(word.size, size) or (
                _MARK.match(word.text)
                and len(word.text) <= 3
                and word.size <= 0.85 * size
                and top <= center <= baseline
                and any(abs(word.x0 - other.x1) < size for other in members)
            ):
                members.append(word)
                break
        else:
            rows.append((word.bottom, word.size, word.top, [word]))
    rows.sort(key=lambda row: row[0])
    return [sorted(members, key=lambda w: w.x0) for _baseline, _size, _top, members in rows]


def _fragments(words: list[_Word]) -> list[_Line]:
    """Runs of words on one line with no wide gap between them: a column's line, a header."""
    fragments = []
    for row in _rows(words):
        current = [row[0]]
        for word in row[1:]:
            gap = word.x0 - current[-1].x1
            if gap > 0.9 * min(word.size, current[-1].size) and not word.mark:
                fragments.append(_Line(current))
                current = [word]
            else:
                current.append(word)
        fragments.append(_Line(current))
    for fragment in fragments:
        _mark_raised(fragment)
    return fragments


def _mark_raised(line: _Line) -> None:
    """Footnote marks: digits markedly smaller than the line and raised above its baseline,
    or glued to the word before them (not lowered: "CO2" with a subscript is no mark)."""
    size, baseline = line.size, line.baseline
    for position, word in enumerate(line.words):
        if (
            position > 0
            and _MARK.match(word.text)
            and word.size <= 0.85 * size
            and (
                word.bottom < baseline - 0.15 * word.size
                or (
                    word.x0 - line.words[position - 1].x1 < 0.15 * size
                    and word.bottom <= baseline + 0.05 * size
                )
            )
        ):
            word.mark = True
        else:
            word.text = _SUPERSCRIPT_DIGITS.sub("", word.text) or word.text


def _normalised(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _furniture(raw_pages, heights: list[float]) -> set[int]:
    """The words of running headers and footers (the same line at the same height on most
    pages) and of page numbers, all in the margins above and below the body text."""
    candidates: dict[tuple[str, str], list[tuple[int, float, _Line]]] = defaultdict(list)
    furniture: set[int] = set()
    for page_index, (words, _tables) in enumerate(raw_pages):
        for zone, fragment in _in_margins(_fragments(words), heights[page_index]):
            if _PAGE_NUMBER.match(fragment.text.strip()):
                furniture.update(id(w) for w in fragment.words)
                continue
            y = fragment.top if zone == "top" else fragment.bottom
            candidates[(_normalised(fragment.text), zone)].append((page_index, y, fragment))
    # On half the pages, or three in a long text (a chapter's own running header).
    needed = max(2, min(3, (len(raw_pages) + 1) // 2))
    for found in candidates.values():
        middle = statistics.median(y for _page, y, _fragment in found)
        near = [item for item in found if abs(item[1] - middle) <= 3]
        if len({page for page, _y, _fragment in near}) >= needed:
            for _page, _y, fragment in near:
                furniture.update(id(w) for w in fragment.words)
    return furniture


def _in_margins(fragments: list[_Line], height: float):
    """The lines at the top and at the foot of a page that a gap sets apart from the text
    between them, within the part of the page margins take."""
    rows: list[list] = []  # [top, bottom, fragments] of lines side by side
    for fragment in sorted(fragments, key=lambda f: f.top):
        if rows and fragment.top < rows[-1][1] - 1:
            rows[-1][1] = max(rows[-1][1], fragment.bottom)
            rows[-1][2].append(fragment)
        else:
            rows.append([fragment.top, fragment.bottom, [fragment]])
    for zone, ordered in (("top", rows), ("foot", rows[::-1])):
        for index in range(len(ordered) - 1):
            row, following = ordered[index], ordered[index + 1]
            gap = following[0] - row[1] if zone == "top" else row[0] - following[1]
            inside = (
                row[1] <= height * _FURNITURE_ZONE
                if zone == "top"
                else row[0] >= height * (1 - _FURNITURE_ZONE)
            )
            if not inside:
                break
            if gap >= max(0.8 * (row[1] - row[0]), 6):
                for margin_row in ordered[: index + 1]:
                    for fragment in margin_row[2]:
                        yield zone, fragment
                break


def _lay_out(number: int, words: list[_Word], tables: list[_Line], body_size: float) -> _Page:
    fragments = _fragments(words)
    footnotes = _footnote_lines(fragments, body_size)
    fragments = [f for f in fragments if f not in footnotes] + tables
    gutter = _gutter(fragments, body_size)
    if gutter is None:
        order = [sorted(fragments, key=lambda f: (f.top, f.x0))]
    else:
        order = _in_column_order(fragments, gutter, body_size)
    columns = []
    for column_fragments in order:
        lines = _merge_fragments(column_fragments)
        if lines:
            columns.append(_column(lines))
    page = _Page(number, columns, footnotes=_merge_fragments(footnotes))
    counter = 0
    for column in page.columns:
        for line in column.lines:
            counter += 1
            line.number = counter
    for line in page.footnotes:
        counter += 1
        line.number = counter
    page.footnote_marks = {
        _footnote_mark(line.words[0].text) for line in page.footnotes if _starts_footnote(line)
    }
    return page


def _column(lines: list[_Line]) -> _Column:
    starts = Counter(round(line.x0) for line in lines if line.table is None)
    # Where most lines start: a title or an outdented line further left does not move it.
    left = min(starts, key=lambda x: (-starts[x], x)) if starts else lines[0].x0
    return _Column(lines, left=left, right=max(line.x1 for line in lines))


def _footnote_mark(text: str) -> str:
    return text.rstrip(".)").lstrip("(")


def _starts_footnote(line: _Line) -> bool:
    first = line.words[0].text
    return bool(re.match(r"^\(?\d{1,3}[.)]?$", first)) and len(line.words) > 1


def _footnote_lines(fragments: list[_Line], body_size: float) -> list[_Line]:
    """Lines in a small font below the last line of body text, the first one numbered."""
    body = [f for f in fragments if f.size >= 0.9 * body_size]
    if not body:
        return []
    bottom = max(f.bottom for f in body)
    foot = sorted(
        (f for f in fragments if f.top >= bottom and f.size < 0.9 * body_size),
        key=lambda f: (f.top, f.x0),
    )
    if not foot or not _starts_footnote(foot[0]):
        return []
    return foot


def _gutter(fragments: list[_Line], body_size: float) -> tuple[float, float] | None:
    """The empty band between two columns: few lines cross it, many end just left of it and
    many start at one x right of it. None on a page set in one column."""
    text = [f for f in fragments if f.table is None]
    if len(text) < 6:
        return None
    left_edge = min(f.x0 for f in text)
    right_edge = max(f.x1 for f in text)
    width = right_edge - left_edge
    allowed = max(1, len(text) // 20)
    best = None
    x = left_edge + 0.2 * width
    run_start = None
    while x <= right_edge - 0.2 * width + 1:
        crossing = sum(1 for f in text if f.x0 < x < f.x1)
        if crossing <= allowed:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            best = _better_gutter(best, (run_start, x - 1), fragments, body_size)
            run_start = None
        x += 1
    if run_start is not None:
        best = _better_gutter(best, (run_start, x - 1), fragments, body_size)
    return best


def _better_gutter(best, band: tuple[float, float], fragments: list[_Line], body_size: float):
    """The band if it parts two columns and is wider than the best so far. Judged per line,
    so the wide spaces of justified text (which split a line in fragments) do not count."""
    start, end = band
    text = [f for f in fragments if f.table is None]
    if end - start < 0.5 * body_size:
        return best
    rows: dict[int, list[_Line]] = defaultdict(list)
    for fragment in text:
        rows[round(fragment.baseline)].append(fragment)
    left_ends, right_starts = [], []
    for row in rows.values():
        left = [f for f in row if f.x1 <= start + 1]
        right = [f for f in row if f.x0 >= end - 1]
        if left:
            left_ends.append((min(f.x0 for f in left), max(f.x1 for f in left)))
        if right:
            right_starts.append(min(f.x0 for f in right))
    if len(left_ends) < 3 or len(right_starts) < 3:
        return best
    # The right column's lines start at one x; many of the left column's reach the gutter.
    common_start = Counter(round(x) for x in right_starts).most_common(1)[0][1]
    left_edge = min(x0 for x0, _x1 in left_ends)
    reaching = sum(1 for _x0, x1 in left_ends if x1 >= start - 0.2 * (start - left_edge))
    # Side by side: lines of the two columns at the same height (not always one baseline),
    # or beside a table in the other column.
    left_lines = [f for f in fragments if f.x1 <= start + 1]
    side_by_side = sum(
        1
        for f in fragments
        if f.x0 >= end - 1 and any(g.top < f.bottom and f.top < g.bottom for g in left_lines)
    )
    if (
        common_start < 0.4 * len(right_starts)
        or reaching < 0.3 * len(left_ends)
        or side_by_side < 3
    ):
        return best
    if best is None or end - start > best[1] - best[0]:
        return band
    return best


def _in_column_order(
    fragments: list[_Line], gutter: tuple[float, float], body_size: float
) -> list[list[_Line]]:
    """Left column, then right, band by band: a line across the gutter (a title over both
    columns), or a heading on the left with the right column empty beside it and text in
    that column above and below it, closes the band above it."""
    middle = (gutter[0] + gutter[1]) / 2
    right = [f for f in fragments if f.x0 >= middle]

    def separates(fragment: _Line) -> bool:
        if fragment.x0 < middle < fragment.x1:
            return True
        if fragment.x1 > middle or fragment.table is not None:
            return False
        if fragment.size < 1.15 * body_size:
            return False
        reach = fragment.bottom - fragment.top
        beside = [
            f for f in right if f.top < fragment.bottom + reach and f.bottom > fragment.top - reach
        ]
        above = [f for f in right if f.bottom <= fragment.top]
        below = [f for f in right if f.top >= fragment.bottom]
        return not beside and bool(above) and bool(below)

    spanning = sorted((f for f in fragments if separates(f)), key=lambda f: f.top)
    rest = [f for f in fragments if f not in spanning]
    order: list[list[_Line]] = []
    placed: set[int] = set()
    for line in [*spanning, None]:
        limit = line.top if line is not None else float("inf")
        band = [f for f in rest if id(f) not in placed and f.top < limit]
        placed.update(id(f) for f in band)
        for side in (
            [f for f in band if (f.x0 + f.x1) / 2 < middle],
            [f for f in band if (f.x0 + f.x1) / 2 >= middle],
        ):
            if side:
                order.append(sorted(side, key=lambda f: (f.top, f.x0)))
        if line is not None:
            order.append([line])
    return order


def _merge_fragments(fragments: list[_Line]) -> list[_Line]:
    """Fragments of one column on one line (text split by a wide space) become one line."""
    lines: list[_Line] = []
    for fragment in sorted(fragments, key=lambda f: (f.top, f.x0)):
        if fragment.table is None and lines and lines[-1].table is None:
            last = lines[-1]
            if abs(last.baseline - fragment.baseline) <= 0.2 * min(last.size, fragment.size):
                last.words = sorted(last.words + fragment.words, key=lambda w: w.x0)
                continue
        lines.append(_Line(list(fragment.words), table=fragment.table, box=fragment.box))
    return lines


def _same_grid(table: _Table, other: _Table) -> bool:
    return len(table.grid) == len(other.grid) and all(
        abs(a - b) <= 0.02 for a, b in zip(table.grid, other.grid, strict=True)
    )


def _continued(table: _Table, more: _Table) -> _Table:
    """A table broken over a page or column and its part after the break as one: the header
    once (WeasyPrint and Word repeat it), a row broken at the break whole again."""
    rows = list(more.rows)
    if rows and _row_words(rows[0]) == _row_words(table.rows[0]):
        rows = rows[1:]
    head = list(table.rows)
    if rows and (table.open_bottom or more.open_top):
        last, first = head.pop(), rows.pop(0)
        width = max(len(last), len(first))
        last, first = (row + ("",) * (width - len(row)) for row in (last, first))
        head.append(tuple(_cell_text(f"{a}\n{b}") for a, b in zip(last, first, strict=True)))
    return replace(table, rows=tuple(head + rows), open_bottom=more.open_bottom)


def _row_words(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(cell.split()) for cell in row)


def _join_broken(before: str, after: str, hyphenated: frozenset[str] = frozenset()) -> str:
    """Two lines where the first ends in a hyphen: a word broken at the line end is joined,
    a real hyphen kept: before a capital or a digit ("Midden-Drenthe", "2023-2027"), before
    "en"/"of" ("woon- en werkomgeving"), after an abbreviation ("VNG-commissie"), inside a
    web address, and in a word the document also writes with its hyphen elsewhere."""
    stem = before.rstrip("".join(_HYPHENS))
    first = after.split(" ", 1)[0]
    last = stem.rsplit(" ", 1)[-1]
    if before.endswith("-"):
        if first.rstrip(",.;:") in _KEEPS_HYPHEN_BEFORE:
            return f"{before} {after}"
        compound = f"{last}-{first.rstrip(',.;:)')}".lower()
        acronym = len(last) >= 2 and last.isupper()  # "VNG-commissie", as Dutch spells it
        if "/" in last or "www." in last or compound in hyphenated or acronym:
            return f"{stem}-{after}"
    if after[:1].islower():
        return stem + after
    return f"{stem}-{after}"


def _join(text: str, line: str, hyphenated: frozenset[str] = frozenset()) -> str:
    if not text:
        return line
    if text.endswith(_HYPHENS) and line[:1].isalnum():
        return _join_broken(text, line, hyphenated)
    first = line.split(" ", 1)[0]
    if (
        _URL.search(text.rsplit(" ", 1)[-1])
        and _URL_GOES_ON.search(first)
        and not _URL.search(first)
    ):
        return text + line  # a web address broken at the line end, without a hyphen
    return f"{text} {line}"


def _item_marker(line: _Line) -> tuple[str, str] | None:
    """A list item's bullet or number at the start of the line: (number, rest of the text)."""
    words = [w for w in line.words if not w.mark]
    if len(words) < 2:
        return None
    first = words[0].text
    if first in _BULLETS:
        return "", " ".join(w.text for w in words[1:])
    match = _ITEM_NUMBER.match(first)
    if match:
        number = next(group for group in match.groups() if group)
        return number, " ".join(w.text for w in words[1:])
    return None


@dataclass
class _Open:
    """The block being read: its lines' text so far and where it started."""

    kind: Kind
    text: str
    place: Place
    size: float = 0.0
    level: int = 0
    number: str = ""
    bold: bool = True
    italic: bool = True
    indent: float = 0.0  # where an item's text starts, for its continuation lines
    last_line: _Line | None = None
    full: bool = False  # its last line reaches the column's right edge
    marks: set[str] = field(default_factory=set)  # footnotes it cites


class _Blocks:
    def __init__(self, file_name: str, body_size: float, pages: list[_Page]):
        self.file_name = file_name
        self.body_size = body_size
        self.pages = pages
        self.blocks: list[Block] = []
        self.open: _Open | None = None
        self.notes: dict[str, Block] = {}  # this page's footnotes, not yet given, by mark
        self.waiting_footnotes: list[Block] = []
        self.list_indents: list[float] = []  # the markers' x of the list being read, by level
        # The table ending the column read last, by its place in `blocks`: the first table of
        # the next column or page may go on with it.
        self.foot_table: tuple[int, _Table] | None = None
        self.heading_levels = self._heading_levels()
        self.pitch = self._pitch()
        self.hyphenated = frozenset(
            word.text.lower().strip(",.;:()")
            for page in pages
            for column in page.columns
            for line in column.lines
            for word in line.words[:-1]
            if "-" in word.text.strip("-")
        )

    def _is_heading_size(self, size: float) -> bool:
        return size >= 1.15 * self.body_size

    def _heading_levels(self) -> dict[float, int]:
        sizes = sorted(
            {
                round(line.size * 2) / 2
                for page in self.pages
                for column in page.columns
                for line in column.lines
                if line.table is None and self._is_heading_size(line.size)
            },
            reverse=True,
        )
        return {size: level for level, size in enumerate(sizes, start=1)}

    def _pitch(self) -> float:
        """The distance from line to line within a paragraph: the usual smaller one, and
        at most what a line height of 1.6 gives (a text of one-line paragraphs has none)."""
        pitches = []
        for page in self.pages:
            for column in page.columns:
                body = [
                    line
                    for line in column.lines
                    if line.table is None and abs(line.size - self.body_size) < 0.5
                ]
                for above, below in pairwise(body):
                    pitch = below.top - above.top
                    if 0 < pitch < 3 * self.body_size:
                        pitches.append(pitch)
        usual = sorted(pitches)[len(pitches) // 5] if pitches else 1.3 * self.body_size
        return min(usual, 1.6 * self.body_size)

    def read(self) -> list[Block]:
        for page in self.pages:
            marks = page.footnote_marks
            self.notes = self._page_notes(page)
            for column in page.columns:
                previous = None
                for line in column.lines:
                    if line.table is not None:
                        self._close()
                        self._table(line, page, at_top=previous is None)
                    else:
                        self._line(line, page, column, previous, marks)
                    previous = line
                if previous is None or previous.table is None:
                    self.foot_table = None
            self._footnotes(page)
        self._close()
        self.blocks.extend(self.waiting_footnotes)
        self.waiting_footnotes = []
        return self.blocks

    def _place(self, page: _Page, line: _Line) -> Place:
        return Place(self.file_name, line.number, page.number)

    def _line_text(self, line: _Line, marks: set[str], cited: set[str] | None = None) -> str:
        words = []
        for word in line.words:
            if word.mark:
                if cited is not None:
                    cited.add(word.text)
                continue
            text = word.text
            if marks:  # a mark set in the body's size, glued to its word: "criminaliteit1"
                match = re.match(r"^(.*[a-zà-ÿ)])(\d{1,3})([.,;:]?)$", text)
                if match and match.group(2) in marks:
                    text = match.group(1) + match.group(3)
                    if cited is not None:
                        cited.add(match.group(2))
            words.append(text)
        return " ".join(words)

    def _line(self, line: _Line, page: _Page, column: _Column, previous, marks) -> None:
        cited: set[str] = set()
        text = self._line_text(line, marks, cited)
        self._read_line(line, text, page, column, previous, marks)
        if self.open is not None:
            self.open.marks |= cited
            if self.open.last_line is line:
                self.open.full = line.x1 >= column.right - 0.02 * (column.right - column.left)

    def _read_line(self, line: _Line, text: str, page: _Page, column, previous, marks) -> None:
        if not text:
            return
        size = line.size
        current = self.open
        if self._is_heading_size(size):
            if (
                current is not None
                and current.kind == Kind.HEADING
                and abs(current.size - size) < 0.5
                and previous is current.last_line
                and line.top - previous.bottom < 0.8 * size
            ):
                current.text = _join(current.text, text, self.hyphenated)
                current.last_line = line
                return
            self._close()
            self.list_indents = []
            number, rest = split_heading_number(text)
            self.open = _Open(
                Kind.HEADING,
                rest,
                self._place(page, line),
                size=size,
                level=self.heading_levels.get(round(size * 2) / 2, 1),
                number=number,
                last_line=line,
            )
            return
        marker = _item_marker(line)
        if marker is not None and self._starts_item(line, marker, column, previous):
            self._close()
            text_start = next(w for w in line.words if not w.mark and w is not line.words[0]).x0
            self.open = _Open(
                Kind.ITEM,
                self._line_text(_Line(line.words[1:]), marks),
                self._place(page, line),
                size=size,
                level=self._item_level(line.x0),
                number=marker[0],
                indent=text_start,
                last_line=line,
            )
            return
        if current is not None and self._continues(current, line, column, previous):
            current.text = _join(current.text, text, self.hyphenated)
            current.bold = current.bold and line.bold
            current.italic = current.italic and line.italic
            current.last_line = line
            return
        self._close()
        self.list_indents = []
        self.open = _Open(
            Kind.PARAGRAPH,
            text,
            self._place(page, line),
            size=size,
            bold=line.bold,
            italic=line.italic,
            last_line=line,
        )

    def _starts_item(self, line: _Line, marker, column: _Column, previous) -> bool:
        if marker[0] == "":  # a bullet
            return True
        following = self._next_line(line, column)
        words = [w for w in line.words if not w.mark]
        text_start = words[1].x0
        if following is not None and following.table is None:
            if abs(following.x0 - text_start) <= 2:  # hanging indent
                return True
            if _item_marker(following) and abs(following.x0 - line.x0) <= 2:
                return True
        if previous is not None and previous.table is None and _item_marker(previous):
            return abs(previous.x0 - line.x0) <= 2
        # Set off by a tab: a gap wider than the line's other spaces (stretched alike when
        # the text is justified).
        spaces = [b.x0 - a.x1 for a, b in pairwise(words[1:])]
        usual = statistics.median(spaces) if spaces else 0.25 * line.size
        return words[1].x0 - words[0].x1 > max(2 * usual, 0.6 * line.size)

    def _next_line(self, line: _Line, column: _Column):
        index = column.lines.index(line)
        return column.lines[index + 1] if index + 1 < len(column.lines) else None

    def _item_level(self, x0: float) -> int:
        """Nesting from the marker's indent relative to the list's earlier markers."""
        indents = self.list_indents
        while indents and x0 < indents[-1] - 2:
            indents.pop()
        if not indents or x0 > indents[-1] + 2:
            indents.append(x0)
        return len(indents) - 1

    def _continues(self, current: _Open, line: _Line, column: _Column, previous) -> bool:
        if current.kind == Kind.HEADING or abs(current.size - line.size) >= 0.5:
            return False
        if previous is None:  # the top of a column or page: go on with an unfinished sentence
            last = current.text.rstrip()
            if last.endswith(_HYPHENS) or (
                not last.endswith(_SENTENCE_END) and line.text[:1].islower()
            ):
                return True
            # Or after a full line: justified text ends a paragraph with a short one.
            return (
                current.kind == Kind.PARAGRAPH
                and current.full
                and line.x0 <= column.left + 0.8 * line.size
            )
        if previous is not current.last_line:
            return False
        if line.top - previous.top > self.pitch + 0.4 * line.size:
            return False
        if current.kind == Kind.ITEM:
            return abs(line.x0 - current.indent) <= 2 or line.x0 > current.indent
        if line.x0 > column.left + 0.8 * line.size:  # a first line set in
            return False
        width = column.right - column.left
        return not (
            previous.x1 < column.right - 0.2 * width and previous.text.endswith(_SENTENCE_END)
        )

    def _close(self) -> None:
        current, self.open = self.open, None
        if current is not None:
            self.blocks.append(self._finished(current))
            for mark in sorted(current.marks):
                if mark in self.notes:
                    self.blocks.append(self.notes.pop(mark))
        self.blocks.extend(self.waiting_footnotes)
        self.waiting_footnotes = []

    def _finished(self, current: _Open) -> Block:
        text = " ".join(current.text.split())
        if current.kind == Kind.PARAGRAPH and (current.bold or current.italic):
            number, rest = split_heading_number(text)
            if current.bold and number and len(text) < 80:  # "3.2 Titel" in bold body type
                level = len(self.heading_levels) + 1
                return Block(Kind.HEADING, rest, current.place, level=level, number=number)
            return Block(Kind.PARAGRAPH, text, current.place, emphasis=True)
        return Block(current.kind, text, current.place, level=current.level, number=current.number)

    def _table(self, line: _Line, page: _Page, *, at_top: bool) -> None:
        table = line.table
        if at_top and self.foot_table is not None and _same_grid(self.foot_table[1], table):
            index, before = self.foot_table
            table = _continued(before, table)
            self.blocks[index] = replace(self.blocks[index], rows=table.rows)
        else:
            place = self._place(page, line)
            self.blocks.append(Block(Kind.TABLE, self._caption(), place, rows=table.rows))
            index = len(self.blocks) - 1
        self.foot_table = (index, table)

    def _caption(self) -> str:
        return next(
            (b.quote for b in reversed(self.blocks) if b.kind in (Kind.HEADING, Kind.PARAGRAPH)), ""
        )

    def _page_notes(self, page: _Page) -> dict[str, Block]:
        """The page's footnotes, each a paragraph starting with its number."""
        notes: dict[str, list] = {}
        for line in page.footnotes:
            if _starts_footnote(line):
                mark = _footnote_mark(line.words[0].text)
                rest = " ".join(w.text for w in line.words[1:])
                notes[mark] = [f"{mark} {rest}", self._place(page, line)]
            elif notes:
                last = notes[next(reversed(notes))]
                last[0] = _join(last[0], line.text, self.hyphenated)
        return {
            mark: Block(Kind.PARAGRAPH, " ".join(text.split()), place)
            for mark, (text, place) in notes.items()
        }

    def _footnotes(self, page: _Page) -> None:
        """Footnotes follow the paragraph citing them; those whose citation was not seen wait
        until the paragraph open at the page's end (it may go on on the next page) is done."""
        self.waiting_footnotes.extend(self.notes.values())
        self.notes = {}
        if self.open is None or self.open.text.rstrip().endswith(_SENTENCE_END):
            self._close()
