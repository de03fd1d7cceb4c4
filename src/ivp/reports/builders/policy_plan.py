"""The Integraal Veiligheidsplan: frameworks, mission, vision, strategic objectives, the
veiligheidsbeeld in brief, priorities with objectives and approach, shared regional priorities,
other themes, governance, communication, formation and finances."""

from django.http import Http404

from ivp.figures import formatting as nl
from ivp.figures import presenters, safety_picture
from ivp.figures.models import Indicator
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.models import Priority
from ivp.planning.policy import ranking
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.policy.export import _lines
from ivp.planning.policy.selectors import KEY_INDICATOR

from ..document import Bullets, Chart, Document, Paragraph, Table, text_blocks
from .common import adoption_line, objective_line, plan_document


def policy_plan_for(municipality, year: int):
    """The plan whose period holds `year`: the adopted one in force, else the newest draft."""
    plan = policy_selectors.plan_in_force(municipality, year=year) or policy_selectors.current_plan(
        municipality, year=year
    )
    if plan is None:
        raise Http404(f"{municipality.name} heeft geen veiligheidsplan voor {year}.")
    return policy_selectors.plan_with_contents(plan.pk)


def build(municipality, year: int, *, plan=None) -> Document:
    plan = (
        policy_selectors.plan_with_contents(plan.pk)
        if plan
        else policy_plan_for(municipality, year)
    )
    priorities = [p for p in plan.priorities.all() if p.kind == Priority.Kind.PRIORITEIT]
    others = [p for p in plan.priorities.all() if p.kind == Priority.Kind.OVERIG]
    document = plan_document("ivp", municipality, year, plan, "de gemeenteraad")
    document.section("Inleiding").add(
        Paragraph(
            f"Dit Integraal Veiligheidsplan legt voor {plan.period} vast waar {municipality.name} "
            f"met haar partners aan werkt: {len(priorities)} prioriteiten"
            + (f" en {len(others)} andere thema's" if others else "")
            + ". Het college werkt het elk jaar uit in een uitvoeringsplan en legt daarover "
            "verantwoording af aan de raad."
        )
    )
    if plan.frameworks.all():
        document.section("Kaders").add(
            Table(
                "Kaders waarbinnen dit plan valt",
                ["Kader", "Niveau", "Periode", "Van"],
                [[f.name, f.level, f.period, f.issuer] for f in plan.frameworks.all()],
            )
        )
    if plan.mission or plan.vision:
        section = document.section("Missie en visie")
        if plan.mission:
            section.add(*text_blocks(plan.mission, prefix="Missie:"))
        if plan.vision:
            section.add(*text_blocks(plan.vision))
    if plan.strategic_objectives.strip() or plan.principles.strip():
        section = document.section("Strategische doelstellingen en uitgangspunten")
        if plan.strategic_objectives.strip():
            section.add(Bullets(_lines(plan.strategic_objectives)))
        if plan.principles.strip():
            section.add(Paragraph("Uitgangspunten:"), Bullets(_lines(plan.principles)))
    _safety_picture(document, plan)
    for number, priority in enumerate(priorities, start=1):
        _priority(document, priority, f"Prioriteit {number}: ")
    if others or (going := policy_selectors.going_concern_themes(plan)):
        section = document.section("Overige thema's")
        section.add(
            Paragraph(
                "Deze thema's krijgen geen extra inzet als prioriteit; de partners pakken ze aan "
                "in hun reguliere werk."
            )
        )
        for priority in others:
            _priority(document, priority, "", level=2)
        going = policy_selectors.going_concern_themes(plan)
        if going:
            document.section("Reguliere aanpak (going concern)", 2).add(
                Bullets([t.name for t in going])
            )
    _governance(document, plan)
    for title, text in (
        ("Communicatie", plan.communication),
        ("Formatie", plan.formation),
        ("Financiën", plan.finances),
    ):
        if text.strip():
            document.section(title).add(*text_blocks(text))
    return document


def _priority(document: Document, priority: Priority, prefix: str, level: int = 1) -> None:
    section = document.section(f"{prefix}{priority.title}", level)
    if priority.theme:
        section.add(Paragraph(f"Thema: {priority.theme.name}."))
    for text in (priority.description, priority.ambition):
        if text.strip():
            section.add(*text_blocks(text))
    shared = priority.shared
    if shared:
        section.add(
            Paragraph(
                f"Dit is een gedeelde prioriteit van {shared.region.name} ({shared.period}): "
                f"{shared.title}."
            ),
            *text_blocks(shared.description),
        )
        if shared.objectives.all():
            section.add(
                Paragraph("Regionale doelstellingen:"),
                Bullets([objective_line(o) for o in shared.objectives.all()]),
            )
        if shared.approachlines.all():
            section.add(
                Paragraph("Regionale aanpak:"),
                Bullets([line.text for line in shared.approachlines.all()]),
            )
    objectives = list(priority.objectives.all())
    if objectives:
        section.add(
            Paragraph("Lokale doelstellingen:" if shared else "Doelstellingen:"),
            Bullets([objective_line(o) for o in objectives]),
        )
    approach = [line.text for line in priority.approachlines.all()]
    if approach:
        section.add(Paragraph("Onze aanpak richt zich op:"), Bullets(approach))
    parties = [p.name for p in priority.parties.all()] or (
        [p.name for p in shared.parties.all()] if shared else []
    )
    if parties:
        section.add(Paragraph("Partijen: " + ", ".join(parties) + "."))


