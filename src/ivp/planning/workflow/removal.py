"""Removing and reordering the parts of a draft plan, one way for every kind of part.

Each kind (a priority, an objective, an action, …) is described once by a `Removable` beside
its models (`policy/removable.py`, `execution/removable.py`) and registered here; the services
and the pages ask this registry, so a new kind of part needs one entry. A removal deletes
through the ORM, so django-simple-history keeps a "-" record of every row that goes, also of
the rows that go with it; the history stays in the audit trail.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from ivp.planning.workflow.adoption import ensure_draft
from ivp.planning.workflow.locking import claim
from ivp.planning.workflow.models import Adoptable

UP, DOWN = "up", "down"


def counted(count: int, phrase: str) -> list[str]:
    """A line of what goes with a part: `phrase` is the ngettext of `count` ("%(count)s
    objectives"); none goes without a line."""
    return [phrase % {"count": count}] if count else []


def _nothing(_item) -> list[str]:
    return []


def _no_refusal(_item) -> str | None:
    return None


@dataclass(frozen=True)
class Removable:
    """How a kind of part is removed and moved.

    `plan(item)` is the plan it belongs to (ensure_draft and the permission ask it);
    `siblings(item)` the records it is ordered among by `order` (None: it is not moved);
    `goes_with(item)` says, one line each, what is removed with it ("3 objectives");
    `refusal(item)` a reason it may not be removed now (None: it may); `back_to(item)` the
    page to return to after a removal, `shown_at(item)` the place on it after a move (default
    `back_to`); `while_adopted` (a bool, or a test of the item) lets it go and move also in an
    adopted plan (progress entries and a progress report's chapters, which go on after
    adoption)."""

    model: type[models.Model]
    plan: Callable[[models.Model], Adoptable]
    back_to: Callable[[models.Model], str]
    siblings: Callable[[models.Model], models.QuerySet] | None = None
    goes_with: Callable[[models.Model], list[str]] = _nothing
    refusal: Callable[[models.Model], str | None] = _no_refusal
    while_adopted: bool | Callable[[models.Model], bool] = False
    shown_at: Callable[[models.Model], str] | None = None

    def place_of(self, item) -> str:
        return (self.shown_at or self.back_to)(item)

    def goes_on_after_adoption(self, item) -> bool:
        return self.while_adopted(item) if callable(self.while_adopted) else self.while_adopted


_KINDS: dict[type[models.Model], Removable] = {}


def register(kind: Removable) -> Removable:
    """Registering a model again replaces its entry (a module may be imported twice)."""
    _KINDS[kind.model] = kind
    return kind


def kind_of(item: models.Model) -> Removable:
    try:
        return _KINDS[type(item)]
    except KeyError:
        raise TypeError(f"{type(item).__name__} is not registered as removable") from None


def may_be_removed(item) -> str | None:
    """Why `item` cannot be removed now (its plan is adopted, or its kind refuses), or None."""
    kind = kind_of(item)
    plan = kind.plan(item)
    if plan.adopted and not kind.goes_on_after_adoption(item):
        return plan.adopted_refusal()
    return kind.refusal(item)


@transaction.atomic
def remove(item, *, expected_version: int | None = None) -> None:
    """Delete `item` and what goes with it, if its plan is a draft. `expected_version` is the
    version the confirmation was shown for: a part changed since is not removed unseen."""
    kind = kind_of(item)
    _claim_plan(kind, item)
    refusal = kind.refusal(item)
    if refusal:
        raise ValidationError(refusal)
    if hasattr(item, "lock_version"):
        claim(item, expected_version)
    try:
        item.delete()
    except models.ProtectedError as error:
        used_by = ", ".join(sorted({str(record) for record in error.protected_objects}))
        raise ValidationError(
            _("“%(item)s” is still used elsewhere (%(by)s) and is not removed.")
            % {"item": item, "by": used_by}
        ) from None


@transaction.atomic
def move(item, *, direction: str) -> None:
    """Swap `item` with its neighbour above or below among its siblings and number them 1..n;
    at the edge nothing changes."""
    if direction not in (UP, DOWN):
        raise ValueError(f"direction must be {UP!r} or {DOWN!r}, not {direction!r}")
    kind = kind_of(item)
    if kind.siblings is None:
        raise TypeError(f"{type(item).__name__} is not moved")
    _claim_plan(kind, item)
    siblings = list(kind.siblings(item).select_for_update().order_by("order", "pk"))
    here = next(i for i, sibling in enumerate(siblings) if sibling.pk == item.pk)
    there = here - 1 if direction == UP else here + 1
    if 0 <= there < len(siblings):
        siblings[here], siblings[there] = siblings[there], siblings[here]
    for order, sibling in enumerate(siblings, start=1):
        if sibling.order != order:
            sibling.order = order
            sibling.save(update_fields=["order"])


def _claim_plan(kind: Removable, item) -> None:
    """Lock the plan's row, so an adoption at the same moment waits, then check it is a draft."""
    plan = kind.plan(item)
    locked = type(plan).objects.select_for_update().get(pk=plan.pk)
    if not kind.goes_on_after_adoption(item):
        ensure_draft(locked)
