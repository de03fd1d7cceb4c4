"""Reads for municipality and region pages."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

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


def region_list() -> QuerySet[Region]:
    return Region.objects.annotate(member_count=Count("members")).order_by("kind", "name")


def region_population(region: Region, year: int) -> int | None:
    values = Population.objects.filter(municipality__regions=region, year=year).values_list(
        "inhabitants", flat=True
    )
    return sum(values) if values else None


def municipality_from_code(request, code: str, **kwargs) -> Municipality:
    """The municipality a URL names (404 if none), looked up once per request.

    The permission check and the view both need it; the first call caches it on the request.
    """
    cached = getattr(request, "_ivp_municipality", None)
    if cached is None or cached.code != code.upper():
        cached = request._ivp_municipality = get_object_or_404(
            Municipality.objects.select_related("province"), code=code.upper()
        )
    return cached


def region_from_code(request, region: str, **kwargs) -> Region:
    """The region a URL names (404 if none), looked up once per request."""
    cached = getattr(request, "_ivp_region", None)
    if cached is None or cached.code != region:
        cached = request._ivp_region = get_object_or_404(Region, code=region)
    return cached
