"""Writes of figures: an upload waiting for its columns, and the import itself. An import validates the whole file, then writes it in one transaction.

Importing the same file twice changes nothing. A value that differs from the stored one is
replaced when the file's edition is the same or newer, and its revision goes up by one; an
older edition never overwrites a newer one. Editions are compared in their normalised form
(`editions`), so '2025-9' given on the command line is older than '2025-12'.
"""

from dataclasses import dataclass, field, replace
from datetime import date

import polars as pl
from django.db import transaction
from django.utils.translation import gettext as _

from ivp.common import bulk, revisions
from ivp.common.importing import ImportFileError, ImportProblem
from ivp.common.progress import Progress, no_progress
from ivp.regions.models import ImportRun, Municipality
from ivp.taxonomy.models import Theme

from .editions import EditionError, default_edition, parse_edition, parse_optional_edition
from .formats import read_figures
from .formats.area_sums import SUMMED, SUMMED_TITLE_SUFFIX, summed_title
from .formats.common import IndicatorSpec, ParsedFigures
from .formats.mapped import ColumnMapping, read_mapped
from .models import Indicator, Observation, Source
from .selectors import geography_from_database, observations_frame
from .synthetic import SYNTHETIC_MARK

IMPORT_KIND = "cijfers"
SYNTHETIC_PREFIX = "synthetisch-"
MAX_RECORDED_CHANGES = 500
EXISTING_ROWS_PER_READ = 100_000  # stored rows read as Python tuples at a time: ~35 MB
OBSERVATION_FIELDS = (
    "indicator",
    "area_code",
    "municipality",
    "period",
    "year",
    "value",
    "margin",
    "source",
    "revision",
)


@dataclass
class FiguresImportResult:
    file_name: str
    format_name: str
    source: str
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept_newer: int = 0
    kept_published: int = 0
    rows_skipped: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.replaced)

    def lines(self) -> list[str]:
        return [
            _("%(file)s read as %(format)s.")
            % {"file": self.file_name, "format": self.format_name},
            self.source,
            _(
                "%(inserted)s new values, %(replaced)s replaced by this edition, "
                "%(unchanged)s unchanged, %(kept)s kept because the database has a newer edition."
            )
            % {
                "inserted": self.inserted,
                "replaced": self.replaced,
                "unchanged": self.unchanged,
                "kept": self.kept_newer,
            },
            *self.notes,
            *(
                [
                    _(
                        "%(count)s sums of buurten or wijken not stored: a published figure "
                        "exists for that area and period."
                    )
                    % {"count": self.kept_published}
                ]
                if self.kept_published
                else []
            ),
        ]


@transaction.atomic
def figures_import(
    *,
    file_name: str,
    raw: bytes,
    user=None,
    edition: str | None = None,
    table_id: str | None = None,
    progress: Progress = no_progress,
) -> FiguresImportResult:
    progress(_("Reading"), 0, 1)
    edition = _given_edition(file_name, edition)
    parsed = read_figures(
        file_name, raw, geography_from_database(), edition=edition, table_id=table_id
    )
    progress(_("Reading"), 1, 1)
    return store_parsed(parsed, user=user, progress=progress)


@transaction.atomic
def store_parsed(
    parsed: ParsedFigures, *, user=None, municipality=None, progress: Progress = no_progress
) -> FiguresImportResult:
    """Writes what a reader produced; `municipality` owns the source and indicators of its
    own registrations."""
    revisions.bump(revisions.FIGURES)  # observations are written in bulk: no signal
    file_name = parsed.file_name
    if parsed.source.synthetic:
        parsed = _kept_apart(parsed)
    parsed = _with_summed_column(parsed)
    source = _source_for(parsed, municipality)
    summed_source = _summed_source_for(parsed, municipality)
    indicators = _indicators_for(parsed.indicators, municipality)
    result = FiguresImportResult(
        file_name=file_name,
        format_name=parsed.format_name,
        source=source.credit,
        rows_skipped=parsed.rows_skipped,
        notes=[*parsed.skipped, *_theme_notes(parsed.indicators)],
    )
    changes = _write(
        _with_ids(parsed.observations, indicators, source, summed_source), source, result, progress
    )
    for written in (source, summed_source):
        if written is not None and not written.observations.exists():
            written.delete()  # nothing came from this edition: do not list it as a source
    ImportRun.objects.create(
        kind=IMPORT_KIND,
        file_name=file_name,
        user=user,
        rows_written=result.inserted + result.replaced,
        rows_skipped=result.rows_skipped,
        notes="\n".join(result.lines()),
        changes=changes,
    )
    return result


