"""Who may read and make which document: the same people who may read what it is made of."""

from dataclasses import dataclass

import rules
from django.http import Http404

from ivp.accounts.rules import is_beheerder, is_coordinator_of


@dataclass(frozen=True)
class DocumentSubject:
    """What a document is about: a kind, a municipality and a year."""

    municipality: object
    kind: str
    year: int

    def source(self):
        """The plan the document is made of (None for the analysis of public figures)."""
        from .builders.action_plan import action_plan_for
        from .builders.policy_plan import policy_plan_for

        if self.kind == "analyse":
            return None
        try:
            if self.kind == "ivp":
                return policy_plan_for(self.municipality, self.year)
            return action_plan_for(self.municipality, self.year)
        except Http404:
            return None


@rules.predicate
def may_read_subject(user, subject):
    if subject is None:
        return False
    if subject.kind == "analyse":
        return True  # public figures
    source = subject.source()
    if source is None:
        return False
    perm = "planning.view_plan" if subject.kind == "ivp" else "planning.view_action_plan"
    return user.has_perm(perm, source)


@rules.predicate
def is_signed_in(user):
    return user.is_authenticated


@rules.predicate
def requested_it_or_may_read(user, record):
    if record is None:
        return False
    subject = DocumentSubject(record.municipality, record.kind, record.year)
    return record.requested_by_id == user.pk or may_read_subject(user, subject)


rules.add_perm("reports.view_document", may_read_subject)
# Making one in the background costs the server work: signed-in readers only.
rules.add_perm("reports.generate_document", is_signed_in & may_read_subject)
rules.add_perm("reports.download_document", is_signed_in & requested_it_or_may_read)
rules.add_perm("reports.change_house_style", is_beheerder | is_coordinator_of)
