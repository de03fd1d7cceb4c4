"""The one life of an IVP and of an uitvoeringsplan, as a small state machine:

    concept ──adopt──▶ vastgesteld ──new_version──▶ a new concept (`previous` → the adopted one)

A draft changes through its services, each of which first calls `ensure_draft`. An adopted
version never changes again: a change starts a new version, a draft copy with its children.
Each step locks the plan's row and reads its state again inside the transaction, so two
adoptions of the same draft at once give one adopted plan and one refusal. What must be unique
is held by the database (`version_constraints`), not by a check that two requests could pass
at the same moment.
"""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ivp.planning.workflow.locking import claim
from ivp.planning.workflow.models import Adoptable


class PlanAdopted(ValidationError):
    """A change to a plan that has been adopted: it changes only through a new version."""


def ensure_draft(plan: Adoptable) -> None:
    if plan.adopted:
        raise PlanAdopted(plan.adopted_refusal())


@transaction.atomic
def adopt(
    plan: Adoptable,
    *,
    adopted_on: date,
    adopted_by: str,
    decision_reference: str,
    expected_version: int | None = None,
    ready: Callable[[Adoptable], None] | None = None,
) -> Adoptable:
    """Record the decision that adopts a draft. `ready(plan)` refuses a plan that is not ready
    (an IVP without priorities); `expected_version` is the version the decision was entered on."""
    current = claim(plan, expected_version)
    ensure_draft(current)
    if ready is not None:
        ready(plan)
    plan.status = Adoptable.Status.VASTGESTELD
    plan.adopted_on, plan.adopted_by = adopted_on, adopted_by
    plan.decision_reference = decision_reference
    plan.full_clean()
    plan.save()
    return plan


@transaction.atomic
def new_version(plan: Adoptable, *, copy_children: Callable[[Adoptable, Adoptable], None]):
    """A draft copy of an adopted plan; `copy_children(adopted, copy)` copies what hangs under
    it. The adopted version stays as it was, with what was reported on it."""
    locked = type(plan).objects.select_for_update().get(pk=plan.pk)
    if not locked.adopted:
        raise ValidationError(_("Only an adopted plan gets a new version; change this one."))
    newer = ValidationError(_("This plan already has a newer version."))
    if locked.next_versions.exists():
        raise newer
    copy = type(plan).objects.get(pk=plan.pk)
    copy.pk = None
    copy._state.adding = True
    copy.previous, copy.version = locked, locked.version + 1
    copy.status = Adoptable.Status.CONCEPT
    copy.adopted_on, copy.adopted_by, copy.decision_reference = None, "", ""
    copy.lock_version = 0
    try:
        with transaction.atomic():
            copy.save()
    except IntegrityError:
        raise newer from None
    copy_children(locked, copy)
    return copy
