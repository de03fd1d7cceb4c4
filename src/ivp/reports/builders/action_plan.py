"""The Uitvoeringsplan: per theme the objectives, the look-back and the actions table in the
layout municipalities use, with totals per theme and per party."""

from django.http import Http404

from ivp.common import charts
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress
from ivp.planning.execution.export import party_totals, themes_with_actions
from ivp.planning.execution.export import totals as totals_of
from ivp.planning.models import ActionPlan

from ..document import Bullets, Chart, Document, Paragraph, Table, text_blocks
from .chapters import assemble, block_key, outline_of, placed_blocks
from .common import actions_table, amount, filled_columns, objective_line, plan_document


def action_plan_for(municipality, year: int) -> ActionPlan:
    """The uitvoeringsplan starting in (else the only one covering) `year`: its newest version."""
    try:
        return execution_selectors.action_plan_addressed(municipality, PlanAddress(year))
    except execution_selectors.NoSuchActionPlan as error:
        raise Http404(str(error)) from None


def contents(plan: ActionPlan) -> tuple[list, dict]:
    """Its themes each with their actions, and which optional columns the actions fill."""
    themes = [(theme, list(theme.actions.all())) for theme in themes_with_actions(plan)]
    return themes, filled_columns([a for _, acts in themes for a in acts])


def build(municipality, year: int, *, plan: ActionPlan | None = None) -> Document:
    plan = plan or action_plan_for(municipality, year)
    themes, columns = contents(plan)
    document = plan_document(
        "uitvoeringsplan",
        municipality,
        year,
        plan,
        "het college",
        recorded_by=", opgesteld door de gemeente en haar partners",
        sources=(
            f"{plan.policy_plan.title} ({plan.policy_plan.period}): de prioriteiten en "
            "doelstellingen.",
        ),
        figures_date="Stand van de acties op de datum van aanmaak.",
    )
    outline = outline_of(plan, "uitvoeringsplan")
    assemble(document, outline, blocks(plan, themes, columns, placed=placed_blocks(outline)))
    return document


def theme_blocks(themes) -> dict[str, str]:
    """The generated parts about one theme a coordinator may place in a chapter of its own."""
    found = {}
    for theme in themes:
        found[block_key("thema", theme.title)] = (
            f"Thema {theme.title}: inleiding, doelstellingen, terugblik en acties"
        )
        found[block_key("acties", theme.title)] = f"De acties van thema {theme.title} (tabel)"
    return found


def blocks(plan: ActionPlan, themes: list, columns: dict, placed: frozenset = frozenset()) -> dict:
    """The generated parts a chapter of the uitvoeringsplan may hold: the whole plan's, and
    each theme's. A theme (or its actions) placed in a chapter of its own is not repeated
    among all themes."""
    actions = [a for _, acts in themes for a in acts]
    marks = _marks(themes)

    def plan_facts(document, section):
        priorities = sum(1 for theme, _ in themes if _is_priority(theme))
        section.add(
            Paragraph(
                f"Dit uitvoeringsplan werkt het {plan.policy_plan.title} uit voor {plan.period}. "
                f"Het telt {len(actions)} acties in {len(themes)} thema's, waarvan {priorities} "
                "prioriteiten van de raad." + money_sentence(totals_of(actions), columns)
            ),
            _overview_chart(themes, with_budget=columns["budget"]),
        )

    def all_themes(document, section):
        for mark, (theme, theme_actions) in zip(marks, themes, strict=True):
            if block_key("thema", theme.title) in placed:
                continue
            own = document.section(f"{mark}. {theme.title}", section.level + 1)
            with_actions = block_key("acties", theme.title) not in placed
            _theme(document, own, plan, theme, theme_actions if with_actions else [], columns)

    def one_theme(theme, theme_actions):
        return lambda document, section: _theme(
            document, section, plan, theme, theme_actions, columns
        )

    def its_actions(theme, theme_actions):
        return lambda document, section: section.add(
            actions_table(f"Acties {plan.period}: {theme.title}", theme_actions, columns)
            if theme_actions
            else None
        )

    found = {
        "plan_facts": plan_facts,
        "themes": all_themes,
        "party_totals": lambda document, section: section.add(_party_table(actions, columns)),
    }
    for theme, theme_actions in themes:
        found[block_key("thema", theme.title)] = one_theme(theme, theme_actions)
        found[block_key("acties", theme.title)] = its_actions(theme, theme_actions)
    return found


def _is_priority(theme) -> bool:
    return theme.priority.kind == "prioriteit"


def _marks(themes) -> list[str]:
    """Priorities numbered 1, 2, 3; the other themes lettered A, B, C (as municipalities do)."""
    numbers = iter(range(1, len(themes) + 1))
    letters = iter("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return [
        str(next(numbers)) if _is_priority(theme) else next(letters, "·") for theme, _ in themes
    ]


def _theme(document, section, plan, theme, theme_actions, columns) -> None:
    """A theme in `section`: its introduction, then its objectives, look-back and actions one
    level deeper."""
    level = section.level
    section.add(*text_blocks(theme.introduction, written_in=document))
    if theme.objectives:
        document.section("Doelstellingen", level + 1).add(
            Bullets([objective_line(o) for o in theme.objectives])
        )
    if theme.lookback.strip():
        document.section(f"Terugblik {plan.start_year - 1}", level + 1).add(
            *text_blocks(theme.lookback, written_in=document)
        )
    if theme_actions:
        document.section(f"Acties {plan.period}", level + 1).add(
            actions_table(f"Acties {plan.period}: {theme.title}", theme_actions, columns)
        )


def money_sentence(sums: dict, columns: dict) -> str:
    parts = []
    if columns["budget"]:
        parts.append(f"{amount(sums['budget'])} euro")
    if columns["hours"]:
        parts.append(f"{sums['hours']} uur")
    if not parts:
        return ""
    return f" Begroot bij de acties die het invulden: {' en '.join(parts)}."


def _overview_chart(themes, *, with_budget: bool) -> Chart:
    rows = [
        [theme.title, str(len(acts))] + ([amount(totals_of(acts)["budget"])] if with_budget else [])
        for theme, acts in themes
    ]
    table = Table(
        "Acties" + (" en budget" if with_budget else "") + " per thema in cijfers",
        ["Thema", "Acties"] + (["Budget (€)"] if with_budget else []),
        rows,
        numeric=(1, 2),
    )
    points = [{"name": theme.title, "value": len(acts)} for theme, acts in themes]
    spec = charts.comparison_chart(points, x_title="Aantal acties", highlight="")
    return Chart("Aantal acties per thema", spec, table)


def _party_table(actions, columns: dict) -> Table:
    money = [("budget", "Budget (€)"), ("hours", "Uren")]
    shown = [(key, title) for key, title in money if columns[key]]
    rows = [
        [name, str(t["count"])]
        + [amount(t["budget"]) if key == "budget" else str(t["hours"]) for key, _ in shown]
        for name, t in party_totals([actions])
    ]
    return Table(
        "Acties per partij (een actie telt bij elke partij die eraan meedoet)",
        ["Partij", "Acties"] + [title for _, title in shown],
        rows,
        numeric=tuple(range(1, 2 + len(shown))),
    )
