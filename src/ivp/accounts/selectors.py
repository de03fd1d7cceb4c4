"""Which municipalities a user may act in, and in which role; a user's API keys."""

from django.db.models import F, Q, QuerySet

from ivp.regions.models import Municipality, Region

from .models import ApiKey, Invitation, Membership, Role


def is_beheerder(user) -> bool:
    return bool(user.is_active and user.is_superuser)


def roles_in(user, municipality: Municipality) -> set[str]:
    """The roles `user` holds for `municipality`, cached on the user for one request."""
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_ivp_roles", {})
    if municipality.pk not in cache:
        roles = set(
            Membership.objects.filter(user=user, municipality=municipality).values_list(
                "role", flat=True
            )
        )
        if Membership.objects.filter(
            user=user, role=Role.REGIOCOORDINATOR, region__members=municipality
        ).exists():
            roles.add(Role.REGIOCOORDINATOR)
        cache[municipality.pk] = roles
    return cache[municipality.pk]


def municipalities_for(user) -> QuerySet[Municipality]:
    """Every municipality the user has a role in (all of them for the administrator)."""
    if is_beheerder(user):
        return Municipality.objects.all()
    if not user.is_authenticated:
        return Municipality.objects.none()
    own = Membership.objects.filter(user=user, municipality__isnull=False).values("municipality")
    regional = Region.members.through.objects.filter(
        region__memberships__user=user, region__memberships__role=Role.REGIOCOORDINATOR
    ).values("municipality")
    return Municipality.objects.filter(Q(pk__in=own) | Q(pk__in=regional)).order_by("sort_name")


def coordinated_regions(user) -> QuerySet[Region]:
    return Region.objects.filter(memberships__user=user, memberships__role=Role.REGIOCOORDINATOR)


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("municipality", "region")


def partner_organisation_names(user, municipality) -> list[str]:
    """The organisations a ketenpartner acts for in `municipality`, as written, sorted."""
    return sorted(
        Membership.objects.filter(
            user=user, municipality=municipality, role=Role.KETENPARTNER
        ).values_list("organisation", flat=True)
    )


def partner_organisations(user, municipality) -> set[str]:
    """The organisations (casefolded) a ketenpartner acts for in `municipality`."""
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.setdefault("_ivp_organisations", {})
    if municipality.pk not in cache:
        cache[municipality.pk] = {
            name.casefold().strip()
            for name in Membership.objects.filter(
                user=user, municipality=municipality, role=Role.KETENPARTNER
            ).values_list("organisation", flat=True)
            if name.strip()
        }
    return cache[municipality.pk]


def members_of(municipality) -> QuerySet[Membership]:
    """Everyone with a role in the municipality itself (regional roles are the region's)."""
    return (
        Membership.objects.filter(municipality=municipality)
        .select_related("user")
        .order_by("role", "user__username")
    )


def invitations_of(municipality):
    """Invitations not yet accepted or withdrawn, newest first; expired ones included."""
    return Invitation.objects.open().filter(municipality=municipality).select_related("invited_by")


def api_keys_of(user):
    """A user's API keys, active ones first, newest first."""
    return all_api_keys().filter(user=user)


def all_api_keys():
    """Every user's API keys, active ones first, newest first."""
    return ApiKey.objects.select_related("user").order_by(
        F("revoked_at").desc(nulls_first=True), "-pk"
    )


def memberships_in(municipality) -> QuerySet[Membership]:
    """The roles people hold in a municipality, with their users."""
    return Membership.objects.filter(municipality=municipality).select_related("user")
