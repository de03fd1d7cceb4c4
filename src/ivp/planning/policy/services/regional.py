"""Writes for a region's shared priorities and their objectives and approach."""

from django.db import transaction

from ivp.planning.policy.models import RegionalPriority
from ivp.planning.policy.services.plan import save_with_parties
from ivp.planning.workflow.records import claimed_or_new


@transaction.atomic
def regional_priority_save(
    *,
    region,
    shared: RegionalPriority | None = None,
    title: str,
    start_year: int,
    end_year: int,
    theme=None,
    description: str = "",
    parties: list[str] = (),
    approach: list[str] | None = None,
    expected_version: int | None = None,
) -> RegionalPriority:
    shared = claimed_or_new(
        shared, expected_version, siblings=region.shared_priorities.all(), region=region
    )
    shared.title, shared.theme, shared.description = title, theme, description
    shared.start_year, shared.end_year = start_year, end_year
    save_with_parties(shared, parties=parties, approach=approach, owner_field="regional_priority")
    return shared