def _with_summed_column(parsed: ParsedFigures) -> ParsedFigures:
    """Readers that never sum areas leave the column out: all their rows are published."""
    if SUMMED in parsed.observations.columns:
        return parsed
    return replace(
        parsed, observations=parsed.observations.with_columns(pl.lit(False).alias(SUMMED))
    )


def _summed_source_for(parsed: ParsedFigures, municipality) -> Source | None:
    """The source that sums of buurten and wijken are stored under: the file's own table and
    edition, its title marked, so that they are never taken for published totals."""
    if not parsed.observations[SUMMED].any():
        return None
    marked = replace(parsed.source, title=summed_title(parsed.source.title))
    return _source_for(replace(parsed, source=marked), municipality)


def _given_edition(file_name: str, edition: str | None) -> str | None:
    """The edition the person importing gave, normalised; refused before the file is read."""
    try:
        return parse_optional_edition(edition)
    except EditionError as error:
        raise ImportFileError([ImportProblem(file_name, None, None, error.message)]) from None


def _edition_of(parsed: ParsedFigures) -> str:
    """The given edition, else the one the file states (a StatLine title's year), else the
    default: the day of the import."""
    if parsed.source.edition is None:
        return default_edition()
    try:
        return parse_edition(parsed.source.edition)
    except EditionError as error:
        raise ImportFileError([ImportProblem(parsed.file_name, 1, None, error.message)]) from None


def _kept_apart(parsed: ParsedFigures) -> ParsedFigures:
    """Synthetic figures get indicators of their own, so they can never replace or mix with
    real ones, and every page that shows them names them synthetic."""
    specs = [
        replace(
            spec,
            code=f"{SYNTHETIC_PREFIX}{spec.code}"[:80],
            name=f"{spec.name} ({SYNTHETIC_MARK})",
        )
        for spec in parsed.indicators
    ]
    codes = parsed.observations.get_column("indicator").unique().drop_nulls()
    observations = parsed.observations.with_columns(
        # looked up per distinct code: new strings for every row would take hundreds of MB
        pl.col("indicator").replace_strict(
            codes,
            (SYNTHETIC_PREFIX + codes).str.slice(0, 80),
            default=None,
            return_dtype=pl.String,
        )
    )
    return replace(parsed, indicators=specs, observations=observations)


def _source_for(parsed: ParsedFigures, municipality=None) -> Source:
    spec = parsed.source
    edition = _edition_of(parsed)
    source, _created = Source.objects.get_or_create(
        publisher=spec.publisher,
        table_id=spec.table_id,
        title=spec.title,
        edition=edition,
        defaults={
            "licence": spec.licence,
            "url": spec.url,
            "synthetic": spec.synthetic,
            "retrieved": date.today(),
            "municipality": municipality,
        },
    )
    if source.synthetic != spec.synthetic:
        # Same table and edition: real figures must never be credited as synthetic, nor the
        # reverse. Happens when both are imported on one day without an explicit edition.
        raise ImportFileError(
            [
                ImportProblem(
                    parsed.file_name,
                    None,
                    None,
                    (
                        _(
                            "edition %(edition)s of this table holds SYNTHETIC figures; give "
                            "this file of real figures its own edition."
                        )
                        if source.synthetic
                        else _(
                            "edition %(edition)s of this table holds real figures; give this "
                            "SYNTHETIC file its own edition."
                        )
                    )
                    % {"edition": edition},
                )
            ]
        )
    return source


def _indicators_for(specs: list[IndicatorSpec], municipality=None) -> dict[str, Indicator]:
    existing = Indicator.objects.in_bulk([s.code for s in specs], field_name="code")
    missing = [s for s in specs if s.code not in existing]
    created = Indicator.objects.bulk_create(
        [Indicator(**s.indicator_fields(), municipality=municipality) for s in missing]
    )
    themes = {t.code: t for t in Theme.objects.filter(field__version__is_current=True)}
    links = [
        Indicator.themes.through(indicator_id=indicator.pk, theme_id=themes[code].pk)
        for spec, indicator in zip(missing, created, strict=True)
        for code in spec.theme_codes or ()
        if code in themes
    ]
    Indicator.themes.through.objects.bulk_create(links)
    return {**existing, **{i.code: i for i in created}}


def _theme_notes(specs: list[IndicatorSpec]) -> list[str]:
    unmapped = sorted(s.name for s in specs if s.theme_codes is None)
    reviewed_none = sorted(s.name for s in specs if s.theme_codes == ())
    notes = []
    if unmapped:
        notes.append(
            _("Not linked to a theme (no reviewed mapping yet): %(names)s.")
            % {"names": ", ".join(unmapped)}
        )
    if reviewed_none:
        notes.append(
            _("Imported without a theme, as reviewed: %(names)s.")
            % {"names": ", ".join(reviewed_none)}
        )
    return notes


