"""Writes for a region's shared priorities and their objectives and approach."""

from django.db import transaction
from django.db.models import Max

from ivp.planning.policy.models import RegionalPriority
from ivp.planning.policy.services.plan import parties_named, replace_lines
from ivp.planning.workflow.locking import claim


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
    if shared is not None:
        claim(shared, expected_version)
    if shared is None:
        order = (region.shared_priorities.aggregate(m=Max("order"))["m"] or 0) + 1
        shared = RegionalPriority(region=region, order=order)
    shared.title, shared.theme, shared.description = title, theme, description
    shared.start_year, shared.end_year = start_year, end_year
    shared.full_clean()
    shared.save()
    shared.parties.set(parties_named(parties))
    if approach is not None:
        replace_lines(owner={"regional_priority": shared}, texts=approach)
    return shared
