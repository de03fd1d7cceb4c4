"""Who may read and make which document: the same people who may read what it is made of.

A file is judged by the exact plan version it was made from, and a file made from a draft stays
with those preparing the plan even after that version is adopted (its text may have changed)."""

from dataclasses import dataclass, field

import rules

from ivp.accounts.rules import (
    is_beheerder,
    is_coordinator_of,
    is_viewer_of,
    works_on_preparation_in,
)
from ivp.planning.execution.address import PlanAddress, plan_address
from ivp.reports.document import IVP_KINDS, PLAN_KINDS

# The analysis is of public figures; the chapters written for it belong to the IVP it founds.
READ_PERMS = {kind: "planning.view_plan" for kind in (*IVP_KINDS, "analyse")}


@dataclass(frozen=True)
class DocumentSubject:
    """What a document is about: a kind, a municipality and a year (and for an uitvoeringsplan
    of one priority or speerpunt, its scope)."""

    municipality: object
    kind: str
    year: int
    scope: str = ""
    # found once per reader: a page asks for it with every permission it checks
    _sources: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def address(self) -> str:
        return plan_address(self.year, self.scope)

    def source_for(self, user):
        """The plan version this user reads the document of (for the analysis: the IVP starting
        in its year, whose chapters were written for it), or None when there is nothing this
        user may read (the analysis is then of the figures alone)."""
        reader = getattr(user, "pk", None)
        if reader not in self._sources:
            self._sources[reader] = self._find_source(user)
        return self._sources[reader]

    def _find_source(self, user):
        from ivp.planning.execution import selectors as execution_selectors
        from ivp.planning.policy import selectors as policy_selectors

        if self.kind == "analyse":
            plan = policy_selectors.plan_for_reader(user, self.municipality, self.year)
            return plan if plan is not None and plan.start_year == self.year else None
        if self.kind in IVP_KINDS:
            return policy_selectors.plan_for_reader(user, self.municipality, self.year)
        return execution_selectors.action_plan_for_reader(
            user, self.municipality, PlanAddress(self.year, self.scope)
        )


def _may_read_source(user, kind: str, source) -> bool:
    if not user.has_perm(READ_PERMS.get(kind, "planning.view_action_plan"), source):
        return False
    # The progress report carries partners' notes: it goes to the council, not to everyone.
    return kind != "voortgang" or bool(
        is_beheerder(user)
        or works_on_preparation_in(user, source.municipality)
        or is_viewer_of(user, source.municipality)
    )


@rules.predicate
def may_read_subject(user, subject):
    if subject is None:
        return False
    if subject.kind == "analyse":
        return True  # public figures
    source = subject.source_for(user)
    return source is not None and _may_read_source(user, subject.kind, source)


@rules.predicate
def is_signed_in(user):
    return user.is_authenticated


@rules.predicate
def may_read_file(user, record):
    """A made file, judged on the version it was made from."""
    if record is None:
        return False
    source = record.source
    if record.kind == "analyse" and source is None:
        return True
    if source is None or record.from_draft:
        return is_beheerder(user) or works_on_preparation_in(user, record.municipality)
    return _may_read_source(user, record.kind, source)


@rules.predicate
def may_write_subject(user, subject):
    """Its chapters are written by whoever may change the plan it is about."""
    if subject is None:
        return False
    source = subject.source_for(user)
    perm = "planning.change_action_plan" if subject.kind in PLAN_KINDS else "planning.change_plan"
    return source is not None and user.has_perm(perm, source)


rules.add_perm("reports.view_document", may_read_subject)
rules.add_perm("reports.change_document", may_write_subject)
# Making one in the background costs the server work: signed-in readers only.
rules.add_perm("reports.generate_document", is_signed_in & may_read_subject)
rules.add_perm("reports.download_document", is_signed_in & (is_beheerder | may_read_file))
rules.add_perm("reports.change_house_style", is_beheerder | is_coordinator_of)
