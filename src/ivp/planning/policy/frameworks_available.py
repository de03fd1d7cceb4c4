"""Which frameworks a municipality's plans may name: the national ones, those of the regions it
belongs to, its own, and any its plans already name (a region whose members ivp does not know
yet must not make a plan lose a framework on its next edit). Another municipality's coalition
agreement is never offered."""

from django.db.models import Q

from ivp.planning.policy.models import Framework, PolicyPlan


def frameworks_available(
    municipality, *, start_year: int | None = None, end_year: int | None = None
):
    """In the order a plan lists them (national to local); overlapping the years, if given."""
    found = Framework.objects.filter(
        Q(level=Framework.Level.LANDELIJK, municipality=None, region=None)
        | Q(region__in=municipality.regions.values("pk"), municipality=None)
        | Q(municipality=municipality)
        | Q(pk__in=_named_by_plans_of(municipality))
    )
    if start_year is not None:
        found = found.filter(end_year__gte=start_year)
    if end_year is not None:
        found = found.filter(start_year__lte=end_year)
    return found


def _named_by_plans_of(municipality):
    return PolicyPlan.frameworks.through.objects.filter(
        policyplan__municipality=municipality
    ).values("framework_id")


def frameworks_of_region(region):
    """The frameworks a region keeps itself (every member's plans are offered them)."""
    return Framework.objects.filter(region=region, municipality=None).prefetch_related("themes")
