"""A policy plan as data for scripts (JSON, `format_version` 1) and as Markdown to read.

The JSON shape is `ivp.planning.policy.serializers.PlanSerializer` (the API's too), documented
in the README and kept stable: new keys may be added, none is renamed or removed without
raising `format_version`.
"""

import difflib
import json

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ivp.figures import formatting
from ivp.planning.policy.models import PolicyPlan
from ivp.planning.policy.selectors import plan_with_contents
from ivp.planning.policy.serializers import PlanSerializer
from ivp.planning.policy.serializers import text_lines as _lines  # noqa: F401  (reports' builders)


def plan_data(plan: PolicyPlan) -> dict:
    """The plan with everything in it, in the shape of `PlanSerializer` (the API's too)."""
    return PlanSerializer(plan_with_contents(plan.pk)).data


def plan_markdown(plan: PolicyPlan) -> str:
    data = plan_data(plan)
    out = [f"# {data['title']}", ""]
    status = _("adopted") if data["status"] == "vastgesteld" else _("draft")
    out.append(
        _("%(municipality)s · period %(from)s–%(to)s · version %(version)s · %(status)s")
        % {
            "municipality": data["municipality"]["name"],
            "from": data["period"]["from"],
            "to": data["period"]["to"],
            "version": data["version"],
            "status": status,
        }
    )
    if data["status"] == "vastgesteld":
        out.append(
            _("Adopted by %(by)s on %(on)s (%(decision)s).")
            % {
                "by": data["adopted"]["by"] or "—",
                "on": data["adopted"]["on"] or _("unknown date"),
                "decision": data["adopted"]["decision"] or "—",
            }
        )
    for heading, key in ((_("Mission"), "mission"), (_("Vision"), "vision")):
        if data[key]:
            out += ["", f"## {heading}", "", data[key]]
    for heading, key in (
        (_("Strategic objectives"), "strategic_objectives"),
        (_("Principles"), "principles"),
    ):
        if data[key]:
            out += ["", f"## {heading}", ""] + [f"- {line}" for line in data[key]]
    if data["frameworks"]:
        out += ["", f"## {_('Frameworks')}", ""]
        out += [f"- {f['name']} ({f['period']})" for f in data["frameworks"]]
    out += ["", f"## {pgettext('plan section', 'Priorities')}"]
    for number, priority in enumerate(data["priorities"], start=1):
        out += _priority_markdown(priority, f"{number}. ")
    if data["other_themes"] or data["going_concern"]:
        out += ["", f"## {_('Other themes (going concern)')}"]
        for priority in data["other_themes"]:
            out += _priority_markdown(priority, "")
        if data["going_concern"]:
            out += ["", ", ".join(data["going_concern"]) + "."]
    for heading, key in (
        (_("Communication"), "communication"),
        (_("Formation"), "formation"),
        (_("Finances"), "finances"),
    ):
        if data[key]:
            out += ["", f"## {heading}", "", data[key]]
    return "\n".join(out) + "\n"


def _priority_markdown(priority: dict, prefix: str) -> list[str]:
    out = ["", f"### {prefix}{priority['title']}"]
    if priority["theme"]:
        out.append(f"{_('Theme')}: {priority['theme']}")
    for key in ("description", "ambition"):
        if priority[key]:
            out += ["", priority[key]]
    shared = priority["shared"]
    if shared:
        out += [
            "",
            _("Shared priority of %(region)s (%(period)s).")
            % {"region": shared["region"]["name"], "period": shared["period"]},
        ]
        if shared["objectives"]:
            out += ["", f"{_('Shared objectives')}:"] + [
                f"- {_objective_markdown(o)}" for o in shared["objectives"]
            ]
        if shared["approach"]:
            out += ["", f"{_('Shared approach')}:"] + [f"- {line}" for line in shared["approach"]]
    if priority["objectives"]:
        label = _("Local objectives") if shared else _("Objectives")
        out += ["", f"{label}:"] + [f"- {_objective_markdown(o)}" for o in priority["objectives"]]
    if priority["approach"]:
        out += ["", f"{_('Our approach focuses on')}:"] + [
            f"- {line}" for line in priority["approach"]
        ]
    parties = priority["parties"] or (shared["parties"] if shared else [])
    if parties:
        out += ["", f"{_('Parties')}: {', '.join(parties)}"]
    return out


def _objective_markdown(objective: dict) -> str:
    text = objective["text"]
    if objective["measurable"]:
        text += " — " + _(
            "%(indicator)s: from %(baseline)s (%(baseline_year)s) to %(target)s (%(target_year)s)"
        ) % {
            "indicator": objective["indicator"],
            "baseline": formatting.value(objective["baseline"]["value"], ""),
            "baseline_year": objective["baseline"]["year"],
            "target": formatting.value(objective["target"]["value"], ""),
            "target_year": objective["target"]["year"],
        }
    elif objective["qualitative"]:
        text += f" ({_('qualitative')})"
    return text


def plan_json(plan: PolicyPlan) -> str:
    return json.dumps(plan_data(plan), ensure_ascii=False, indent=2)


def compare(older: PolicyPlan, newer: PolicyPlan) -> list[tuple[str, str]]:
    """The two versions line by line as (change, text): change is '' (same), 'removed' or
    'added', in reading order; comparing the readable text shows what a reader would see."""
    before = plan_markdown(older).splitlines()
    after = plan_markdown(newer).splitlines()
    rows = []
    for line in difflib.ndiff(before, after):
        marker, text = line[:2], line[2:]
        if marker == "? ":
            continue
        rows.append(({"- ": "removed", "+ ": "added"}.get(marker, ""), text))
    return rows
