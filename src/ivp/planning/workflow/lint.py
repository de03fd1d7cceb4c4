"""The plan check's common parts: a finding (element, message, how to mend it), its levels, the
kinds like findings share, their grouping (faults first) and the summary line. The checks themselves live with what they check: `policy.lint` for the IVP,
`execution.lint` for an uitvoeringsplan with its IVP. Used by `ivp lint` and the plan pages."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.text import Truncator, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

FAULT, WARNING, INFO = "fout", "waarschuwing", "info"


@dataclass(frozen=True)
class Kind:
    """What like findings share, said once for all of them: `said` is an ngettext_lazy
    sentence keyed by "count" ("34 actions serve no objective of the plan."), `mend` what to do
    about them all."""

    key: str
    said: object
    mend: object

    def sentence(self, count: int) -> str:
        return self.said % {"count": count}


@dataclass(frozen=True)
class Finding:
    level: str
    element: str
    message: str
    mend: str
    kind: Kind | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"[{self.level}] {self.element}: {self.message} {self.mend}".strip()


def summary(findings) -> str:
    """'60 findings: 1 fault, 58 warnings and 1 note.' in the reader's language."""
    if not findings:
        return _("The check finds nothing to mend.")
    levels = Counter(f.level for f in findings)
    faults, warnings, notes = levels[FAULT], levels[WARNING], levels[INFO]
    parts = [
        ngettext("%(n)s fault", "%(n)s faults", faults) % {"n": faults} if faults else "",
        ngettext("%(n)s warning", "%(n)s warnings", warnings) % {"n": warnings} if warnings else "",
        ngettext("%(n)s note", "%(n)s notes", notes) % {"n": notes} if notes else "",
    ]
    return ngettext("One finding: %(parts)s.", "%(count)s findings: %(parts)s.", len(findings)) % {
        "count": len(findings),
        # Translators: the last join of a list, as in "a, b and c".
        "parts": get_text_list([p for p in parts if p], pgettext("list", "and")),
    }


def short(text: str) -> str:
    return Truncator(text).words(10, truncate="…")


def objective_finding(level: str, objective, message: str, mend: str, kind=None) -> Finding:
    return Finding(
        level, _("Objective “%(text)s”") % {"text": short(objective.text)}, message, mend, kind
    )


LEVEL_ORDER = {FAULT: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Group:
    """Findings of one kind: one line on the page, with the elements they concern."""

    level: str
    findings: list

    @property
    def count(self) -> int:
        return len(self.findings)

    @property
    def is_fault(self) -> bool:
        return self.level == FAULT

    @property
    def sentence(self) -> str:
        """What is the matter, said of them all ("34 actions serve no objective of the plan.");
        for one finding its own element and message."""
        first = self.findings[0]
        if self.count == 1:
            return f"{first.element}: {first.message}"
        if first.kind is None:
            return ngettext(
                "%(count)s part of the plan: %(message)s",
                "%(count)s parts of the plan: %(message)s",
                self.count,
            ) % {"count": self.count, "message": first.message}
        return first.kind.sentence(self.count)

    @property
    def mend(self) -> str:
        first = self.findings[0]
        return str(first.kind.mend) if self.count > 1 and first.kind else first.mend

    @property
    def parts(self) -> list[str]:
        """The elements concerned, with each one's own message where those differ."""
        if len({f.message for f in self.findings}) == 1:
            return [f.element for f in self.findings]
        return [f"{f.element}: {f.message}" for f in self.findings]


def grouped(findings) -> list[Group]:
    """Like findings together (their kind, else their message), faults before warnings before
    notes, the larger groups first within a level."""
    groups: dict[tuple, list] = {}
    for finding in findings:
        key = (finding.level, finding.kind.key if finding.kind else finding.message)
        groups.setdefault(key, []).append(finding)
    made = [Group(level, members) for (level, _key), members in groups.items()]
    return sorted(made, key=lambda g: (LEVEL_ORDER.get(g.level, 3), -g.count))
