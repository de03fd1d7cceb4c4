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

from ivp.planning.workflow.invariants import (
    DATE_AND_UNSTATED_MESSAGE,
    REFERENCE_AND_UNSTATED_MESSAGE,
)
from ivp.planning.workflow.locking import claim
from ivp.planning.workflow.models import Adoptable
from ivp.planning.workflow.signals import plan_adopted


class PlanAdopted(ValidationError):
    """A change to a plan that has been adopted: it changes only through a new version."""


def ensure_draft(plan: Adoptable) -> None:
    if plan.adopted:
        raise PlanAdopted(plan.adopted_refusal())


@transaction.atomic
def adopt(
    plan: Adoptable,
    *,
    adopted_on: date | None,
    adopted_by: str,
    decision_reference: str,
    adopted_on_unstated: bool = False,
    decision_reference_unstated: bool = False,
    expected_version: int | None = None,
    ready: Callable[[Adoptable], None] | None = None,
) -> Adoptable:
    """Record the decision that adopts a draft. The date and the reference are each given or
    marked as not stated in the source document (`*_unstated`). `ready(plan)` refuses a plan
    that is not ready (an IVP without priorities); `expected_version` is the version the
    decision was entered on."""
    refused = decision_errors(
        adopted_on=adopted_on,
        adopted_on_unstated=adopted_on_unstated,
        decision_reference=decision_reference,
        decision_reference_unstated=decision_reference_unstated,
    )
    if refused:
        raise ValidationError(refused)
    current = claim(plan, expected_version)
    ensure_draft(current)
    if ready is not None:
        ready(plan)
    plan.status = Adoptable.Status.VASTGESTELD
    plan.adopted_on, plan.adopted_by = adopted_on, adopted_by
    plan.decision_reference = decision_reference
    plan.adopted_on_unstated = adopted_on_unstated
    plan.decision_reference_unstated = decision_reference_unstated
    plan.full_clean()
    plan.save()
    plan_adopted.send(sender=type(plan), plan=plan)
    return plan


def decision_errors(
    *,
    adopted_on: date | None,
    adopted_on_unstated: bool,
    decision_reference: str,
    decision_reference_unstated: bool,
) -> dict[str, str]:
    """What is wrong with a decision, by field: the date and the reference are each given or
    ticked as not stated in the source document, not neither and not both."""
    errors = {}
    if adopted_on is None and not adopted_on_unstated:
        errors["adopted_on"] = _(
            "Fill in the adoption date, or tick that the source document does not state it."
        )
    elif adopted_on is not None and adopted_on_unstated:
        errors["adopted_on"] = str(DATE_AND_UNSTATED_MESSAGE)
    if not decision_reference and not decision_reference_unstated:
        errors["decision_reference"] = _(
            "Fill in the decision reference, or tick that the source document does not state it."
        )
    elif decision_reference and decision_reference_unstated:
        errors["decision_reference"] = str(REFERENCE_AND_UNSTATED_MESSAGE)
    return errors


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
    copy.adopted_on_unstated = copy.decision_reference_unstated = False
    copy.lock_version = 0
    try:
        with transaction.atomic():
            copy.save()
    except IntegrityError:
        raise newer from None
    copy_children(locked, copy)
    return copy
