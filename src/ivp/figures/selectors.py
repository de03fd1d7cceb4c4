"""Reads of figures: the known areas for the importers, and frames for the analysis."""

import polars as pl
from django.db import connection

from ivp.regions.models import Area, Municipality, Region
from ivp.regions.names import NameIndex
from ivp.regions.selectors import first_of_january_population

from .formats.common import NETHERLANDS
from .formats.geography import Geography
from .models import FiguresUpload, Indicator, Observation


def geography_from_database() -> Geography:
    municipality_of: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    for code, name, cbs_name in Municipality.objects.values_list("code", "name", "cbs_name"):
        municipality_of[code] = code
        names += [(name, code), (cbs_name, code)]
    area_names = {}
    for code, name, municipality in Area.objects.values_list(
        "code", "name", "municipality__code"
    ).iterator(chunk_size=5000):
        municipality_of[code] = municipality
        area_names[code] = name
    other = {NETHERLANDS}
    units = Region.objects.filter(
        kind__in=[Region.Kind.PROVINCIE, Region.Kind.POLITIE_EENHEID]
    ).values_list("code", "name", "kind")
    for code, name, kind in units:
        other.add(code)
        # Only the suffixed form: bare 'Utrecht' and 'Groningen' are municipalities too.
        names.append((name + (" (PV)" if kind == Region.Kind.PROVINCIE else " (RE)"), code))
    return Geography(
        municipality_of=municipality_of,
        other_codes=other,
        names=NameIndex(names),
        area_names=area_names,
    )


def frame_from_query(sql: str, params: list, schema: dict) -> pl.DataFrame:
    """Rows of a query straight into polars, without model instances."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return pl.DataFrame(rows, schema=schema, orient="row")


def observations_frame(
    *,
    indicator_ids: list[int] | None = None,
    area_codes: list[str] | None = None,
    periods: list[str] | None = None,
) -> pl.DataFrame:
    """indicator_id, area, period, value, margin, source_id, revision."""
    queryset = Observation.objects.all()
    if periods is not None:
        queryset = queryset.filter(period__in=periods)
    if indicator_ids is not None:
        queryset = queryset.filter(indicator_id__in=indicator_ids)
    if area_codes is not None:
        queryset = queryset.filter(area_code__in=area_codes)
    sql, params = queryset.values_list(
        "id", "indicator_id", "area_code", "period", "value", "margin", "source_id", "revision"
    ).query.sql_with_params()
    return frame_from_query(
        sql,
        list(params),
        {
            "id": pl.Int64,
            "indicator_id": pl.Int64,
            "area": pl.String,
            "period": pl.String,
            "value": pl.Float64,
            "margin": pl.Float64,
            "source_id": pl.Int64,
            "revision": pl.Int64,
        },
    )


def population_frame() -> pl.DataFrame:
    """Inhabitants on 1 January of `year` per area: municipalities, provinces and the country
    (the last two as CBS publishes them). A rate for a year divides by this."""
    return pl.DataFrame(
        first_of_january_population(),
        schema={"area": pl.String, "year": pl.Int64, "inhabitants": pl.Int64},
        orient="row",
    ).sort("area", "year")


def available_years(municipality: Municipality) -> list[int]:
    periods = (
        Observation.objects.filter(area_code=municipality.code)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(periods))


def municipality_names(codes: list[str]) -> list[str]:
    names = dict(Municipality.objects.filter(code__in=codes).values_list("code", "name"))
    return [names.get(code, code) for code in codes]


def theme_choices() -> list[tuple[str, str]]:
    """(code, 'field: theme') of the current Kernbeleid Veiligheid version."""
    from ivp.taxonomy.models import Theme

    themes = Theme.objects.filter(field__version__is_current=True).select_related("field")
    return [(t.code, f"{t.field.number}. {t.field.name}: {t.name}") for t in themes]


def area_choices() -> list[tuple[str, str]]:
    """The Netherlands and the provinces that have figures, as (code, name)."""
    codes = set(
        Observation.objects.filter(municipality__isnull=True)
        .values_list("area_code", flat=True)
        .distinct()
    )
    provinces = Region.objects.filter(kind=Region.Kind.PROVINCIE, code__in=codes).order_by("name")
    national = [(NETHERLANDS, "Nederland")] if NETHERLANDS in codes else []
    return national + [(p.code, p.name) for p in provinces]


def recent_uploads(limit: int = 10):
    return FiguresUpload.objects.defer("content").select_related("user")[:limit]


def uploads():
    """Uploads without their files' content, for the pages that follow one."""
    return FiguresUpload.objects.defer("content").select_related("municipality")


def own_uploads(municipality):
    return FiguresUpload.objects.filter(municipality=municipality)


def indicators_with_themes():
    return Indicator.objects.prefetch_related("themes")


def observations_of(area_code: str, *, indicator_code: str | None = None):
    """An area's observations with their indicator and source, indicator by indicator, in time."""
    rows = Observation.objects.filter(area_code=area_code).select_related("indicator", "source")
    if indicator_code:
        rows = rows.filter(indicator__code=indicator_code)
    return rows.order_by("indicator__code", "period")
