"""Where each step of a municipality's cycle stands, and where a user lands after logging in.

A step's state is what the coordinator recorded for it in the cycle (not started, in progress,
done), and what ivp holds for it: the figures, the plan and its status, this year's actions and
their progress, the documents made. The current step is the first one in progress, else the
first one not done."""

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ivp.accounts.models import Role
from ivp.accounts.selectors import memberships_of
from ivp.figures.selectors import available_years
from ivp.planning.execution import action_list
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.models import Action
from ivp.planning.policy import selectors as policy_selectors
from ivp.reports.models import GeneratedDocument
from ivp.reports.selectors import recent_documents

from .cycle import STEPS

DONE, BUSY, NOT_STARTED = "afgerond", "bezig", "niet_gestart"


@dataclass
class StepState:
    step: object  # ivp.web.cycle.CycleStep
    status: str = NOT_STARTED
    facts: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return {DONE: _("done"), BUSY: _("in progress"), NOT_STARTED: _("not started")}[self.status]


@dataclass
class Overview:
    """A municipality's cycle at a glance: every step's state, the current one, the plans."""

    steps: list[StepState]
    policy_plan: object | None  # the IVP in force
    draft_plan: object | None  # the IVP being written, when it is not the one in force
    action_plans: list  # this year's uitvoeringsplannen, newest version of each
    rows_by_plan: dict  # plan pk → its actions with their progress (action_list.ActionRow)
    documents: list

    @property
    def current(self) -> StepState:
        busy = next((s for s in self.steps if s.status == BUSY), None)
        return busy or next((s for s in self.steps if s.status != DONE), self.steps[-1])

    @property
    def stale_by_plan(self) -> list[tuple]:
        """(plan, how many of its actions went stale) for this year's plans that have any."""
        counts = [
            (plan, sum(1 for row in self.rows_by_plan[plan.pk] if row.stale))
            for plan in self.action_plans
        ]
        return [(plan, count) for plan, count in counts if count]


def overview(municipality, user, today: date) -> Overview:
    cycle = policy_selectors.current_cycle(municipality)
    recorded = {step.kind: step for step in cycle.steps.all()} if cycle else {}
    in_force = policy_selectors.plan_in_force(municipality, year=today.year)
    newest = policy_selectors.current_plan(municipality)
    plans = list(
        execution_selectors.current_action_plans(municipality=municipality, year=today.year)
    )
    rows_by_plan = {
        plan.pk: action_list.action_rows(plan, today, readable=lambda _action: True)
        for plan in plans
    }
    documents = [
        d
        for d in recent_documents(municipality, user, limit=5)
        if d.status == GeneratedDocument.Status.DONE
    ]
    years = available_years(municipality)
    state = Overview(
        steps=[StepState(step) for step in STEPS],
        policy_plan=in_force,
        draft_plan=newest if newest and newest != in_force else None,
        action_plans=plans,
        rows_by_plan=rows_by_plan,
        documents=documents,
    )
    by_slug = {s.step.slug: s for s in state.steps}
    _startnotitie(by_slug["startnotitie"], municipality, cycle)
    _analysis(by_slug["veiligheidsanalyse"], municipality, years)
    _priorities(by_slug["prioritering"], municipality, recorded.get("prioritering"), newest)
    _policy_plan(by_slug["veiligheidsplan"], municipality, in_force, newest)
    _action_plans(by_slug["uitvoeringsplan"], municipality, plans, today)
    _monitoring(by_slug["monitoring"], municipality, plans, rows_by_plan)
    _accountability(by_slug["verantwoording"], municipality, plans)
    for slug, step in recorded.items():
        if slug in by_slug and step.status != NOT_STARTED:
            by_slug[slug].status = step.status  # the coordinator's own record counts first
    return state


def _startnotitie(state: StepState, municipality, cycle) -> None:
    state.links.append(
        (_("Policy cycle: steps, dates, owners"), _url("planning:cycle", municipality))
    )
    if cycle is None:
        state.facts.append(_("No cycle recorded yet."))
        return
    state.status = DONE
    state.facts.append(
        _("%(name)s, plan period %(first)s–%(last)s.")
        % {"name": cycle.name, "first": cycle.plan_start_year, "last": cycle.plan_end_year}
    )


def _analysis(state: StepState, municipality, years: list[int]) -> None:
    state.links.append((_("Safety picture"), _url("figures:safety_picture", municipality)))
    if not years:
        state.facts.append(_("No figures for this municipality yet."))
        return
    state.status = DONE
    state.facts.append(
        _("Figures for %(first)s to %(last)s.") % {"first": years[0], "last": years[-1]}
    )


