"""The veiligheidsdashboard of an uitvoeringsplan: per priority (and other theme) its actions by
status, progress rolled up by the plan's weights, stale actions, and its objectives' indicators
against baseline and target with the analysis' verdict."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from ivp import analysis
from ivp.common import revisions
from ivp.figures.safety_picture import swings_for
from ivp.figures.selectors import observations_frame
from ivp.planning.execution import stale
from ivp.planning.execution.models import Action, ActionPlan, ActionPlanTheme, ProgressUpdate
from ivp.planning.policy.models import Objective
from ivp.regions.selectors import inhabitants_on_1_january


@dataclass
class ObjectiveStatus:
    objective: Objective
    latest_period: str | None = None
    latest_value: float | None = None
    verdict: str | None = None  # of the change baseline → latest, as the analysis judges it
    p_value: float | None = None
    swing_percent: float | None = None  # the normal swing it was judged against
    method: str = ""
    toward_target: bool | None = None

    @property
    def on_track(self) -> bool | None:
        """The two judgements above read together: a change beyond the normal swing is on
        track when it goes the objective's way; one within the swing holds the baseline, which
        is what a "keep" objective asks and not (yet) the rise or fall another asks. None
        without a figure, a test or a way to go."""
        if self.verdict is None or self.toward_target is None:
            return None
        if self.verdict == analysis.verdicts.STABLE:
            return self.objective.keeps
        return self.toward_target


@dataclass
class ThemeBoard:
    theme: ActionPlanTheme
    counts: dict[str, int]
    progress: float | None  # 0-100, weighted; None without actions that count
    stale: list[stale.StaleAction]
    objectives: list[ObjectiveStatus] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    """The whole plan at a glance, from its theme boards."""

    progress: float | None  # 0-100, weighted as the plan's rollup_weight says
    stale: int
    on_track: int
    off_track: int
    unknown: int  # no figure, no test or no way to go

    @property
    def objectives(self) -> int:
        return self.on_track + self.off_track + self.unknown


def summarise(boards: list[ThemeBoard], weight: str) -> Summary:
    """An objective two themes share (a priority's and its speerpunt's) counts once."""
    objectives = {s.objective.pk: s.on_track for b in boards for s in b.objectives}
    verdicts = list(objectives.values())
    return Summary(
        progress=rollup([a for b in boards for a in b.actions], weight),
        stale=sum(len(b.stale) for b in boards),
        on_track=verdicts.count(True),
        off_track=verdicts.count(False),
        unknown=verdicts.count(None),
    )


def build(action_plan: ActionPlan, today: date) -> list[ThemeBoard]:
    """Computed once a day per revision of the plans and the figures (see ivp.common.revisions)."""
    return revisions.cached(
        "dashboard",
        (revisions.PLANS, revisions.FIGURES),
        (action_plan.pk, today),
        lambda: _build(action_plan, today),
    )


def _build(action_plan: ActionPlan, today: date) -> list[ThemeBoard]:
    latest = ProgressUpdate.objects.order_by("-date", "-pk")
    actions = Action.objects.prefetch_related(Prefetch("updates", queryset=latest))
    themes = (
        ActionPlanTheme.objects.filter(action_plan=action_plan)
        .select_related("priority", "focus_area")
        .prefetch_related(
            Prefetch("actions", queryset=actions),
            Prefetch(
                "priority__objectives", queryset=Objective.objects.select_related("indicator")
            ),
        )
        .order_by("order")
    )
    themes = list(themes)
    statuses = _objective_statuses(
        {o.pk: o for theme in themes for o in theme.objectives}.values(),
        action_plan.municipality,
    )
    stale_by_theme: dict[int, list] = {}
    for item in stale.stale_actions(Action.objects.filter(theme__action_plan=action_plan), today):
        stale_by_theme.setdefault(item.action.theme_id, []).append(item)
    boards = []
    for theme in themes:
        items = list(theme.actions.all())
        counts = {status: 0 for status in Action.Status.values}
        for action in items:
            counts[action.status] += 1
        boards.append(
            ThemeBoard(
                theme=theme,
                counts=counts,
                progress=rollup(items, action_plan.rollup_weight),
                stale=stale_by_theme.get(theme.pk, []),
                objectives=[statuses[o.pk] for o in theme.objectives],
                actions=items,
            )
        )
    return boards


def last_reported(updates) -> ProgressUpdate | None:
    """The newest update that gave a percentage (`updates` newest first): a later report
    that left the percentage out does not undo it."""
    return next((u for u in updates if u.percent_done is not None), None)


def percent_done(action: Action) -> float:
    """Done is 100; otherwise the last percentage reported; nothing reported is 0. Prefetch
    `updates` newest first."""
    if action.status == Action.Status.AFGEROND:
        return 100.0
    update = last_reported(action.updates.all())
    return float(update.percent_done) if update else 0.0


def rollup(actions: list[Action], weight: str) -> float | None:
    """Weighted mean of the actions' percentage done; dropped actions do not count; no
    weights (or all zero) → every action equally."""
    counted = [a for a in actions if a.status != Action.Status.GESCHRAPT]
    if not counted:
        return None
    weights = [
        float(a.budget or Decimal(0)) if weight == "budget" else float(a.hours or 0)
        for a in counted
    ]
    if weight == "gelijk" or not sum(weights):
        weights = [1.0] * len(counted)
    return sum(w * percent_done(a) for w, a in zip(weights, counted, strict=True)) / sum(weights)


def on_course(objective: Objective, latest: float) -> bool | None:
    """Whether the latest figure goes the objective's way: held for a "keep" direction, past
    the baseline for a rise or fall, nearer the target for "reach"; None when undefined."""
    baseline, target = objective.baseline_value, objective.target_value
    match objective.direction:
        case Objective.Direction.AT_LEAST:
            return latest >= baseline
        case Objective.Direction.AT_MOST:
            return latest <= baseline
        case Objective.Direction.DECREASE if target is None:
            return latest < baseline
        case Objective.Direction.INCREASE if target is None:
            return latest > baseline
    if target is None or target == baseline:
        return None
    return abs(target - latest) < abs(target - baseline)


def _objective_statuses(objectives, municipality) -> dict[int, ObjectiveStatus]:
    """Per objective its status; one query for all their figures and one for the population,
    however many themes and objectives the plan has."""
    statuses = {o.pk: ObjectiveStatus(o) for o in objectives}
    measurable = [s for s in statuses.values() if s.objective.measurable]
    if not measurable:
        return statuses
    frame = observations_frame(
        indicator_ids=sorted({s.objective.indicator_id for s in measurable}),
        area_codes=[municipality.code],
    )
    yearly = frame.filter(frame["period"].str.len_chars() == 4).sort("period")
    for status in measurable:
        rows = yearly.filter(yearly["indicator_id"] == status.objective.indicator_id)
        if not rows.is_empty():
            status.latest_period = rows["period"][-1]
            status.latest_value = float(rows["value"][-1])
            status.toward_target = on_course(status.objective, status.latest_value)
    testable = [
        s
        for s in measurable
        if s.latest_period
        and s.objective.indicator.is_count
        and int(s.latest_period) > s.objective.baseline_year
    ]
    years = {y for s in testable for y in (s.objective.baseline_year, int(s.latest_period))}
    people = inhabitants_on_1_january(municipality, sorted(years)) if testable else {}
    pairs: dict[tuple[int, int], list[ObjectiveStatus]] = {}
    for status in testable:
        first, last = status.objective.baseline_year, int(status.latest_period)
        if first in people and last in people:  # rates of the same years' population
            pairs.setdefault((first, last), []).append(status)
    for (first, last), judged in pairs.items():
        swings = swings_for(sorted({s.objective.indicator_id for s in judged}), first, last)
        for status in judged:
            _judge(status, people, swings.get(status.objective.indicator_id, {}))
    return statuses


def _judge(status: ObjectiveStatus, people: dict[int, int], swings: dict) -> None:
    """The change baseline → latest against the normal swing between those years."""
    objective = status.objective
    first, last = objective.baseline_year, int(status.latest_period)
    series = analysis.Series(
        periods=(str(first), str(last)),
        values=(float(objective.baseline_value), status.latest_value),
        exposures=(people[first], people[last]),
    )
    change = analysis.changes(series, swings)[0]
    status.method, status.swing_percent = change.method, change.swing_percent
    if change.p_value is not None:
        status.p_value, status.verdict = change.p_value, change.verdict
