"""The proposals a decision needs: the raadsvoorstel that puts the IVP to the council (with the
ontwerp-raadsbesluit) and the collegevoorstel that puts an uitvoeringsplan to the college.
Filled from the plan; the coordinator writes the arguments and caveats in their chapters."""

from ivp.planning.execution.export import totals as totals_of
from ivp.planning.models import ActionPlan, PolicyPlan
from ivp.planning.policy import selectors as policy_selectors

from ..document import Bullets, Document, Paragraph
from . import policy_plan as ivp_builder
from .action_plan import action_plan_for, contents, money_sentence
from .action_plan import blocks as action_plan_blocks
from .chapters import assemble, outline_of
from .policy_plan import policy_plan_for


def _the_plan_itself(plan):
    """The attachments of a proposal: the plan it puts to the decision."""
    return lambda document, section: section.add(Bullets([f"{plan.title} ({plan.period})"]))


GROUNDS = (
    "artikel 172 van de Gemeentewet (de burgemeester is belast met de handhaving van de openbare "
    "orde) en artikel 38b van de Politiewet 2012 (de raad stelt ten minste eenmaal in de vier "
    "jaar de doelen vast voor de taakuitvoering van de politie in de gemeente)"
)


def build_raadsvoorstel(municipality, year: int, *, plan: PolicyPlan | None = None) -> Document:
    plan = (
        policy_selectors.plan_with_contents(plan.pk)
        if plan
        else policy_plan_for(municipality, year)
    )
    document = Document.about(
        "raadsvoorstel",
        municipality,
        year,
        title=f"Raadsvoorstel: vaststelling {plan.title}",
        subtitle=f"Gemeente {municipality.name} · aan de gemeenteraad",
        status=f"Onderwerp: vaststelling van het integraal veiligheidsbeleid {plan.period}.",
        sources=[f"{plan.title}, versie {plan.version} ({plan.get_status_display()})."],
    )
    ivp_blocks = ivp_builder.blocks(plan)

    def decision_points(document, section):
        section.add(Paragraph("Wij stellen u voor:"), Bullets(_council_points(plan), ordered=True))

    def reason(document, section):
        previous = (
            policy_selectors.plans_of(municipality)
            .filter(end_year__lt=plan.start_year, status=PolicyPlan.Status.VASTGESTELD)
            .order_by("-end_year")
            .first()
        )
        if previous is not None:
            section.add(Paragraph(f"Het {previous.title} liep tot en met {previous.end_year}."))
        section.add(
            Paragraph(
                f"Het {plan.title} legt het veiligheidsbeleid vast voor {plan.period}, op grond "
                f"van {GROUNDS}."
            )
        )

    def draft_decision(document, section):
        section.add(
            Paragraph(f"De raad van de gemeente {municipality.name};"),
            Paragraph("gelezen het voorstel van burgemeester en wethouders;"),
            Paragraph(f"gelet op {GROUNDS};"),
            Paragraph("besluit:"),
            Bullets(_council_points(plan), ordered=True),
        )

    blocks = {
        "council_decision_points": decision_points,
        "priority_overview": ivp_blocks["priority_overview"],
        "proposal_reason": reason,
        "finances": ivp_blocks["finances"],
        "communication": ivp_blocks["communication"],
        "attachments": _the_plan_itself(plan),
        "draft_council_decision": draft_decision,
    }
    assemble(document, outline_of(plan, "raadsvoorstel"), blocks)
    return document


def _council_points(plan: PolicyPlan) -> list[str]:
    priorities = [p.title for p in plan.priorities.all() if p.kind == "prioriteit"]
    points = [f"het {plan.title} vast te stellen;"]
    if priorities:
        points.append(
            "als prioriteiten voor "
            + plan.period
            + " vast te stellen: "
            + "; ".join(priorities)
            + ";"
        )
    points[-1] = points[-1].rstrip(";") + "."
    return points


def build_collegevoorstel(municipality, year: int, *, plan: ActionPlan | None = None) -> Document:
    plan = plan or action_plan_for(municipality, year)
    themes, columns = contents(plan)
    actions = [a for _, acts in themes for a in acts]
    document = Document.about(
        "collegevoorstel",
        municipality,
        year,
        title=f"Collegevoorstel: vaststelling {plan.title}",
        subtitle=f"Gemeente {municipality.name} · aan het college van burgemeester en wethouders",
        status=f"Onderwerp: het uitvoeringsplan integrale veiligheid {plan.period}.",
        scope=plan.scope,
        sources=[f"{plan.title}, versie {plan.version} ({plan.get_status_display()})."],
    )

    def decision_points(document, section):
        section.add(
            Paragraph("Het college besluit:"),
            Bullets(
                [
                    f"het {plan.title} vast te stellen;",
                    "de raad met een raadsinformatiebrief over het plan te informeren.",
                ],
                ordered=True,
            ),
        )

    def money(document, section):
        sentence = money_sentence(totals_of(actions), columns).strip()
        if sentence:
            section.add(Paragraph(sentence))

    blocks = {
        "college_decision_points": decision_points,
        "plan_facts": action_plan_blocks(plan, themes, columns)["plan_facts"],
        "money": money,
        "attachments": _the_plan_itself(plan),
    }
    assemble(document, outline_of(plan, "collegevoorstel"), blocks)
    return document
