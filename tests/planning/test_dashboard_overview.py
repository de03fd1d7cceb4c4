"""The dashboard as an overview: a summary of the whole plan on top, each theme's details a
click away, and a page that costs as many queries for two themes as for six."""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ivp.figures.models import Indicator
from ivp.planning.execution import stale
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import Action, ActionPlan
from ivp.planning.policy.services.plan import objective_save
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

URL = "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/"
COORDINATOR = "coordinator.steenwijkerland"


def _plan() -> ActionPlan:
    return ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)


def _page(username: str = COORDINATOR):
    response = client_for(username).get(URL)
    assert response.status_code == 200
    return response, response.content.decode()


def _summary_html(text: str) -> str:
    return text.split('class="ivp-dash-summary"')[1].split("</section>")[0]


def _percent(action: Action) -> float:
    """Done as the reader of the plan counts it: finished is 100%, else the newest report."""
    if action.status == "afgerond":
        return 100.0
    newest = action.updates.order_by("-date", "-pk").first()
    return float(newest.percent_done) if newest and newest.percent_done is not None else 0.0


def _whole(percent: float) -> int:
    """As the page rounds (floatformat:0): half up."""
    return int(Decimal(str(percent)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_the_summary_shows_the_whole_plans_progress_weighted_as_the_plan_says():
    plan = _plan()
    counted = list(Action.objects.filter(theme__action_plan=plan).exclude(status="geschrapt"))
    equal = _whole(sum(_percent(a) for a in counted) / len(counted))
    summary = _summary_html(_page()[1])
    assert f'<progress class="ivp-progress" max="100" value="{equal}"' in summary

    finished = next(a for a in counted if a.status == "afgerond")
    for action in counted:  # the finished action weighs as much as all others together
        action.hours = len(counted) - 1 if action == finished else 1
        action.save()
    plan.rollup_weight = "uren"
    plan.save()
    others = sum(_percent(a) for a in counted if a != finished)
    by_hours = _whole((100 * (len(counted) - 1) + others) / (2 * (len(counted) - 1)))
    assert by_hours != equal
    assert f'value="{by_hours}"' in _summary_html(_page()[1])


def test_each_theme_has_a_row_with_its_progress_and_counts_that_leads_to_its_details():
    text = _page()[1]
    summary = _summary_html(text)
    for theme in _plan().themes.all():
        row = summary.split(f'href="#thema-{theme.pk}"')[1].split("</li>")[0]
        counts = row.split('class="ivp-dash-theme__counts"')[1]
        per_status = [
            theme.actions.filter(status=status).count()
            for status in ("afgerond", "lopend", "vertraagd", "gepland")
        ]
        assert [int(n) for n in re.findall(r"\d+", counts)[:4]] == per_status
        assert "<progress" in row  # a bar with its number as text beside it
        assert f'id="thema-{theme.pk}"' in text


def test_the_stale_count_is_the_stale_list_and_links_to_it():
    plan = _plan()
    expected = len(
        stale.stale_actions(Action.objects.filter(theme__action_plan=plan), timezone.localdate())
    )
    assert expected  # the demo has stale actions
    response, text = _page()
    assert response.context["summary"].stale == expected
    summary = _summary_html(text)
    assert f">{expected} " in summary
    assert "/gemeenten/GM1708/uitvoeringsplan/2026/stilgevallen/" in summary


def _measurable(priority, *, text, direction, baseline, target=None):
    """Steenwijkerland's registered crimes against a baseline of 2022 (latest figure: 2024)."""
    return objective_save(
        priority=priority,
        text=text,
        kind="effect",
        direction=direction,
        indicator=Indicator.objects.get(code="misdrijven-totaal"),
        baseline_value=baseline,
        baseline_year=2022,
        target_value=target,
        target_year=2026 if target is not None else None,
    )


def _with_measurable_objectives(plan: ActionPlan) -> None:
    """Far below the latest figure, so the rise is beyond the normal swing: on track for an
    objective to keep at least that level, not on track for one to bring it down."""
    priority = plan.themes.first().priority
    priority.plan.status = "concept"
    priority.plan.save()
    _measurable(priority, text="Ten minste", direction="minstens", baseline=100)
    _measurable(priority, text="Omlaag", direction="dalen", baseline=100, target=50)


def test_objectives_are_counted_on_track_not_on_track_or_unknown():
    plan = _plan()
    _with_measurable_objectives(plan)
    summary = _page()[0].context["summary"]
    judged = {
        s.objective.text: s
        for section in _page()[0].context["sections"]
        for s in section[0].objectives
    }
    assert judged["Ten minste"].verdict == "stijging" and judged["Ten minste"].on_track is True
    assert judged["Omlaag"].verdict == "stijging" and judged["Omlaag"].on_track is False
    others = len(judged) - 2  # the demo's objectives have no figure
    assert (summary.on_track, summary.off_track, summary.unknown) == (1, 1, others)
    text = _summary_html(_page()[1])
    assert f"<strong>{others} " in text


def test_details_are_on_the_page_but_closed_after_the_summary():
    text = _page()[1]
    details = re.findall(r'<details class="ivp-dash-detail"[^>]*>', text)
    assert len(details) == _plan().themes.count()
    assert not any(" open" in tag for tag in details)
    assert text.index('class="ivp-dash-summary"') < text.index('<details class="ivp-dash-detail"')
    first = text.split('<details class="ivp-dash-detail"')[1]
    assert "<summary" in first and "<table" in first  # the theme's table behind one click


def test_the_page_costs_no_more_queries_for_six_themes_than_for_two():
    plan = _plan()
    themes = list(plan.themes.order_by("order"))
    assert len(themes) >= 6
    for theme in themes[:6]:  # each theme a figure to fetch and judge
        theme.priority.plan.status = "concept"
        theme.priority.plan.save()
        _measurable(
            theme.priority, text=f"Ten minste {theme.pk}", direction="minstens", baseline=100
        )
    counts = {}
    for keep in (6, 2):
        for theme in themes[keep:]:
            theme.delete()
        themes = themes[:keep]
        cache.clear()  # both pages computed afresh
        client = client_for(COORDINATOR)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        counts[keep] = len(queries)
    assert counts[6] <= counts[2], counts


def test_progress_reported_today_moves_the_theme_bar():
    plan = _plan()
    theme = plan.themes.order_by("order").first()
    action = theme.actions.exclude(status__in=("afgerond", "geschrapt")).first()
    progress_record(action=action, status="afgerond", percent_done=100, on=date.today())
    row = _summary_html(_page()[1]).split(f'href="#thema-{theme.pk}"')[1].split("</li>")[0]
    counted = list(theme.actions.exclude(status="geschrapt"))
    expected = _whole(sum(_percent(a) for a in counted) / len(counted))
    assert f'value="{expected}"' in row


def test_the_stale_list_is_linked_only_for_those_who_may_open_it():
    """Before adoption only those preparing the plan read the dashboard; after, everyone."""
    from ivp.planning.execution.services.actions import action_plan_adopt

    readers = (None, "raad.westerveld", "partner.steenwijkerland", COORDINATOR)
    for adopted in (False, True):
        if adopted:
            action_plan_adopt(
                action_plan=_plan(), adopted_on=date(2026, 1, 20), decision_reference="B&W 1"
            )
        for user in readers:
            page = client_for(user).get(URL)
            if page.status_code != 200:
                continue
            may_open = client_for(user).get(URL.replace("dashboard/", "stilgevallen/"))
            assert f">{page.context['summary'].stale} " in _summary_html(page.content.decode())
            linked = "stilgevallen/" in _summary_html(page.content.decode())
            assert linked == (may_open.status_code == 200), (adopted, user)
