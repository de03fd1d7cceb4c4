"""Who may do what on the policy side (DESIGN.md §5)."""

import rules

from ivp.accounts.models import Role
from ivp.accounts.rules import (
    coordinates_region,
    is_beheerder,
    is_coordinator_of,
    works_on_preparation_in,
)
from ivp.accounts.selectors import partner_organisations


# A plan and an action plan (uitvoeringsplan) are read and changed by the same rules.
@rules.predicate
def plan_is_published(user, plan):
    return plan is not None and plan.adopted


@rules.predicate
def prepares_plan(user, plan):
    return plan is not None and works_on_preparation_in(user, plan.municipality)


@rules.predicate
def coordinates_plan(user, plan):
    return plan is not None and is_coordinator_of(user, plan.municipality)


@rules.predicate
def coordinates_a_member(user, region):
    return (
        user.is_authenticated
        and region is not None
        and user.memberships.filter(role=Role.COORDINATOR, municipality__regions=region).exists()
    )


# The cycle and the prioritisation of a municipality: work in preparation.
rules.add_perm("planning.view_cycle", is_beheerder | works_on_preparation_in)
rules.add_perm("planning.change_cycle", is_beheerder | is_coordinator_of)
# A plan: public once adopted (open government), before that for those who prepare it.
rules.add_perm("planning.view_plan", is_beheerder | plan_is_published | prepares_plan)
rules.add_perm("planning.change_plan", is_beheerder | coordinates_plan)
# A region's shared priorities: its regiocoördinator keeps them; member coordinators read
# them to adopt them; the side-by-side view of members' plans is the regiocoördinator's.
rules.add_perm("planning.change_shared_priorities", is_beheerder | coordinates_region)
rules.add_perm(
    "planning.view_shared_priorities", is_beheerder | coordinates_region | coordinates_a_member
)
rules.add_perm("planning.view_region_members", is_beheerder | coordinates_region)


# An uitvoeringsplan: public once the college adopted it, before that for those preparing it.
rules.add_perm("planning.view_action_plan", is_beheerder | plan_is_published | prepares_plan)
rules.add_perm("planning.change_action_plan", is_beheerder | coordinates_plan)


@rules.predicate
def is_party_to(user, action):
    """A ketenpartner whose organisation is one of the action's parties."""
    if action is None:
        return False
    municipality = action.theme.action_plan.municipality
    mine = partner_organisations(user, municipality)
    return bool(mine) and any(p.name.casefold().strip() in mine for p in action.ordered_parties)


@rules.predicate
def coordinates_action(user, action):
    return action is not None and is_coordinator_of(user, action.theme.action_plan.municipality)


# Progress on an action: the coordinator, or a partner of a party on it — and nothing else.
rules.add_perm("planning.update_progress", is_beheerder | coordinates_action | is_party_to)
# Its updates and notes are read by the same people, on the page and through the API alike.
rules.add_perm("planning.view_progress", is_beheerder | coordinates_action | is_party_to)


@rules.predicate
def reported_it(user, update):
    """The person who reported this update, while they still report on its action."""
    return (
        update is not None
        and update.user_id is not None
        and update.user_id == user.pk
        and user.has_perm("planning.update_progress", update.action)
    )


@rules.predicate
def coordinates_update(user, update):
    return update is not None and coordinates_action(user, update.action)


# Taking a progress update back: who reported it, or the municipality's coordinator.
rules.add_perm("planning.delete_progress", is_beheerder | coordinates_update | reported_it)


@rules.predicate
def has_partner_role_for_action_plan(user, action_plan):
    return action_plan is not None and bool(partner_organisations(user, action_plan.municipality))


# Uploading progress for an uitvoeringsplan: who may report on at least some of its actions
# (each row is checked against planning.update_progress).
rules.add_perm(
    "planning.upload_progress",
    is_beheerder | coordinates_plan | has_partner_role_for_action_plan,
)


@rules.predicate
def dashboard_is_published(user, action_plan):
    """Published, and of an adopted version: a published dashboard never shows a draft."""
    return action_plan is not None and action_plan.dashboard_published and action_plan.adopted


# The dashboard: public once published (raad, college and residents read it), before that
# for those preparing the plan.
rules.add_perm("planning.view_dashboard", is_beheerder | dashboard_is_published | prepares_plan)


# The party register of a municipality: read by who prepares its plans, kept by its coordinator.
rules.add_perm("planning.view_parties", is_beheerder | works_on_preparation_in)
rules.add_perm("planning.change_parties", is_beheerder | is_coordinator_of)


@rules.predicate
def reads_its_plan(user, action):
    return action is not None and user.has_perm(
        "planning.view_action_plan", action.theme.action_plan
    )


# An action's comment thread: read and written by who may read its plan and is the
# municipality's coordinator or a partner of a party on it.
rules.add_perm(
    "planning.comment_action",
    is_beheerder | (reads_its_plan & (coordinates_action | is_party_to)),
)
