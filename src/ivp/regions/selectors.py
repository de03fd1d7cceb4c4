"""Reads for municipality and region pages."""

from django.db.models import Count, Q, QuerySet

from .models import Area, KeyFigures, Municipality, Population, Region


def municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.select_related("province")


def municipality_list(*, query: str = "", province: str = "") -> QuerySet[Municipality]:
    municipalities = Municipality.objects.select_related("province")
    if query:
        municipalities = municipalities.filter(Q(name__icontains=query) | Q(code__iexact=query))
    if province:
        municipalities = municipalities.filter(province__code=province)
    return municipalities.order_by("sort_name")


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
