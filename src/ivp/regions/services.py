"""Writes for municipalities, areas, regions and their figures. Each function is one transaction."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ivp.common import revisions, upload_limits
from ivp.common.data_files import data_file
from ivp.common.importing import ImportFileError, ImportProblem, ImportSummary
from ivp.common.progress import Progress, no_progress

from . import cbs_files
from .models import (
    NETHERLANDS_CODE,
    Area,
    ImportRun,
    KeyFigures,
    Municipality,
    Population,
    Region,
    RegionPopulation,
)
from .names import PROVINCE_SUFFIX, NameIndex, display_name, sort_key

BATCH = 2000
SOURCE_37230 = "CBS 37230ned, Bevolkingsontwikkeling; regio per maand (bevolking op 31 december)"
SOURCE_85984 = "CBS 85984NED, Kerncijfers wijken en buurten 2024 (peildatum 1 januari 2024)"

KEY_FIGURES_KIND = "kerncijfers"
GROUPING_SUFFIXES = ("(LD)", "(CR)", "(RE)")
COUNTRY_NAME = "Nederland"


def _record_run(summary: ImportSummary, user=None, changes: list | None = None) -> ImportRun:
    return ImportRun.objects.create(
        changes=changes or [],
        kind=summary.kind,
        file_name=summary.file_name,
        user=user,
        rows_written=summary.rows_written,
        rows_skipped=summary.rows_skipped,
        notes=summary.notes,
    )


@transaction.atomic
def municipalities_load(*, metadata: Path, provinces: Path, user=None) -> ImportSummary:
    """The 12 provinces, 342 municipalities and 10 police units from the 47013NED metadata."""
    revisions.bump(revisions.FIGURES)  # bulk writes send no signal
    regions = cbs_files.statline_metadata_regions(metadata.name, cbs_files.read_text(metadata))
    province_names = cbs_files.province_per_municipality(
        provinces.name, cbs_files.read_text(provinces)
    )

    # The *99 codes are CBS's "niet in te delen" buckets, not real regions.
    province_rows = [r for r in regions if r.code.startswith("PV") and r.code != "PV99"]
    police_rows = [r for r in regions if r.code.startswith("RE") and r.code != "RE99"]
    # GM0998 (Buitenland) and GM0999 (niet in te delen) are not municipalities.
    municipality_rows = [
        r for r in regions if r.code.startswith("GM") and r.code not in ("GM0998", "GM0999")
    ]

    Region.objects.bulk_create(
        [
            Region(code=r.code, name=display_name(r.title), kind=Region.Kind.PROVINCIE)
            for r in province_rows
        ]
        + [
            Region(
                code=r.code, name=r.title.removesuffix(" (RE)"), kind=Region.Kind.POLITIE_EENHEID
            )
            for r in police_rows
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "kind"],
    )
    province_index = NameIndex([(display_name(r.title), r.code) for r in province_rows])
    province_ids = dict(Region.objects.filter(kind=Region.Kind.PROVINCIE).values_list("code", "id"))

    problems = []
    municipalities = []
    for row in municipality_rows:
        province_name = province_names.get(row.code)
        province_code = province_index.resolve(province_name) if province_name else None
        if province_code is None:
            problems.append(
                ImportProblem(
                    provinces.name,
                    None,
                    "province_lab",
                    _("no province found for %(code)s %(name)s.")
                    % {"code": row.code, "name": row.title},
                )
            )
            continue
        municipalities.append(
            Municipality(
                code=row.code,
                cbs_name=row.title,
                name=display_name(row.title),
                sort_name=sort_key(display_name(row.title)),
                province_id=province_ids[province_code],
            )
        )
    if problems:
        raise ImportFileError(problems)
    Municipality.objects.bulk_create(
        municipalities,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "sort_name", "cbs_name", "province"],
    )
    for province in Region.objects.filter(kind=Region.Kind.PROVINCIE):
        province.members.set(Municipality.objects.filter(province=province))
    _record_municipality_history(user, reason=_("Loaded from %s") % metadata.name)
    summary = ImportSummary(
        "gemeenten",
        metadata.name,
        rows_written=len(municipalities) + len(province_rows) + len(police_rows),
        notes=_("%(m)s municipalities, %(p)s provinces, %(r)s police units")
        % {"m": len(municipalities), "p": len(province_rows), "r": len(police_rows)},
    )
    _record_run(summary, user)
    return summary


def _record_municipality_history(user, *, reason: str) -> None:
    """Bulk upserts bypass the history signals: record what is new or changed since the last entry."""
    fields = ("name", "cbs_name", "province_id")
    latest = {}
    for row in Municipality.history.order_by("id", "history_date").values("id", *fields):
        latest[row["id"]] = tuple(row[f] for f in fields)
    new, changed = [], []
    for m in Municipality.objects.all():
        if m.pk not in latest:
            new.append(m)
        elif latest[m.pk] != tuple(getattr(m, f) for f in fields):
            changed.append(m)
    for objects, update in ((new, False), (changed, True)):
        Municipality.history.bulk_history_create(
            objects, update=update, default_user=user, default_change_reason=reason
        )


@transaction.atomic
def areas_load(*, path: Path, user=None, progress: Progress = no_progress) -> ImportSummary:
    """Wijken and buurten (CBS indeling 2024); a buurt's wijk follows from its code."""
    revisions.bump(revisions.FIGURES)
    records = cbs_files.wijken_en_buurten(path.name, cbs_files.read_text(path))
    municipality_ids = dict(Municipality.objects.values_list("code", "id"))
    unknown = sorted({r.municipality_code for r in records} - municipality_ids.keys())
    if unknown:
        raise ImportFileError(
            [
                ImportProblem(
                    path.name, None, "Municipality", _("unknown municipality code %s.") % code
                )
                for code in unknown
            ]
        )
    wijken = [r for r in records if r.code.startswith("WK")]
    buurten = [r for r in records if r.code.startswith("BU")]
    _bulk_upsert_areas(wijken, Area.Kind.WIJK, municipality_ids, {}, progress)
    wijk_ids = dict(Area.objects.filter(kind=Area.Kind.WIJK).values_list("code", "id"))
    _bulk_upsert_areas(buurten, Area.Kind.BUURT, municipality_ids, wijk_ids, progress)
    summary = ImportSummary(
        "wijken en buurten",
        path.name,
        rows_written=len(records),
        notes=_("%(w)s districts, %(b)s neighbourhoods") % {"w": len(wijken), "b": len(buurten)},
    )
    _record_run(summary, user)
    return summary


