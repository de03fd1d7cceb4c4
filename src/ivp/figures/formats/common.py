"""What every figures reader produces, and the checks they share.

A reader turns one file into `ParsedFigures`: the source edition, the indicators it
measures, and a polars frame of observations (`indicator`, `area_code`, `period`, `value`,
`margin`, `row`). It refuses the whole file with every problem found; it never writes.
"""

import io
import re
from dataclasses import asdict, dataclass, field
from datetime import date

import polars as pl
from django.utils.translation import gettext as _

from ivp.common import upload_limits
from ivp.common.importing import ImportFileError, ImportProblem, decode, refuse

OBSERVATION_SCHEMA = {
    "indicator": pl.String,
    "area_code": pl.String,
    "period": pl.String,
    "value": pl.Float64,
    "margin": pl.Float64,
    "row": pl.Int64,
}
FIRST_YEAR = 1995
MAX_PROBLEMS_PER_KIND = 25
LABEL = "_column_label"  # optional frame column: the file's column name per row, for messages
NETHERLANDS = "NL01"

# StatLine's symbols for "no number here": they are not numbers and must not become 0.
STATISTICAL_SYMBOLS = {
    ".": "cijfer onbekend",
    "x": "geheim",
    "-": "nihil of niet van toepassing",
    "?": "cijfer onbetrouwbaar",
}


@dataclass(frozen=True)
class SourceSpec:
    publisher: str
    table_id: str
    title: str
    edition: str | None  # None: neither the person importing nor the file says; see editions
    licence: str = "CC BY 4.0"
    url: str = ""
    synthetic: bool = False


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    kind: str
    unit: str = "aantal"
    classification: str = ""
    description: str = ""
    theme_codes: tuple[str, ...] | None = None  # None: no reviewed mapping exists

    def indicator_fields(self) -> dict:
        """The fields of the Indicator record (its theme codes become links to themes)."""
        fields = asdict(self)
        del fields["theme_codes"]
        return fields


@dataclass
class ParsedFigures:
    file_name: str
    format_name: str
    source: SourceSpec
    indicators: list[IndicatorSpec]
    observations: pl.DataFrame
    skipped: list[str] = field(default_factory=list)
    rows_skipped: int = 0


class Problems:
    """Collects problems, at most a few per kind so a broken national file stays readable."""

    def __init__(self, file_name: str):
        self.file_name = file_name
        self.items: list[ImportProblem] = []
        self._per_kind: dict[str, int] = {}  # offending rows, in the order kinds were found
        self._kind_of: list[tuple[str, bool]] = []  # per item of `items`: its kind, "and more"
        self._frame_label: dict[str, str] = {}  # kinds from frames: the "and more" line's column
        self._scattered = False  # a kind came back after another, or from a second frame

    def add(self, row: int | None, column: str | None, message: str, kind: str = "") -> None:
        kind = kind or message
        if kind in self._per_kind and self._kind_of and self._kind_of[-1][0] != kind:
            self._scattered = True
        seen = self._per_kind.get(kind, 0)
        self._per_kind[kind] = seen + 1
        if seen < MAX_PROBLEMS_PER_KIND:
            self.items.append(ImportProblem(self.file_name, row, column, message))
            self._kind_of.append((kind, False))

    def add_from_frame(
        self, frame: pl.DataFrame, column: str, message, kind: str, label: str | None = None
    ) -> None:
        """One problem per offending row of `frame` (which has `row` and `column`); `label` is
        the column's name in the file when it differs."""
        label = label or column
        self._scattered |= kind in self._per_kind
        self._frame_label[kind] = label
        frame = frame.sort("row")  # joins need not keep file order; show the first rows
        labels = frame[LABEL] if LABEL in frame.columns else None
        for index, (row, raw) in enumerate(
            frame.select("row", column).head(MAX_PROBLEMS_PER_KIND).iter_rows()
        ):
            self.add(row, labels[index] if labels is not None else label, message(raw), kind)
        hidden = frame.height - MAX_PROBLEMS_PER_KIND
        if hidden > 0:
            self._per_kind[kind] = frame.height
            self._add_more(kind, label, hidden)

    def _add_more(self, kind: str, label: str, hidden: int) -> None:
        self.items.append(
            ImportProblem(
                self.file_name,
                None,
                label,
                _("and %(count)s more rows with the same problem.") % {"count": hidden},
            )
        )
        self._kind_of.append((kind, True))

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportFileError(self.items)

    @classmethod
    def of_consecutive_blocks(cls, file_name: str, blocks: list["Problems"]) -> "Problems | None":
        """The problems of a file's blocks, read one after the other, as one reading of the
        whole file finds them: per kind its first rows and one count. None when the order of
        the kinds cannot be told (a block lacks a kind another has, and has one before it the
        other lacks), or a block's kinds are not each in one piece: then only reading the whole
        file again gives that order."""
        if any(block._scattered for block in blocks):
            return None
        orders = [list(block._per_kind) for block in blocks]
        longest = max(orders, key=len)
        if not all(_in_order_within(order, longest) for order in orders):
            return None
        merged = cls(file_name)
        for kind in longest:
            found = [
                item
                for block in blocks
                for item, (of, more) in zip(block.items, block._kind_of, strict=True)
                if of == kind and not more
            ]
            total = sum(block._per_kind.get(kind, 0) for block in blocks)
            merged._per_kind[kind] = total
            for item in found[:MAX_PROBLEMS_PER_KIND]:
                merged.items.append(item)
                merged._kind_of.append((kind, False))
            label = next((b._frame_label[kind] for b in blocks if kind in b._frame_label), None)
            if label is not None and total > MAX_PROBLEMS_PER_KIND:
                merged._add_more(kind, label, total - MAX_PROBLEMS_PER_KIND)
        return merged


