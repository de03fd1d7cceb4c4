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
    going = policy_selectors.going_concern_themes(plan)
    if others or going:
        section = document.section("Overige thema's")
        section.add(
            Paragraph(
                "Deze thema's krijgen geen extra inzet als prioriteit; de partners pakken ze aan "
                "in hun reguliere werk."
            )
        )
        for priority in others:
            _priority(document, priority, "", level=2)
        if going:
            document.section("Reguliere aanpak (going concern)", 2).add(
                Bullets([t.name for t in going])
            )
    _regions(document, plan)
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
    themes = [t.name for t in priority.themes]
    if themes:
        section.add(
            Paragraph(("Thema's: " if len(themes) > 1 else "Thema: ") + ", ".join(themes) + ".")
        )
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
        _listed(
            section,
            "Regionale doelstellingen:",
            [objective_line(o) for o in shared.objectives.all()],
        )
        _listed(section, "Regionale aanpak:", [line.text for line in shared.approachlines.all()])
    links = list(priority.regional_links.all())
    if links:
        section.add(
            Paragraph("Binnen deze prioriteit werken we ook aan regionale prioriteiten:"),
            Bullets([_link_line(link) for link in links]),
        )
    _listed(
        section,
        "Lokale doelstellingen:" if shared else "Doelstellingen:",
        [objective_line(o) for o in priority.own_objectives],
    )
    _listed(section, "Onze aanpak richt zich op:", [line.text for line in priority.own_lines])
    parties = priority.party_names or (shared.party_names if shared else [])
    if parties:
        section.add(Paragraph("Partijen: " + ", ".join(parties) + "."))
    frameworks = [f.name for f in priority.frameworks.all()]
    if frameworks:
        section.add(Paragraph("Kaders: " + ", ".join(frameworks) + "."))
    for number, focus_area in enumerate(priority.focus_areas.all(), start=1):
        _focus_area(document, focus_area, number, level + 1)


def _focus_area(document: Document, focus_area, number: int, level: int) -> None:
    section = document.section(f"Speerpunt {number}: {focus_area.title}", level)
    section.add(*text_blocks(focus_area.introduction))
    for label, text in (
        ("Ambitie:", focus_area.ambition),
        ("Doel:", focus_area.goal),
        ("Middelen:", focus_area.means),
    ):
        if text.strip():
            section.add(*text_blocks(text, prefix=label))
    _listed(section, "Doelstellingen:", [objective_line(o) for o in focus_area.objectives.all()])
    _listed(
        section,
        "Onze aanpak richt zich op:",
        [line.text for line in focus_area.approachlines.all()],
    )
    parties = focus_area.party_names
    if parties:
        section.add(Paragraph("Partijen: " + ", ".join(parties) + "."))


def _listed(section, label: str, items: list[str]) -> None:
    if items:
        section.add(Paragraph(label), Bullets(items))


def _link_line(link) -> str:
    shared = link.regional_priority
    text = f"{shared.title} ({shared.region.name}, {shared.period})"
    if link.focus_area_id:
        text += f", in speerpunt {link.focus_area.title}"
    return text + (f": {link.contribution}" if link.contribution.strip() else "")


def _regions(document: Document, plan) -> None:
    """The priorities of the regions the municipality belongs to, as context: which of them
    this plan works on, and where."""
    for context in policy_selectors.regional_context(plan):
        section = document.section(f"Prioriteiten van {context.region.name}")
        section.add(
            Table(
                f"De prioriteiten van {context.region.name} en waar dit plan eraan werkt",
                ["Regionale prioriteit", "Periode", "In dit plan"],
                [
                    [item.title, item.period, ", ".join(p.title for p in where) or "—"]
                    for item, where in context.rows
                ],
            )
        )


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
