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
from ivp.taxonomy.selectors import current_version

from ..document import Bullets, Chart, Document, Paragraph, Table, text_blocks
from . import analysis
from .chapters import assemble, outline_of, placed_blocks
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
    document = plan_document("ivp", municipality, year, plan, "de gemeenteraad")
    outline = outline_of(plan, "ivp")
    assemble(document, outline, blocks(plan, placed_blocks(outline)))
    return document


def blocks(plan, placed: frozenset = frozenset()) -> dict:
    """The generated parts a chapter of the IVP may hold (`outlines.BLOCKS["ivp"]`), and the
    veiligheidsbeeld of a safety field where a chapter holds one."""
    priorities = [p for p in plan.priorities.all() if p.kind == Priority.Kind.PRIORITEIT]
    others = [p for p in plan.priorities.all() if p.kind == Priority.Kind.OVERIG]

    def plan_facts(document, section):
        section.add(
            Paragraph(
                f"Dit Integraal Veiligheidsplan legt voor {plan.period} vast waar "
                f"{plan.municipality.name} met haar partners aan werkt: {len(priorities)} "
                "prioriteiten" + (f" en {len(others)} andere thema's" if others else "") + "."
            )
        )

    def priority_overview(document, section):
        if priorities:
            section.add(Bullets([_overview_line(p) for p in priorities], ordered=True))

    def frameworks(document, section):
        if plan.frameworks.all():
            section.add(
                Table(
                    "Kaders waarbinnen dit plan valt",
                    ["Kader", "Niveau", "Periode", "Van"],
                    [[f.name, f.level, f.period, f.issuer] for f in plan.frameworks.all()],
                )
            )

    def mission_vision(document, section):
        if plan.mission:
            section.add(*text_blocks(plan.mission, prefix="Missie:"))
        if plan.vision:
            section.add(*text_blocks(plan.vision))
        if plan.strategic_objectives.strip():
            section.add(
                Paragraph("Strategische doelen:"), Bullets(_lines(plan.strategic_objectives))
            )
        if plan.principles.strip():
            section.add(Paragraph("Uitgangspunten:"), Bullets(_lines(plan.principles)))

    def all_priorities(document, section):
        for number, priority in enumerate(priorities, start=1):
            _priority(document, priority, f"Prioriteit {number}: ", level=section.level + 1)

    def other_themes(document, section):
        going = policy_selectors.going_concern_themes(plan)
        if not (others or going):
            return
        section.add(
            Paragraph(
                "Deze thema's krijgen geen extra inzet als prioriteit; de partners pakken ze aan "
                "in hun reguliere werk."
            )
        )
        for priority in others:
            _priority(document, priority, "", level=section.level + 1)
        if going:
            document.section("Reguliere aanpak (going concern)", section.level + 1).add(
                Bullets([t.name for t in going])
            )

    def plan_text(field):
        return lambda document, section: section.add(*text_blocks(getattr(plan, field)))

    def finances(document, section):
        section.add(*text_blocks(plan.formation), *text_blocks(plan.finances))

    found = {
        "plan_facts": plan_facts,
        "priority_overview": priority_overview,
        "frameworks": frameworks,
        "mission_vision": mission_vision,
        "safety_picture": lambda document, section: _safety_picture(document, section, plan),
        "prioritisation": lambda document, section: _prioritisation(section, plan),
        "priorities": all_priorities,
        "regional_priorities": lambda document, section: _regions(document, section, plan),
        "other_themes": other_themes,
        "governance": lambda document, section: _governance(section, plan),
        "communication": plan_text("communication"),
        "finances": finances,
    }
    if any(key.startswith("veld:") for key in placed):
        found |= {analysis.field_key(f.name): _field_picture(plan, f.number) for f in _fields()}
    return found


def field_blocks() -> dict[str, str]:
    """The veiligheidsbeeld of one safety field, for a chapter of its own."""
    return {
        analysis.field_key(f.name): (
            f"Het veiligheidsbeeld van veld {f}: de cijfers met grafieken en tabellen"
        )
        for f in _fields()
    }


def _fields() -> list:
    version = current_version()
    return list(version.fields.all()) if version else []


def _field_picture(plan, number: int):
    """The field's indicators over the years before the plan, as the veiligheidsanalyse shows
    them; a field without figures adds nothing (the chapter then has only its text)."""

    def place(document: Document, section) -> None:
        municipality = plan.municipality
        span = analysis.years_for(municipality, plan.start_year)
        if span is None:
            return
        picture = safety_picture.build(municipality, first_year=span[0], last_year=span[1])
        field = next((f for f in picture.all_fields if f.number == number), None)
        if field is None:
            return
        for item in field.indicators:
            document.sources += [s.credit for s in item.sources if s.credit not in document.sources]
            if item.synthetic:
                document.warning = analysis.SYNTHETIC_WARNING
        analysis.field_section(document, section, field.indicators, municipality)

    return place