def _in_order_within(part: list[str], whole: list[str]) -> bool:
    """Whether every item of `part` is in `whole`, in the same order."""
    remaining = iter(whole)
    return all(item in remaining for item in part)


def read_csv(
    file_name: str, raw: bytes, *, separator: str, columns: list[str] | None = None
) -> pl.DataFrame:
    """Every cell as text, the header's names stripped; a file that is no CSV, or has more rows
    than a national import takes, is refused. `columns` (stripped names, all present) reads
    only those: a national file's other columns would take hundreds of MB."""
    try:
        frame = pl.read_csv(
            io.BytesIO(raw),
            separator=separator,
            infer_schema=False,
            n_rows=upload_limits.national().max_rows + 1,
            encoding="utf8",
            columns=_positions(raw, separator, columns) if columns else None,
        )
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as error:
        _refuse_unreadable_csv(file_name, raw, separator, error)
    _refuse_too_many_rows(file_name, frame)
    return _strip_header(frame)


def read_header(file_name: str, raw: bytes, *, separator: str) -> list[str]:
    """The header's names, stripped, without reading the rows."""
    try:
        return _strip_header(_header_frame(raw, separator)).columns
    except (pl.exceptions.ComputeError, pl.exceptions.NoDataError) as error:
        _refuse_unreadable_csv(file_name, raw, separator, error)


def _header_frame(raw: bytes, separator: str) -> pl.DataFrame:
    return pl.read_csv(
        io.BytesIO(raw), separator=separator, infer_schema=False, n_rows=0, encoding="utf8"
    )


def _positions(raw: bytes, separator: str, columns: list[str]) -> list[int]:
    names = _strip_header(_header_frame(raw, separator)).columns
    return sorted(names.index(column) for column in columns)


def _strip_header(frame: pl.DataFrame) -> pl.DataFrame:
    """'incident_count\r' → 'incident_count': a header line ending in '\r\r\n' (CRLF written
    twice, as Python's csv module does on Windows) keeps a CR on the last name."""
    taken = set(frame.columns)
    renames = {}
    for name in frame.columns:
        clean = name.strip()
        if clean != name and clean not in taken:
            renames[name] = clean
            taken.add(clean)
    return frame.rename(renames)


def _refuse_too_many_rows(file_name: str, frame: pl.DataFrame) -> None:
    """For readers that read with polars' n_rows=cap + 1: the row past the cap refuses."""
    limit = upload_limits.national().max_rows
    if frame.height > limit:
        refuse(
            file_name,
            _("the file has more than %(limit)s rows; the import stops here.")
            % {"limit": f"{limit:,}".replace(",", ".")},
            row=limit + 2,  # the header is row 1
        )


def _refuse_unreadable_csv(file_name: str, raw: bytes, separator: str, error: Exception):
    """polars says only that a file is no CSV (in English, quoting the data); Python's csv
    module, run on this error path only, finds the row."""
    for _line in upload_limits.csv_lines(file_name, decode(file_name, raw), delimiter=separator):
        pass
    refuse(
        file_name,
        _("the file cannot be read as CSV: %(error)s")
        % {"error": str(error).splitlines()[0][:200]},
    )


def value_problem(raw: str | None) -> str:
    """Why a cell is not a usable number, in words a policy officer understands."""
    text = (raw or "").strip()
    if not text:
        return _("the value is empty; a number is required.")
    if text in STATISTICAL_SYMBOLS:
        return _(
            "“%(symbol)s” is the statistical symbol for “%(meaning)s”, not a number; "
            "remove the row or fill in the figure."
        ) % {"symbol": text, "meaning": STATISTICAL_SYMBOLS[text]}
    return _("“%(text)s” is not a number.") % {"text": text[:40]}


