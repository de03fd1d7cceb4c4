"""The Voortgangsrapportage (raadsinformatiebrief): per priority the state of the actions,
what was done, delayed and dropped with their notes, the objectives' indicators against
baseline and target, and what changes next year."""

from datetime import date

from ivp.common import charts
from ivp.figures import formatting as nl
from ivp.figures import safety_picture
from ivp.planning.execution import dashboard, lookback
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress
from ivp.planning.models import Action, ActionPlan, ProgressUpdate

from ..document import Bullets, Chart, Document, Paragraph, Table, with_line_breaks
from .action_plan import action_plan_for
from .chapters import assemble, block_key, outline_of, placed_blocks
from .common import STATUS_WORDS, day

ORDER = ["afgerond", "lopend", "vertraagd", "gepland", "geschrapt"]
VERDICT = {
    "stijging": "gestegen",
    "daling": "gedaald",
    "stabiel": "niet aantoonbaar veranderd",
    None: "niet te toetsen",
}


def build(
    municipality, year: int, *, today: date | None = None, plan: ActionPlan | None = None
) -> Document:
    plan = plan or action_plan_for(municipality, year)
    today = today or date.today()
    boards = dashboard.build(plan, today)
    latest = (
        ProgressUpdate.objects.filter(action__theme__action_plan=plan).order_by("-date").first()
    )
    as_of = latest.date if latest else today
    document = Document.about(
        "voortgang",
        municipality,
        year,
        title=f"Voortgangsrapportage integrale veiligheid {year}" + _part(plan, boards),
        scope=plan.scope,
        subtitle=f"Raadsinformatiebrief · Gemeente {municipality.name}",
        status=f"Stand van de uitvoering op {day(as_of)}, over {plan.title}.",
        figures_date=f"stand van de acties op {day(as_of)}; indicatoren: het laatste "
        "geregistreerde jaar per doelstelling.",
        sources=[f"{plan.title}, versie {plan.version}, met de voortgang die de partners "
                 "meldden."],
    )  # fmt: skip
    actions = [a for b in boards for a in b.theme.actions.all()]
    counts = {status: sum(b.counts[status] for b in boards) for status in ORDER}

    def status_summary(document, section):
        section.add(
            Paragraph(
                f"Van de {len(actions)} acties in {plan.title} zijn er {counts['afgerond']} "
                f"afgerond, {counts['lopend']} lopend, {counts['vertraagd']} vertraagd, "
                f"{counts['gepland']} nog niet begonnen en {counts['geschrapt']} geschrapt."
            ),
            _status_chart(boards, counts),
        )

    outline = outline_of(plan, "voortgang")
    placed = placed_blocks(outline)

    def theme_progress(document, section):
        picture = safety_picture.build(municipality, last_year=year)
        for board in boards:
            if block_key("voortgang", board.theme.title) not in placed:
                own = document.section(board.theme.title, section.level + 1)
                _theme(document, own, board, year, picture)

    def one_theme(board):
        return lambda document, section: _theme(
            document, section, board, year, safety_picture.build(municipality, last_year=year)
        )

    blocks = {
        "status_summary": status_summary,
        "theme_progress": theme_progress,
        "next_year": lambda document, section: _next_year(section, plan, actions),
    }
    blocks |= {block_key("voortgang", board.theme.title): one_theme(board) for board in boards}
    assemble(document, outline, blocks)
    used = {o.objective.indicator for b in boards for o in b.objectives if o.latest_period}
    for indicator in sorted(used, key=lambda i: i.name):
        document.sources.append(f"{indicator.name}: zie de bronnen in de veiligheidsanalyse.")
    return document


def _status_chart(boards, counts) -> Chart:
    points = [
        {"status": s, "label": STATUS_WORDS[s], "count": counts[s]} for s in ORDER if counts[s]
    ]
    rows = [
        [b.theme.title]
        + [str(b.counts[s]) for s in ORDER]
        + [nl.whole(b.progress) + "%" if b.progress is not None else "—"]
        for b in boards
    ]
    return Chart(
        "Acties naar status",
        charts.status_chart(points),
        Table(
            "Acties per thema naar status, en de voortgang (gewogen zoals het plan aangeeft)",
            ["Thema"] + [STATUS_WORDS[s].capitalize() for s in ORDER] + ["Voortgang"],
            rows,
            footer=[["Totaal"] + [str(counts[s]) for s in ORDER] + [""]],
            numeric=(1, 2, 3, 4, 5, 6),
        ),
    )


def theme_blocks(themes) -> dict[str, str]:
    """The progress of one theme, for a chapter of its own."""
    return {block_key("voortgang", t.title): f"De voortgang van thema {t.title}" for t in themes}