def _overview_line(priority: Priority) -> str:
    objectives = list(priority.own_objectives)
    if not objectives:
        return priority.title
    return f"{priority.title}: {objective_line(objectives[0])}" + (
        f" (en {len(objectives) - 1} andere doelstellingen)"
        if len(objectives) > 2
        else " (en 1 andere doelstelling)"
        if len(objectives) == 2
        else ""
    )


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


def _regions(document: Document, section, plan) -> None:
    """The priorities of the regions the municipality belongs to, as context: which of them
    this plan works on, and where. Several regions: a section each."""
    contexts = list(policy_selectors.regional_context(plan))
    for context in contexts:
        where = section
        if len(contexts) > 1:
            where = document.section(f"Prioriteiten van {context.region.name}", section.level + 1)
        where.add(
            Table(
                f"De prioriteiten van {context.region.name} en waar dit plan eraan werkt",
                ["Regionale prioriteit", "Periode", "In dit plan"],
                [
                    [item.title, item.period, ", ".join(p.title for p in where) or "—"]
                    for item, where in context.rows
                ],
            )
        )


def _safety_picture(document: Document, section, plan) -> None:
    """Registered crimes per 1,000 inhabitants over the five years before the plan and the
    plan's own years so far."""
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
    if item is None:
        return
    source = "; ".join(s.credit for s in item.sources)
    document.sources += [s.credit for s in item.sources]
    if item.synthetic:
        document.warning = analysis.SYNTHETIC_WARNING
    document.figures_date = (
        f"geregistreerde misdrijven {nl.span(item.first_period, item.last_period)}."
    )
    change = item.overall_change
    if change is not None and change.verdict is None:
        section.add(
            Paragraph(
                f"Of het aantal geregistreerde misdrijven per 1.000 inwoners van "
                f"{nl.period(change.from_period)} tot {nl.period(change.to_period)} is "
                f"veranderd, is niet te toetsen ({change.method})."
            )
        )
    elif change is not None:
        word = {"stijging": "gestegen", "daling": "gedaald"}.get(
            change.verdict, "niet aantoonbaar veranderd"
        )
        section.add(
            Paragraph(
                f"Het aantal geregistreerde misdrijven per 1.000 inwoners is van "
                f"{nl.period(change.from_period)} tot {nl.period(change.to_period)} {word}"
                + _how_much(change)
            )
        )
    if int(item.last_period[:4]) >= plan.start_year > int(item.first_period[:4]):
        section.add(
            Paragraph(
                f"De cijfers vanaf {plan.start_year} vallen in de planperiode zelf; die van de "
                "jaren daarvoor gaan aan het plan vooraf."
            )
        )
    section.add(
        Chart(
            f"{item.indicator.name} per 1.000 inwoners, "
            f"{nl.period(item.first_period)}–{nl.period(item.last_period)}",
            presenters.series_spec(item),
            Table(
                f"{item.indicator.name} per jaar. {source}",
                ["Jaar", "Aantal", "Per 1.000 inwoners"],
                [[p.period, nl.whole(p.value), nl.decimal(p.rate_per_1000)] for p in item.series],
                numeric=(1, 2),
            ),
        )
    )


def _how_much(change) -> str:
    """The change against the normal swing, in plain words; no p-value."""
    if change.percent_change is None or change.verdict not in ("stijging", "daling"):
        return "."
    size = nl.percent(abs(change.percent_change))
    if change.swing_percent is not None:
        return (
            f", met {size}: meer dan de gewone schommeling van "
            f"±{nl.percent(change.swing_percent)} tussen jaren."
        )
    return f", met {size}: meer dan toeval verklaart."


def _prioritisation(section, plan) -> None:
    """The council's prioritisation of the themes, when ivp holds it."""
    prioritisation = getattr(plan.cycle, "prioritisation", None) if plan.cycle_id else None
    if prioritisation is None or not prioritisation.scores.exists():
        return
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


def _governance(section, plan) -> None:
    """Who works on the plan and the uitvoeringsplannen adopted under it (their years say the
    plan's cadence; ivp writes no rule of its own)."""
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
            Paragraph("Uitvoeringsplannen onder dit plan:"),
            Bullets(
                [f"{a.title} ({a.period}): {adoption_line(a, 'het college')}" for a in action_plans]
            ),
        )
