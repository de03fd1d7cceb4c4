"""The plan check's common parts: a finding (element, message, how to mend it), its levels and
the summary line. The checks themselves live with what they check: `policy.lint` for the IVP,
`execution.lint` for an uitvoeringsplan with its IVP. Used by `ivp lint` and the plan pages."""

from collections import Counter
from dataclasses import dataclass

from django.utils.text import Truncator, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

FAULT, WARNING, INFO = "fout", "waarschuwing", "info"


@dataclass(frozen=True)
class Finding:
    level: str
    element: str
    message: str
    mend: str

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


def objective_finding(level: str, objective, message: str, mend: str) -> Finding:
    return Finding(
        level, _("Objective “%(text)s”") % {"text": short(objective.text)}, message, mend
    )