def _theme(document: Document, section, board, year: int, picture) -> None:
    """A theme's progress in `section`, its parts one level deeper."""
    priority = board.theme.priority
    level = section.level
    progress = f"{nl.whole(board.progress)}%" if board.progress is not None else "—"
    section.add(
        Paragraph(
            f"Stand: {sum(board.counts.values())} acties, voortgang {progress}"
            + (f"; {len(board.stale)} stilgevallen" if board.stale else "")
            + "."
        )
    )
    lines = lookback.for_council(lookback.draft(priority, year, picture=picture))
    if lines:
        document.section(f"Terugblik {year}", level + 1).add(Paragraph(lookback.as_text(lines)))
    actions = list(board.theme.actions.all())
    for status, title in (
        (Action.Status.AFGEROND, "Afgerond"),
        (Action.Status.VERTRAAGD, "Vertraagd"),
        (Action.Status.GESCHRAPT, "Geschrapt"),
    ):
        chosen = [a for a in actions if a.status == status]
        if chosen:
            document.section(title, level + 1).add(
                Table(
                    f"{title} in {year}: {priority.title}",
                    ["Item", "Partijen", "Toelichting", "Datum"],
                    [_action_row(a) for a in chosen],
                )
            )
    if board.objectives:
        measurable = [o for o in board.objectives if o.objective.measurable]
        others = [o.objective for o in board.objectives if not o.objective.measurable]
        document.section("Doelstellingen en indicatoren", level + 1).add(
            _objectives(measurable) if measurable else None,
            Paragraph("Doelstellingen zonder indicator:") if others else None,
            Bullets([o.text for o in others]) if others else None,
        )


def _action_row(action: Action) -> list[str]:
    update = next(iter(action.updates.all()), None)
    return [
        action.item,
        ", ".join(action.party_names) or "—",
        (with_line_breaks(update.note) if update and update.note else "—"),
        day(update.date) if update else "—",
    ]


def _objectives(statuses) -> Table:
    rows = []
    for status in statuses:
        objective = status.objective
        unit = objective.indicator.unit
        verdict = VERDICT.get(status.verdict, "niet getoetst") if status.latest_period else "—"
        rows.append(
            [
                objective.text,
                objective.indicator.name,
                f"{nl.value(objective.baseline_value, unit)} ({objective.baseline_year})",
                f"{nl.value(status.latest_value, unit)} ({nl.period(status.latest_period)})"
                if status.latest_period
                else "nog geen cijfer",
                nl.value(objective.goal_value, unit)
                + (f" ({objective.target_year})" if objective.target_year else "")
                + (f", {objective.get_direction_display()}" if objective.keeps else ""),
                verdict,
            ]
        )
    return Table(
        "Meetbare doelstellingen: nulmeting, laatste cijfer en doel",
        ["Doelstelling", "Indicator", "Nulmeting", "Laatste cijfer", "Doel", "Sinds nulmeting"],
        rows,
        widths=(5, 3, 2, 2, 2, 3),
    )


def _part(plan: ActionPlan, boards) -> str:
    """The themes a plan for one priority or speerpunt works on, after the title."""
    return ": " + ", ".join(b.theme.title for b in boards) if plan.scope and boards else ""


def _next_year(section, plan: ActionPlan, actions: list[Action]) -> None:
    """What changes in the year after the plan: next year's plan of the same part, or the open
    actions that would go with it."""
    following = execution_selectors.current_action_plan(
        plan.municipality, PlanAddress(plan.end_year + 1, plan.scope)
    )
    open_actions = [a for a in actions if a.status in ("gepland", "lopend", "vertraagd")]
    dropped = [a for a in actions if a.status == "geschrapt"]
    if following is not None:
        carried = list(
            Action.objects.filter(theme__action_plan=following, carried_from__isnull=False)
        )
        new = Action.objects.filter(theme__action_plan=following, carried_from__isnull=True)
        section.add(
            Paragraph(
                f"{following.title} ({following.get_status_display()}) neemt {len(carried)} "
                f"lopende acties over en voegt er {new.count()} nieuwe aan toe."
            ),
            Bullets([f"Loopt door: {a.item}" for a in carried]) if carried else None,
        )
    else:
        section.add(
            Paragraph(
                f"Het uitvoeringsplan voor {plan.end_year + 1} is nog niet opgesteld. "
                f"{len(open_actions)} acties zijn nog niet afgerond en gaan dan mee, tenzij het "
                "college anders besluit."
            ),
            Bullets([f"{a.item} ({STATUS_WORDS[a.status]})" for a in open_actions])
            if open_actions
            else None,
        )
    if dropped:
        section.add(
            Paragraph("Geschrapt en dus niet meer in het plan:"),
            Bullets([a.item for a in dropped]),
        )