def _with_ids(
    frame: pl.DataFrame,
    indicators: dict[str, Indicator],
    source: Source,
    summed_source: Source | None = None,
):
    """The rows with their indicator, municipality and source ids. Codes are replaced column by
    column (null when unknown): a join would copy every other column of a national file too."""
    municipalities = dict(Municipality.objects.values_list("code", "pk"))
    indicator_ids = {code: indicator.pk for code, indicator in indicators.items()}
    return frame.with_columns(
        _ids_of(pl.col("indicator"), indicator_ids).alias("indicator_id"),
        _ids_of(pl.col("municipality_code"), municipalities).alias("municipality_id"),
        pl.col("period").str.slice(0, 4).cast(pl.Int64).alias("year"),
        pl.when(pl.col(SUMMED))
        .then(pl.lit(summed_source.pk if summed_source else None, dtype=pl.Int64))
        .otherwise(pl.lit(source.pk, dtype=pl.Int64))
        .alias("source_id"),
    )


def _ids_of(codes: pl.Expr, ids: dict[str, int]) -> pl.Expr:
    return codes.replace_strict(
        pl.Series(list(ids), dtype=pl.String),
        pl.Series(list(ids.values()), dtype=pl.Int64),
        default=None,
        return_dtype=pl.Int64,
    )


def _write(incoming: pl.DataFrame, source: Source, result: FiguresImportResult, progress):
    incoming = incoming.rename({"area_code": "area"})
    new, differing = _compare(incoming)
    # Normalised editions compare as text exactly as their dates do (see editions).
    not_older = pl.col("edition") <= source.edition
    # A published figure replaces a sum of areas whatever its edition; a sum never replaces a
    # published figure.
    replaces_sum = pl.col("stored_summed")
    replace = differing.filter(
        pl.when(pl.col(SUMMED)).then(replaces_sum & not_older).otherwise(replaces_sum | not_older)
    )
    result.unchanged = incoming.height - new.height - differing.height
    result.kept_published = differing.filter(pl.col(SUMMED) & ~replaces_sum).height
    result.kept_newer = differing.height - replace.height - result.kept_published

    bulk.delete_ids(Observation, replace["id"].to_list())
    written = [
        "indicator_id",
        pl.col("area").alias("area_code"),
        "municipality_id",
        "period",
        "year",
        "value",
        "margin",
        "source_id",
    ]
    writes = pl.concat(
        [
            new.select(*written, pl.lit(1, dtype=pl.Int64).alias("revision")),
            replace.select(*written, (pl.col("revision") + 1).alias("revision")),
        ],
        rechunk=False,
    )
    result.inserted = new.height
    result.replaced = replace.height
    del incoming, new, differing  # a national file's frames: only `writes` is needed now
    step = _("Writing")
    total = writes.height
    progress(step, 0, total)
    fields = [
        f + "_id" if f in ("indicator", "municipality", "source") else f for f in OBSERVATION_FIELDS
    ]
    with bulk.keys_rebuilt_after(Observation, total):
        done = 0
        for chunk in _in_key_order(writes):
            done += bulk.insert_frame(
                Observation,
                fields,
                chunk,
                progress=lambda count, before=done: progress(step, before + count, total),
            )
    progress(step, total, total)
    return _recorded_changes(replace)


KEY = ("indicator_id", "area_code", "period")


def _in_key_order(writes: pl.DataFrame):
    """`writes` in parts of a few indicators, each sorted on the unique key, so that the index
    grows at its end; one part at a time is sorted, not a national file's millions of rows at
    once. A part in that order already is left as it is."""
    counts = writes.group_by("indicator_id").len().sort("indicator_id")
    for chunk in _indicator_chunks(counts):
        part = writes.filter(pl.col("indicator_id").is_in(chunk))
        yield part if _strictly_ascending(part, KEY) else part.sort(*KEY)


def _strictly_ascending(frame: pl.DataFrame, columns) -> bool:
    """Every row's key above the one before: compared with the row above, no hashing."""
    ascending = pl.lit(False)
    for column in reversed(columns):
        here, above = pl.col(column), pl.col(column).shift(1)
        ascending = (here > above) | ((here == above) & ascending)
    return bool(frame.select(ascending.slice(1).all()).item())