def _priorities(state: StepState, municipality, recorded, newest) -> None:
    state.links.append((_("Prioritisation matrix"), _url("planning:prioritisation", municipality)))
    if recorded is not None and recorded.decision_date:
        state.facts.append(
            _("Decided by the %(by)s on %(on)s.")
            % {
                "by": recorded.decided_by or _("council"),
                "on": recorded.decision_date.strftime("%d-%m-%Y"),
            }
        )
    if newest is not None:
        state.status = DONE
        count = newest.priorities.filter(kind="prioriteit").count()
        state.facts.append(
            ngettext("%(count)s priority in %(plan)s.", "%(count)s priorities in %(plan)s.", count)
            % {"count": count, "plan": newest.title}
        )
    elif recorded is None:
        state.facts.append(_("No priorities chosen yet."))


def _policy_plan(state: StepState, municipality, in_force, newest) -> None:
    state.links.append((_("Integral safety plan"), _url("planning:plan", municipality)))
    if in_force is not None:
        state.status = DONE
        state.facts.append(
            _("In force: %(plan)s (%(period)s).")
            % {"plan": in_force.title, "period": in_force.period}
        )
    if newest is not None and newest != in_force:
        state.status = BUSY
        state.facts.append(
            _("Being written: %(plan)s, %(status)s.")
            % {"plan": newest.title, "status": newest.get_status_display()}
        )
    if newest is None:
        state.facts.append(_("No integral safety plan yet."))


def _action_plans(state: StepState, municipality, plans, today: date) -> None:
    state.links.append((_("Implementation plans"), _url("planning:action_plans", municipality)))
    if not plans:
        state.facts.append(_("No implementation plan for %(year)s yet.") % {"year": today.year})
        return
    state.status = DONE if all(p.adopted for p in plans) else BUSY
    for plan in plans:
        state.facts.append(
            _("%(plan)s: %(status)s.") % {"plan": plan.title, "status": plan.get_status_display()}
        )


def _monitoring(state: StepState, municipality, plans, rows_by_plan) -> None:
    state.links.append(
        (_("Safety dashboard"), _url("planning:municipality_dashboard", municipality))
    )
    if not any(rows_by_plan.values()):
        state.facts.append(_("No actions to follow yet."))
        return
    state.status = BUSY
    for plan in plans:
        counted = [r for r in rows_by_plan[plan.pk] if r.action.status != Action.Status.GESCHRAPT]
        progress = action_list.progress_of(counted, plan.rollup_weight)
        if progress.percent is None:
            state.facts.append(_("%(plan)s: no actions that count.") % {"plan": plan.title})
            continue
        state.facts.append(
            _(
                "%(plan)s: %(percent)s%% done; %(reported)s of %(count)s actions have a "
                "progress report."
            )
            % {
                "plan": plan.title,
                "percent": f"{progress.percent:.0f}",
                "reported": sum(1 for row in counted if row.last_update),
                "count": len(counted),
            }
        )


def _accountability(state: StepState, municipality, plans) -> None:
    state.links.append((_("Documents"), _url("reports:documents", municipality)))
    state.facts.append(
        _("The progress report to the council is drafted from the partners' reports.")
        if plans
        else _("Nothing to report on yet: there is no implementation plan this year.")
    )


def _url(name: str, municipality) -> str:
    return reverse(name, args=[municipality.code])


def landing_url(user, active_municipality) -> str:
    """Where a user lands after logging in: the coordinator on their municipality's work, a
    partner on their organisation's actions, a council member on the plan; the rest home.
    The municipality is the active one where the user has that role there, else the first
    where they have it."""
    if not user.is_authenticated or user.is_superuser:
        return reverse("web:home")
    memberships = list(memberships_of(user))
    active_code = active_municipality.code if active_municipality else None

    def where(role):
        held = [m for m in memberships if m.role == role and m.municipality_id]
        chosen = next((m for m in held if m.municipality.code == active_code), None)
        return (chosen or held[0]).municipality if held else None

    if municipality := where(Role.COORDINATOR):
        return reverse("web:workspace", args=[municipality.code])
    if municipality := where(Role.KETENPARTNER):
        plan = execution_selectors.current_action_plans(
            municipality=municipality, year=timezone.localdate().year
        ).first()
        return (
            plan.get_absolute_url() if plan else reverse("web:workspace", args=[municipality.code])
        )
    if municipality := where(Role.VIEWER):
        plan = policy_selectors.plan_in_force(municipality)
        return plan.get_absolute_url() if plan else municipality.get_absolute_url()
    region = next(
        (m.region for m in memberships if m.role == Role.REGIOCOORDINATOR and m.region_id), None
    )
    return region.get_absolute_url() if region else reverse("web:home")
