"""The seven steps of the safety policy cycle (DESIGN.md §1), as the navigation shows them."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CycleStep:
    number: int
    slug: str
    title: Promise
    product: Promise
    decision: Promise
    coming: Promise


STEPS = [
    CycleStep(
        1,
        "startnotitie",
        _("Start memo"),
        _("Scope, timeline, work group and hours for the new plan."),
        _("the executive (college) adopts it"),
        _("Here you will record the cycle: its steps, dates, work group and owners."),
    ),
    CycleStep(
        2,
        "veiligheidsanalyse",
        _("Safety analysis"),
        _("The safety picture per safety field."),
        _("no decision: it informs the choice of priorities"),
        _(
            "Police and CBS figures, survey results and own registrations, with trends, rates, "
            "benchmarks and significance, and a drafted safety picture with charts."
        ),
    ),
    CycleStep(
        3,
        "prioritering",
        _("Priorities"),
        _("Three or four priorities; the other themes stay in the regular approach."),
        _("the council decides"),
        _(
            "Here every theme will be scored on objective, subjective, professional and agenda "
            "criteria, and the council's choice recorded."
        ),
    ),
    CycleStep(
        4,
        "veiligheidsplan",
        _("Integral safety plan"),
        _("The four-year plan: mission, vision, goals and approach per priority."),
        _("the council adopts it"),
        _(
            "Here the integral safety plan will be written in a structured editor, linked to national "
            "and regional frameworks and shared regional priorities."
        ),
    ),
    CycleStep(
        5,
        "uitvoeringsplan",
        _("Implementation plan"),
        _("The yearly action plan per theme."),
        _("the executive (college) adopts it"),
        _(
            "Here the yearly implementation plan will be kept: goals, look-back and the actions table "
            "with parties, planning, owner and budget."
        ),
    ),
    CycleStep(
        6,
        "monitoring",
        _("Implementation and monitoring"),
        _("Progress of actions and indicators against target."),
        _("no decision: partners report progress"),
        _(
            "Here partners will update their own actions, and indicators will be followed against "
            "baseline and target."
        ),
    ),
    CycleStep(
        7,
        "verantwoording",
        _("Evaluation and accountability"),
        _("The look-back and the report to the council."),
        _("the council is informed"),
        _(
            "Here the look-back will be drafted from data and progress, and the council report produced."
        ),
    ),
]

STEPS_BY_SLUG = {step.slug: step for step in STEPS}
