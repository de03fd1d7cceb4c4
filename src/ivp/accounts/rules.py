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
def coordinates_region(user, region):
    return (
        user.is_authenticated
        and region is not None
        and coordinated_regions(user).filter(pk=region.pk).exists()
    )


# The workspace of a municipality: everything in preparation for its cycle.
rules.add_perm("regions.view_workspace", is_beheerder | works_on_preparation_in)
# The history of changes made for a municipality.
rules.add_perm("accounts.view_audit", is_beheerder | is_coordinator_of)
# Who works for a municipality: its coordinator invites partners and council members and ends
# their roles (never a coordinator's: that stays with the beheerder).
rules.add_perm("accounts.manage_members", is_beheerder | is_coordinator_of)
# A municipality's own names, additions and hidden themes.
rules.add_perm("taxonomy.change_municipal_themes", is_beheerder | is_coordinator_of)
# Regions: the beheerder records them (a partnership too) and decides their members, since
# members decide whose work a regiocoördinator may read; a region's own regiocoördinator keeps
# its name, code and description. A coordinator of a member municipality changes nothing of it.
# Revoking anyone's API key, e.g. of a script that leaked or a partner that left.
rules.add_perm("accounts.manage_api_keys", is_beheerder)
rules.add_perm("regions.add_region", is_beheerder)
rules.add_perm("regions.change_region", is_beheerder | coordinates_region)
rules.add_perm("regions.change_region_members", is_beheerder)
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
