"""A policy plan as data for scripts (JSON, `format_version` 2) and as Markdown to read.

The JSON shape is `ivp.planning.policy.serializers.PlanSerializer` (the API's too), documented
in the README and kept stable: new keys may be added, none is renamed or removed without
raising `format_version`.
"""

import difflib
import json

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from ivp.planning.policy.models import PolicyPlan
from ivp.planning.policy.selectors import plan_with_contents
from ivp.planning.policy.serializers import PlanSerializer
from ivp.planning.policy.serializers import text_lines as _lines  # noqa: F401  (reports' builders)


def plan_data(plan: PolicyPlan) -> dict:
    """The plan with everything in it, in the shape of `PlanSerializer` (the API's too)."""
    return PlanSerializer(plan_with_contents(plan.pk)).data


def _adoption(adopted: dict) -> str:
    """Who adopted the plan, and when and by which decision where known: a date or reference
    the source does not state is left out, not written as a placeholder."""
    line = _("Adopted by %(by)s") % {"by": adopted["by"] or "—"}
    if adopted["on"]:
        line += " " + _("on %(date)s") % {"date": adopted["on"]}
    if adopted["decision"]:
        line += f" ({adopted['decision']})"
    return line + "."


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
        out.append(_adoption(data["adopted"]))
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
            out += [
                "",
                _("In the regular approach") + ": " + ", ".join(data["going_concern"]) + ".",
            ]
    for context in data["regions"]:
        out += [
            "",
            f"## {_('Priorities of %(region)s') % {'region': context['region']['name']}}",
            "",
        ]
        for row in context["priorities"]:
            where = ", ".join(row["worked_on_in"]) or _("not in this plan")
            out.append(f"- {row['title']} ({row['period']}): {where}")
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
    if priority["themes"]:
        label = _("Themes") if len(priority["themes"]) > 1 else _("Theme")
        out.append(f"{label}: {', '.join(priority['themes'])}")
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
        out += _listed(
            _("Shared objectives"), [_objective_markdown(o) for o in shared["objectives"]]
        )
        out += _listed(_("Shared approach"), shared["approach"])
    for link in priority["regional_links"]:
        out += ["", _regional_link_markdown(link)]
    label = _("Local objectives") if shared else _("Objectives")
    out += _listed(label, [_objective_markdown(o) for o in priority["objectives"]])
    out += _listed(_("Our approach focuses on"), priority["approach"])
    for number, focus_area in enumerate(priority["focus_areas"], start=1):
        out += _focus_area_markdown(focus_area, number)
    parties = priority["parties"] or (shared["parties"] if shared else [])
    if parties:
        out += ["", f"{_('Parties')}: {', '.join(parties)}"]
    if priority["frameworks"]:
        out += ["", f"{_('Frameworks')}: {', '.join(priority['frameworks'])}"]
    return out


def _focus_area_markdown(focus_area: dict, number: int) -> list[str]:
    out = ["", f"#### {_('Focus area')} {number}: {focus_area['title']}"]
    if focus_area["introduction"]:
        out += ["", focus_area["introduction"]]
    for label, key in ((_("Ambition"), "ambition"), (_("Goal"), "goal"), (_("Means"), "means")):
        if focus_area[key]:
            out += ["", f"{label}: {focus_area[key]}"]
    out += _listed(_("Objectives"), [_objective_markdown(o) for o in focus_area["objectives"]])
    out += _listed(_("Our approach focuses on"), focus_area["approach"])
    if focus_area["parties"]:
        out += ["", f"{_('Parties')}: {', '.join(focus_area['parties'])}"]
    return out


def _regional_link_markdown(link: dict) -> str:
    text = _("Also works on the shared priority “%(title)s” of %(region)s (%(period)s)") % {
        "title": link["title"],
        "region": link["region"]["name"],
        "period": link["period"],
    }
    if link["focus_area"]:
        text += " " + _("in “%(focus_area)s”") % {"focus_area": link["focus_area"]}
    return text + (f": {link['contribution']}" if link["contribution"] else ".")


def _listed(label: str, items: list[str]) -> list[str]:
    return ["", f"{label}:"] + [f"- {item}" for item in items] if items else []


def _objective_markdown(objective: dict) -> str:
    if objective["aim"]:
        return f"{objective['text']} — {objective['aim']}"
    return objective["text"]


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