def _bulk_upsert_areas(records, kind, municipality_ids, wijk_ids, progress: Progress) -> None:
    objects = [
        Area(
            code=r.code,
            name=r.title,
            kind=kind,
            municipality_id=municipality_ids[r.municipality_code],
            parent_id=wijk_ids.get("WK" + r.code[2:8]) if kind == Area.Kind.BUURT else None,
        )
        for r in records
    ]
    for start in range(0, len(objects), BATCH):
        Area.objects.bulk_create(
            objects[start : start + BATCH],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["name", "kind", "municipality", "parent"],
        )
        progress(kind, min(start + BATCH, len(objects)), len(objects))


def population_load(*, file_name: str, raw: bytes, user=None) -> ImportSummary:
    """Population per municipality, province and the country per year from a StatLine
    37230ned export.

    Validates the whole file first; writes all rows in one transaction or nothing.
    Rows of former municipalities (no value for the last year) are skipped and counted: ivp
    has no list of which of today's municipalities they formed.
    """
    upload_limits.refuse_if_too_large(file_name, raw, upload_limits.national())
    records = cbs_files.statline_population(file_name, cbs_files.decode(file_name, raw))
    rows = _population_rows(file_name, records)
    if rows.problems:
        raise ImportFileError(rows.problems)
    with transaction.atomic():
        revisions.bump(revisions.FIGURES)  # bulk writes send no signal
        replaced = _replaced_population(rows.municipalities, rows.totals)
        for start in range(0, len(rows.municipalities), BATCH):
            Population.objects.bulk_create(
                rows.municipalities[start : start + BATCH],
                update_conflicts=True,
                unique_fields=["municipality", "year"],
                update_fields=["inhabitants", "source"],
            )
        RegionPopulation.objects.bulk_create(
            rows.totals,
            update_conflicts=True,
            unique_fields=["code", "year"],
            update_fields=["inhabitants", "source"],
        )
        summary = ImportSummary(
            "bevolking",
            file_name,
            rows_written=len(rows.municipalities) + len(rows.totals),
            rows_skipped=len(rows.skipped),
            notes=_former_municipalities_note(rows.skipped),
        )
        _record_run(summary, user, changes=replaced)
    return summary