def _compare(incoming: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows of `incoming` that are not stored yet, and those whose stored value differs
    (with id, old_value, old_margin, revision and edition of the stored one), in file order.

    Compared a few indicators at a time: a national file's millions of stored rows, read as
    one list of Python tuples and joined at once, would take gigabytes."""
    keys = ["indicator_id", "area", "period"]
    known = pl.col("id").is_not_null()
    same = (
        (pl.col("value") == pl.col("old_value"))
        & pl.col("margin").eq_missing(pl.col("old_margin"))
        # a published figure equal to a stored sum still replaces it: it is no sum any more
        & ~(~pl.col(SUMMED) & pl.col("stored_summed"))
    )
    counts = incoming.group_by("indicator_id").len().sort("indicator_id")
    if not Observation.objects.filter(indicator_id__in=counts["indicator_id"].to_list()).exists():
        # nothing stored to compare with: every row is new (no join, no copy of the rows)
        nothing = _empty_existing().drop(keys)
        new = incoming.with_columns(
            pl.lit(None, dtype=dtype).alias(name) for name, dtype in nothing.schema.items()
        )
        return new, new.clear()
    editions = dict(Source.objects.values_list("pk", "edition"))
    summed_sources = list(
        Source.objects.filter(title__endswith=SUMMED_TITLE_SUFFIX).values_list("pk", flat=True)
    )
    areas = incoming["area"].unique().to_list()
    area_codes = areas if len(areas) < 1000 else None
    incoming = incoming.with_row_index("_position")
    new, differing = [], []
    for chunk in _indicator_chunks(counts):
        existing = observations_frame(indicator_ids=chunk, area_codes=area_codes).select(
            *keys,
            "id",
            pl.col("value").alias("old_value"),
            pl.col("margin").alias("old_margin"),
            "revision",
            pl.col("source_id").replace_strict(editions, return_dtype=pl.String).alias("edition"),
            pl.col("source_id").is_in(summed_sources).alias("stored_summed"),
        )
        joined = incoming.filter(pl.col("indicator_id").is_in(chunk)).join(
            existing, on=keys, how="left"
        )
        new.append(joined.filter(~known))
        differing.append(joined.filter(known & ~same))
    return tuple(pl.concat(parts).sort("_position").drop("_position") for parts in (new, differing))


def _indicator_chunks(counts: pl.DataFrame):
    """Indicator ids in groups of about EXISTING_ROWS_PER_READ incoming rows."""
    chunk, rows = [], 0
    for indicator_id, count in counts.iter_rows():
        chunk.append(indicator_id)
        rows += count
        if rows >= EXISTING_ROWS_PER_READ:
            yield chunk
            chunk, rows = [], 0
    if chunk:
        yield chunk


def _empty_existing() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "indicator_id": pl.Int64,
            "area": pl.String,
            "period": pl.String,
            "id": pl.Int64,
            "old_value": pl.Float64,
            "old_margin": pl.Float64,
            "revision": pl.Int64,
            "edition": pl.String,
            "stored_summed": pl.Boolean,
        }
    )


def _recorded_changes(replace: pl.DataFrame) -> list[dict]:
    return [
        {
            "indicator": row["indicator"],
            "area": row["area"],
            "period": row["period"],
            "old": row["old_value"],
            "new": row["value"],
            "revision": row["revision"] + 1,
        }
        for row in replace.head(MAX_RECORDED_CHANGES).iter_rows(named=True)
    ]


@transaction.atomic
def figures_import_mapped(
    *,
    file_name: str,
    raw: bytes,
    municipality: Municipality,
    mapping: ColumnMapping,
    user=None,
    edition: str | None = None,
    progress: Progress = no_progress,
) -> FiguresImportResult:
    """A municipality's own registrations or survey results, read through `mapping`."""
    if (
        mapping.theme
        and not Theme.objects.filter(code=mapping.theme, field__version__is_current=True).exists()
    ):
        raise ImportFileError(
            [
                ImportProblem(
                    file_name,
                    None,
                    None,
                    _("“%(theme)s” is not a theme of Kernbeleid Veiligheid.")
                    % {"theme": mapping.theme},
                )
            ]
        )
    edition = _given_edition(file_name, edition)
    progress(_("Reading"), 0, 1)
    parsed = read_mapped(
        file_name,
        raw,
        geography_from_database(),
        mapping,
        municipality_code=municipality.code,
        municipality_name=municipality.name,
        edition=edition,
    )
    progress(_("Reading"), 1, 1)
    return store_parsed(parsed, user=user, municipality=municipality, progress=progress)


def own_upload_create(*, municipality, user, file_name: str, raw: bytes, size: int, mapping: dict):
    """Step 1 of a municipality's own figures: the file, kept until its columns are named."""
    from .models import FiguresUpload

    return FiguresUpload.objects.create(
        file_name=file_name,
        content=raw,
        size=size,
        user=user,
        municipality=municipality,
        status=FiguresUpload.Status.MAPPING,
        mapping=mapping,
    )
