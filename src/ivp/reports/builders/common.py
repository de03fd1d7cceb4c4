"""What the builders share: how adoption, money, objectives and actions read in a document."""

from django.utils.formats import date_format

from ivp.figures import formatting as nl
from ivp.planning.execution.export import totals
from ivp.planning.models import Objective
from ivp.planning.policy import objective_text

from ..document import Document, Table, with_line_breaks

STATUS_WORDS = dict(
    gepland="gepland", lopend="lopend", afgerond="afgerond", vertraagd="vertraagd",
    geschrapt="geschrapt",
)  # fmt: skip


def day(value) -> str:
    return date_format(value, "j F Y") if value else "—"


def adoption_line(plan, body: str) -> str:
    """'Vastgesteld door de gemeenteraad op 14 maart 2023 (besluit …), versie 1' or a draft. A
    date or reference that the source document does not state is left out, never a placeholder."""
    if not plan.adopted:
        return f"Concept, versie {plan.version}: nog niet vastgesteld door {body}."
    parts = [f"Vastgesteld door {plan.adopted_by or body}"]
    if plan.adopted_on:
        parts.append(f"op {day(plan.adopted_on)}")
    if plan.decision_reference:
        parts.append(f"(besluit {plan.decision_reference})")
    return " ".join(parts) + f", versie {plan.version}."


def plan_document(
    kind: str,
    municipality,
    year: int,
    plan,
    body: str,
    *,
    recorded_by: str = "",
    sources: tuple[str, ...] = (),
    **fields,
) -> Document:
    """A document about one plan (an IVP or an uitvoeringsplan): its title, period, adoption
    by `body` and its version as the first source."""
    return Document.about(
        kind,
        municipality,
        year,
        title=plan.title,
        scope=getattr(plan, "scope", ""),
        subtitle=f"Gemeente {municipality.name} · {plan.period}",
        status=adoption_line(plan, body),
        sources=[
            f"{plan.title}, versie {plan.version} ({plan.get_status_display()}){recorded_by}.",
            *sources,
        ],
        **fields,
    )


def euro(value) -> str:
    return "—" if value is None else "€ " + nl.decimal(float(value), 2)


def amount(value) -> str:
    """An amount in a column headed '(€)'."""
    return "—" if value is None else nl.decimal(float(value), 2)


def objective_line(objective: Objective) -> str:
    """The objective and what it aims at; a qualitative one is its text alone."""
    aim = objective_text.aim(objective)
    text = with_line_breaks(objective.text)
    return f"{text} ({aim})" if aim else text


def filled_columns(actions) -> dict[str, bool]:
    """Owner, budget and hours are columns only when some action has them (as in practice)."""
    return {
        "owner": any(a.owner for a in actions),
        "budget": any(a.budget is not None for a in actions),
        "hours": any(a.hours is not None for a in actions),
    }


def actions_table(caption: str, actions, columns: dict[str, bool], *, status=False) -> Table:
    """Item / Maatregelen-activiteiten / Partijen / Planning, then what is filled."""
    header = ["Item", "Maatregelen/activiteiten", "Partijen", "Planning"]
    extra = [name for name in ("owner", "budget", "hours") if columns[name]]
    header += [{"owner": "Trekker", "budget": "Budget (€)", "hours": "Uren"}[n] for n in extra]
    if status:
        header.append("Status")
    rows = []
    for action in actions:
        row = [
            action.item,
            with_line_breaks(action.description),
            ", ".join(action.party_names) or "—",
            action.planning_text or "—",
        ]
        for name in extra:
            row.append(
                action.owner or "—"
                if name == "owner"
                else amount(action.budget)
                if name == "budget"
                else ("—" if action.hours is None else nl.whole(action.hours))
            )
        if status:
            row.append(STATUS_WORDS[action.status])
        rows.append(row)
    sums = totals(list(actions))
    footer = [f"Totaal, {sums['count']} {'actie' if sums['count'] == 1 else 'acties'}", "", "", ""]
    for name in extra:
        footer.append(
            ""
            if name == "owner"
            else amount(sums["budget"])
            if name == "budget"
            else nl.whole(sums["hours"])
        )
    if status:
        footer.append("")
    numeric = tuple(4 + i for i, name in enumerate(extra) if name in ("budget", "hours"))
    widths = (
        (5, 8, 5, 3) + tuple(3 if n == "owner" else 2 for n in extra) + ((2,) if status else ())
    )
    return Table(caption, header, rows, [footer], numeric=numeric, widths=widths)