@dataclass
class _PopulationRows:
    municipalities: list[Population] = field(default_factory=list)
    totals: list[RegionPopulation] = field(default_factory=list)  # the country and provinces
    skipped: list[str] = field(default_factory=list)  # former municipalities
    problems: list[ImportProblem] = field(default_factory=list)


def _population_rows(file_name: str, records: list[cbs_files.PopulationRow]) -> _PopulationRows:
    municipalities = NameIndex(list(Municipality.objects.values_list("cbs_name", "code")))
    totals = _country_and_province_index()
    ids = dict(Municipality.objects.values_list("code", "id"))
    last_year = max(max(r.values) for r in records) if records else None
    result = _PopulationRows()
    first_row_of: dict[str, int] = {}
    for record in records:
        is_total = record.name == COUNTRY_NAME or record.name.endswith(PROVINCE_SUFFIX)
        if not is_total and record.name.endswith(GROUPING_SUFFIXES):
            continue  # landsdelen, COROP areas and police units: not areas of ivp
        code = (totals if is_total else municipalities).resolve(record.name)
        if code is None:
            if not is_total and record.values.get(last_year) is None:
                result.skipped.append(record.name)  # a municipality that no longer exists
            else:
                result.problems.append(_unknown_region(file_name, record, is_total))
            continue
        if code in first_row_of:
            same = (
                _("“%(name)s” is the same region as row %(row)s.")
                if is_total
                else _("“%(name)s” is the same municipality as row %(row)s.")
            )
            result.problems.append(
                ImportProblem(
                    file_name,
                    record.row,
                    "Regio's",
                    same % {"name": record.name, "row": first_row_of[code]},
                )
            )
            continue
        first_row_of[code] = record.row
        values = [(year, value) for year, value in record.values.items() if value is not None]
        if is_total:
            result.totals += [
                RegionPopulation(code=code, year=y, inhabitants=n, source=SOURCE_37230)
                for y, n in values
            ]
        else:
            result.municipalities += [
                Population(municipality_id=ids[code], year=y, inhabitants=n, source=SOURCE_37230)
                for y, n in values
            ]
    return result


def _country_and_province_index() -> NameIndex:
    """CBS writes the provinces as 'Groningen (PV)': bare 'Groningen' is the municipality."""
    provinces = Region.objects.filter(kind=Region.Kind.PROVINCIE).values_list("name", "code")
    return NameIndex(
        [(COUNTRY_NAME, NETHERLANDS_CODE)]
        + [(name + PROVINCE_SUFFIX, code) for name, code in provinces]
    )


def _unknown_region(file_name: str, record, is_total: bool) -> ImportProblem:
    if is_total:
        message = _("“%(name)s” is not one of the twelve provinces.") % {"name": record.name}
    else:
        message = _(
            "“%(name)s” is not a current municipality (CBS name expected, e.g. “Bergen (L.)”)."
        ) % {"name": record.name}
    return ImportProblem(file_name, record.row, "Regio's", message)


def _replaced_population(
    municipalities: list[Population], totals: list[RegionPopulation]
) -> list[dict]:
    """The stored figures these rows overwrite with another value, for the audit trail."""
    codes = dict(Municipality.objects.values_list("id", "code"))
    stored = {
        (codes[m], y): n
        for m, y, n in Population.objects.values_list("municipality_id", "year", "inhabitants")
    }
    stored |= {
        (c, y): n for c, y, n in RegionPopulation.objects.values_list("code", "year", "inhabitants")
    }
    new = [(codes[o.municipality_id], o.year, o.inhabitants) for o in municipalities]
    new += [(o.code, o.year, o.inhabitants) for o in totals]
    return [
        {"code": code, "year": year, "old": old, "new": value}
        for code, year, value in new
        if (old := stored.get((code, year))) is not None and old != value
    ]