def _safety_picture(document: Document, plan) -> None:
    """Registered crimes per 1,000 inhabitants over the five years before the plan and the
    plan's own years so far, and the council's prioritisation when ivp holds it."""
    key = Indicator.objects.filter(code=KEY_INDICATOR).prefetch_related("themes").first()
    picture = (
        safety_picture.build(
            plan.municipality,
            indicators=[key],
            first_year=plan.start_year - 5,
            last_year=plan.end_year,
        )
        if key
        else None
    )
    item = next(iter(picture.indicators), None) if picture else None
    prioritisation = getattr(plan.cycle, "prioritisation", None) if plan.cycle_id else None
    if item is None and prioritisation is None:
        return
    section = document.section("Het veiligheidsbeeld in het kort")
    if item is not None:
        source = "; ".join(s.credit for s in item.sources)
        document.sources += [s.credit for s in item.sources]
        document.figures_date = (
            f"geregistreerde misdrijven {item.first_period} tot en met {item.last_period}."
        )
        change = item.overall_change
        if change is not None:
            word = {"stijging": "gestegen", "daling": "gedaald"}.get(
                change.verdict, "niet aantoonbaar veranderd"
            )
            section.add(
                Paragraph(
                    f"Het aantal geregistreerde misdrijven per 1.000 inwoners is van "
                    f"{change.from_period} tot {change.to_period} {word}"
                    + (f" (p {nl.p_value(change.p_value)})." if change.p_value is not None else ".")
                )
            )
        if int(item.last_period[:4]) >= plan.start_year:
            section.add(
                Paragraph(
                    f"De cijfers vanaf {plan.start_year} vallen in de planperiode zelf; die "
                    f"van de jaren daarvoor gaan aan het plan vooraf."
                    if int(item.first_period[:4]) < plan.start_year
                    else f"ivp heeft geen cijfers van vóór {plan.start_year}; de tabel toont "
                    f"de jaren van de planperiode."
                )
            )
        section.add(
            Chart(
                f"{item.indicator.name} per 1.000 inwoners, {item.first_period}–{item.last_period}",
                presenters.series_spec(item),
                Table(
                    f"{item.indicator.name} per jaar. {source}",
                    ["Jaar", "Aantal", "Per 1.000 inwoners"],
                    [
                        [p.period, nl.whole(p.value), nl.decimal(p.rate_per_1000)]
                        for p in item.series
                    ],
                    numeric=(1, 2),
                ),
            )
        )
    if prioritisation is not None and prioritisation.scores.exists():
        rows = ranking.rank(prioritisation)
        section.add(
            Table(
                "Prioritering van de thema's (scores 0–100, gewogen totaal)",
                ["Thema", "Objectief", "Subjectief", "Professioneel", "Agenda", "Totaal", "Keuze"],
                [
                    [row.name]
                    + [nl.whole(row.scores.get(c)) for c in ranking.CRITERIA]
                    + [nl.whole(row.total), "prioriteit" if row.chosen else ""]
                    for row in rows
                ],
                numeric=(1, 2, 3, 4, 5),
            )
        )


def _governance(document: Document, plan) -> None:
    section = document.section("Sturing en verantwoording")
    section.add(
        Paragraph(
            "De raad stelt dit plan vast en de prioriteiten. Het college stelt elk jaar een "
            "uitvoeringsplan vast met de acties, partijen en planning, en informeert de raad "
            "jaarlijks met een voortgangsrapportage over de uitvoering en de cijfers."
        )
    )
    cycle = plan.cycle
    members = list(cycle.work_group.all()) if cycle else []
    if members:
        section.add(
            Table(
                "De werkgroep integrale veiligheid",
                ["Rol", "Organisatie"],
                [[m.role, m.organisation] for m in members],
            )
        )
    action_plans = list(execution_selectors.action_plans_in_force(policy_plan=plan))
    if action_plans:
        section.add(
            Bullets(
                [f"{a.title} ({a.period}): {adoption_line(a, 'het college')}" for a in action_plans]
            )
        )
