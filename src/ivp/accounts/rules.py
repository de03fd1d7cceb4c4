"""Who may do what, per municipality (DESIGN.md §5), as `rules` predicates and permissions.

Every view and API endpoint asks one of these permissions; the authorisation matrix test
walks the URL configuration to prove it.
"""

import rules

from .models import Role
from .selectors import coordinated_regions, roles_in


def _has_role(*roles):
    @rules.predicate
    def predicate(user, municipality):
        return municipality is not None and bool(roles_in(user, municipality) & set(roles))

    predicate.name = "has_role_" + "_".join(roles)
    return predicate


is_beheerder = rules.is_superuser
is_coordinator_of = _has_role(Role.COORDINATOR)
# Raad / college read only what is published (DESIGN.md §5), so they are not in here.
works_on_preparation_in = _has_role(Role.COORDINATOR, Role.KETENPARTNER, Role.REGIOCOORDINATOR)
is_viewer_of = _has_role(Role.VIEWER)


@rules.predicate
def is_any_coordinator(user):
    return user.is_authenticated and user.memberships.filter(role=Role.COORDINATOR).exists()


@rules.predicate
def coordinates_region(user, region):
    return (
        user.is_authenticated
        and region is not None
        and coordinated_regions(user).filter(pk=region.pk).exists()
    )


@rules.predicate
def coordinates_member_of_partnership(user, region):
    return (
        user.is_authenticated
        and region is not None
        and region.kind == "samenwerkingsverband"
        and user.memberships.filter(role=Role.COORDINATOR, municipality__regions=region).exists()
    )


@rules.predicate
def region_has_regiocoordinator(user, region):
    return region is not None and region.memberships.filter(role=Role.REGIOCOORDINATOR).exists()


# The workspace of a municipality: everything in preparation for its cycle.
rules.add_perm("regions.view_workspace", is_beheerder | works_on_preparation_in)
# The history of changes made for a municipality.
rules.add_perm("accounts.view_audit", is_beheerder | is_coordinator_of)
# A municipality's own names, additions and hidden themes.
rules.add_perm("taxonomy.change_municipal_themes", is_beheerder | is_coordinator_of)
# Regions: official ones (provinces, police units) are the administrator's; a coordinator
# records partnerships of their own municipality; a regional coordinator keeps their region.
rules.add_perm("regions.add_region", is_beheerder | is_any_coordinator)
rules.add_perm(
    "regions.change_region", is_beheerder | coordinates_region | coordinates_member_of_partnership
)
# Members decide whose work a regiocoördinator may read: once a region has one, only the
# beheerder changes its members; before that, the partners' own coordinators may.
rules.add_perm(
    "regions.change_region_members",
    is_beheerder | (coordinates_member_of_partnership & ~region_has_regiocoordinator),
)
rules.add_perm("regions.import_population", is_beheerder)
# Official police and CBS tables hold every municipality's figures: the administrator loads them.
rules.add_perm("figures.import_figures", is_beheerder)
# A municipality's own registrations and survey results: its coordinator.
rules.add_perm("figures.import_own_figures", is_beheerder | is_coordinator_of)


@rules.predicate
def may_follow_upload(user, upload):
    """The import page of an upload: the beheerder, or the coordinator of its municipality."""
    return (
        upload is not None
        and upload.municipality_id is not None
        and is_coordinator_of(user, upload.municipality)
    )


rules.add_perm("figures.view_upload", is_beheerder | may_follow_upload)
