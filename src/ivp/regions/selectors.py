"""Reads for municipality and region pages."""

from django.db.models import Count, Q, QuerySet

from . import neighbours as borders
from . import search
from .models import Area, KeyFigures, Municipality, Population, Region, RegionPopulation


def municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("province")


def municipality_list(*, query: str = "", province: str = "") -> QuerySet[Municipality]:
    municipalities = Municipality.objects.select_related("province")
    if query:
        municipalities = municipalities.filter(Q(name__icontains=query) | Q(code__iexact=query))
    if province:
        municipalities = municipalities.filter(province__code=province)
    return municipalities.order_by("sort_name")


def municipality_search(*, query: str = "", province: str = "") -> list[search.Hit]:
    """The list page's search: names, misspelt names and places (see `search`)."""
    municipalities = Municipality.objects.select_related("province").order_by("sort_name")
    if province:
        municipalities = municipalities.filter(province__code=province)
    return search.search(query, municipalities)


def provinces() -> QuerySet[Region]:
    return Region.objects.filter(kind=Region.Kind.PROVINCIE).order_by("name")


def population_series(municipality: Municipality) -> list[Population]:
    return list(municipality.population.order_by("year"))


def municipality_key_figures(municipality: Municipality) -> KeyFigures | None:
    return (
        KeyFigures.objects.filter(municipality=municipality, area__isnull=True)
        .order_by("-year")
        .first()
    )


def wijken_with_figures(municipality: Municipality) -> QuerySet[Area]:
    return (
        Area.objects.filter(municipality=municipality, kind=Area.Kind.WIJK)
        .annotate(buurten=Count("children"))
        .prefetch_related("key_figures")
        .order_by("code")
    )


def regions() -> QuerySet[Region]:
    return Region.objects.all()


def region_list() -> QuerySet[Region]:
    return Region.objects.annotate(member_count=Count("members")).order_by("kind", "name")


def region_population(region: Region, year: int) -> int | None:
    values = Population.objects.filter(municipality__regions=region, year=year).values_list(
        "inhabitants", flat=True
    )
    return sum(values) if values else None


# A rate per 1,000 for year Y divides by the inhabitants on 1 January of Y, which 37230ned
# gives as 31 December of Y-1: CBS's own rates per 1,000 (83648NED) do so (README, "Population").
YEARS_FROM_POPULATION_TO_RATE = 1


def first_of_january_population() -> list[tuple[str, int, int]]:
    """(code, year, inhabitants on 1 January of year) of every municipality, the provinces
    and the country; the last two as CBS publishes them, not summed from municipalities."""
    municipal = Population.objects.order_by().values_list(
        "municipality__code", "year", "inhabitants"
    )
    totals = RegionPopulation.objects.order_by().values_list("code", "year", "inhabitants")
    rows = municipal.union(totals, all=True)  # one query: a picture reads a fixed number
    return [(code, year + YEARS_FROM_POPULATION_TO_RATE, n) for code, year, n in rows]


def inhabitants_on_1_january(municipality: Municipality, years) -> dict[int, int]:
    """Per year the municipality's inhabitants on 1 January, as its rates divide by."""
    lag = YEARS_FROM_POPULATION_TO_RATE
    rows = municipality.population.filter(year__in=[y - lag for y in years])
    return {year + lag: n for year, n in rows.values_list("year", "inhabitants")}


def first_population_year(municipality: Municipality) -> int | None:
    """The first year CBS gives the municipality's population for, when that is later than
    for others: it was formed or renamed then, and CBS gives the years before under the former
    municipalities' names, which ivp cannot link to it."""
    own = municipality.population.order_by("year").values_list("year", flat=True).first()
    earliest = Population.objects.order_by("year").values_list("year", flat=True).first()
    return own if own is not None and own > earliest else None


def neighbours(municipality: Municipality) -> tuple[list[Municipality], bool]:
    """The municipalities it borders (CBS borders of 2022) and True; for a municipality formed
    after 2022, which that map lacks, the others of its province and False."""
    if borders.on_map(municipality.code):
        codes = borders.neighbours()[municipality.code]
        found = Municipality.objects.filter(code__in=codes)
    elif municipality.province_id:
        found = municipality.province.province_municipalities.exclude(pk=municipality.pk)
    else:
        return [], False
    return list(found.order_by("sort_name")), borders.on_map(municipality.code)