def parse_numbers(frame: pl.DataFrame, column: str, problems: Problems, *, counts: bool):
    """Turn a text column into Float64 in place; every bad cell becomes a problem.

    Accepts '1234', '1.234' is refused as ambiguous only when it is not a count; a decimal comma
    ('7,6') is read as a decimal for scores. Counts must be whole and non-negative.
    """
    text = pl.col(column).str.strip_chars()
    cleaned = text.str.replace(",", ".", literal=True) if not counts else text
    parsed = frame.with_columns(cleaned.cast(pl.Float64, strict=False).alias("_number"))
    # 'inf', 'NaN' and '1e999' cast to floats that are no figure (and break the JSON log).
    bad = parsed.filter(pl.col("_number").is_null() | ~pl.col("_number").is_finite())
    if bad.height:
        problems.add_from_frame(bad, column, value_problem, kind=f"number:{column}")
    if counts:
        not_count = parsed.filter(
            pl.col("_number").is_finite()
            & ((pl.col("_number") < 0) | (pl.col("_number") != pl.col("_number").floor()))
        )
        if not_count.height:
            problems.add_from_frame(
                not_count,
                column,
                lambda raw: (
                    _("“%(text)s” is not a count (a whole number of 0 or more).") % {"text": raw}
                ),
                kind=f"count:{column}",
            )
    return parsed.with_columns(pl.col("_number").alias(column)).drop("_number")


def per_distinct(frame: pl.DataFrame, column: str, expression: pl.Expr, dtype) -> pl.Expr:
    """`expression` of `column` worked out once per distinct value and looked up per row: a
    national file repeats a few hundred codes and periods millions of times."""
    distinct = frame.select(pl.col(column).unique().drop_nulls())
    worked_out = distinct.select(pl.col(column), expression.alias("_worked_out"))
    return pl.col(column).replace_strict(
        worked_out[column], worked_out["_worked_out"], default=None, return_dtype=dtype
    )


CBS_PERIOD = re.compile(r"^(?P<year>[0-9]{4})(?P<kind>JJ|KW|MM)(?P<part>[0-9]{2})$")


def cbs_period_expression(column: str) -> pl.Expr:
    """'2024JJ00' → '2024', '2024KW02' → '2024-Q2', '2024MM03' → '2024-03'; else null."""
    raw = pl.col(column).str.strip_chars()
    year = raw.str.slice(0, 4)
    kind = raw.str.slice(4, 2)
    part = raw.str.slice(6, 2)
    valid = raw.str.contains(r"^[0-9]{4}(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))$")
    return (
        pl.when(~valid)
        .then(None)
        .when(kind == "JJ")
        .then(year)
        .when(kind == "KW")
        .then(year + "-Q" + part.str.slice(1, 1))
        .otherwise(year + "-" + part)
    )


def check_periods(frame: pl.DataFrame, column: str, problems: Problems) -> None:
    """Periods must be parsed and lie between FIRST_YEAR and this year."""
    unknown = frame.filter(pl.col("period").is_null())
    if unknown.height:
        problems.add_from_frame(
            unknown,
            column,
            lambda raw: (
                _(
                    "“%(text)s” is not a period; expected e.g. 2024JJ00 (year), 2024KW01 (quarter) "
                    "or 2024MM01 (month)."
                )
                % {"text": raw or ""}
            ),
            kind="period",
        )
    this_year = date.today().year
    year = pl.col("period").str.slice(0, 4).cast(pl.Int32, strict=False)
    out_of_range = frame.filter(
        pl.col("period").is_not_null() & ((year < FIRST_YEAR) | (year > this_year))
    )
    if out_of_range.height:
        problems.add_from_frame(
            out_of_range,
            column,
            lambda raw: (
                _("period “%(text)s” lies outside %(first)s–%(last)s.")
                % {"text": raw, "first": FIRST_YEAR, "last": this_year}
            ),
            kind="period-range",
        )


def check_duplicates(frame: pl.DataFrame, problems: Problems, column: str) -> None:
    keys = ["indicator", "area_code", "period"]
    if frame.select(pl.struct(keys).hash().n_unique()).item() == frame.height:
        return  # distinct hashes, distinct keys: cheaper than marking each row of a large file
    duplicated = frame.filter(pl.struct(keys).is_duplicated()).sort("row")
    if duplicated.height:
        first_rows = duplicated.group_by(keys).agg(pl.col("row").min().alias("first"))
        later = duplicated.join(first_rows, on=keys).filter(pl.col("row") != pl.col("first"))
        for row, first in later.select("row", "first").head(MAX_PROBLEMS_PER_KIND).iter_rows():
            problems.add(
                row,
                column,
                _("this row repeats row %(first)s (same area, period and subject).")
                % {"first": first},
                kind="duplicate",
            )


def empty_observations() -> pl.DataFrame:
    return pl.DataFrame(schema=OBSERVATION_SCHEMA)


def without_margins(frame: pl.DataFrame) -> pl.DataFrame:
    """The observations' columns of a StatLine file, which gives no margins."""
    return frame.select(
        "indicator",
        "area_code",
        "municipality_code",
        "period",
        "value",
        pl.lit(None, dtype=pl.Float64).alias("margin"),
        "row",
    )