def _former_municipalities_note(names: list[str], shown: int = 8) -> str:
    if not names:
        return ""
    listed = ", ".join(names[:shown]) + (", …" if len(names) > shown else "")
    return ngettext(
        "%(n)s former municipality skipped (%(names)s)",
        "%(n)s former municipalities skipped (%(names)s)",
        len(names),
    ) % {"n": len(names), "names": listed}


def national_base_loaded() -> bool:
    """The last step of `regions_load_all` ran, so (being one transaction) all of it did."""
    return ImportRun.objects.filter(kind=KEY_FIGURES_KIND).exists()


@transaction.atomic
def key_figures_load(
    *, municipalities_and_wijken: Path, buurten: Path, year: int, user=None
) -> ImportSummary:
    revisions.bump(revisions.FIGURES)
    rows = cbs_files.kwb_key_figures(
        municipalities_and_wijken.name, cbs_files.read_text(municipalities_and_wijken)
    )
    rows += cbs_files.kwb_buurt_inhabitants(buurten.name, cbs_files.read_text(buurten))
    municipality_ids = dict(Municipality.objects.values_list("code", "id"))
    area_ids = dict(Area.objects.values_list("code", "id"))
    problems = [
        ImportProblem(
            buurten.name if r.code.startswith("BU") else municipalities_and_wijken.name,
            r.row,
            "regiocode",
            _("unknown region code %s.") % r.code,
        )
        for r in rows
        if r.municipality_code not in municipality_ids
        or (not r.code.startswith("GM") and r.code not in area_ids)
    ]
    if problems:
        raise ImportFileError(problems)
    objects = [
        KeyFigures(
            municipality_id=municipality_ids[r.municipality_code],
            area_id=None if r.code.startswith("GM") else area_ids[r.code],
            year=year,
            source=SOURCE_85984,
            **r.values,
        )
        for r in rows
    ]
    # Replace the year's figures wholesale: upsert cannot target the two partial unique indexes.
    KeyFigures.objects.filter(year=year).delete()
    KeyFigures.objects.bulk_create(objects, batch_size=BATCH)
    summary = ImportSummary(
        "kerncijfers", municipalities_and_wijken.name, rows_written=len(objects)
    )
    _record_run(summary, user)
    return summary


@transaction.atomic
def regions_load_all(*, user=None, progress: Progress = no_progress) -> list[ImportSummary]:
    """Everything under data/: the national base every municipality's work stands on.

    One transaction: a fault in any file leaves the database as it was.
    """
    summaries = [
        municipalities_load(
            metadata=data_file("politie-47013-gemeente-totaal", "metadata_47013NED_2025-12.csv"),
            provinces=data_file("politie-47018-buurt-metadata-2024", "gemeente_provincie_2024.csv"),
            user=user,
        )
    ]
    progress(_("municipalities"), 1, 1)
    summaries.append(
        areas_load(
            path=data_file("politie-47018-buurt-metadata-2024", "47018NED_WijkenEnBuurten.csv"),
            user=user,
            progress=progress,
        )
    )
    population = data_file(
        "cbs-bevolking-gemeente-2002-2025", "statline_37230_bevolking_eind_jaar_2002_2024.csv"
    )
    summaries.append(
        population_load(file_name=population.name, raw=population.read_bytes(), user=user)
    )
    progress(_("population"), 1, 1)
    summaries.append(
        key_figures_load(
            municipalities_and_wijken=data_file("cbs-kwb-2024", "kwb2024_gemeente_wijk_kern.csv"),
            buurten=data_file("cbs-kwb-2024", "kwb2024_buurt_inwoners.csv"),
            year=2024,
            user=user,
        )
    )
    progress(_("key figures"), 1, 1)
    return summaries


@transaction.atomic
def region_save(
    *,
    region: Region | None = None,
    code: str,
    name: str,
    kind: str,
    description: str = "",
    members: Iterable[Municipality],
) -> Region:
    """Create or edit a region; history records who changed what (via the request middleware)."""
    region = region or Region()
    region.code, region.name, region.kind, region.description = code, name, kind, description
    region.full_clean()
    region.save()
    region.members.set(list(members))
    return region
