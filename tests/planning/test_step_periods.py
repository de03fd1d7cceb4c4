"""A cycle step's period typed as written ("Q2 2025", "mei–juni 2025") fills its two dates and
is written back so on the cycle page; what cannot be read is refused in Dutch."""

from datetime import date

import pytest
from django.urls import reverse

from ivp.planning.models import CycleStep
from ivp.planning.workflow.periods import period_dates, period_text
from tests.conftest import client_for
from tests.reports.reading import html_tree, words


@pytest.mark.parametrize(
    ("written", "first", "last", "back"),
    [
        ("Q2 2025", date(2025, 4, 1), date(2025, 6, 30), "Q2 2025"),
        ("2e kwartaal 2025", date(2025, 4, 1), date(2025, 6, 30), "Q2 2025"),
        ("mei 2025", date(2025, 5, 1), date(2025, 5, 31), "mei 2025"),
        ("mei–juni 2025", date(2025, 5, 1), date(2025, 6, 30), "mei–juni 2025"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "2025"),
        ("februari 2024", date(2024, 2, 1), date(2024, 2, 29), "februari 2024"),
        (
            "november–februari 2025",
            date(2025, 11, 1),
            date(2026, 2, 28),
            "november 2025–februari 2026",
        ),
    ],
)
def test_a_period_as_written_is_its_first_and_last_day_and_reads_back(written, first, last, back):
    assert period_dates(written) == (first, last)
    assert period_text(first, last) == back
    assert period_dates(back) == (first, last)


def test_dates_that_are_not_a_whole_period_are_not_written_as_one():
    assert period_text(date(2025, 4, 2), date(2025, 6, 30)) == ""
    assert period_text(date(2025, 4, 1), date(2025, 6, 29)) == ""
    assert period_text(None, date(2025, 6, 30)) == ""


@pytest.fixture
def step_page(westerveld):
    step = CycleStep.objects.get(cycle__municipality=westerveld, kind="startnotitie")
    address = reverse("planning:step_edit", args=[westerveld.code, "startnotitie"])
    return client_for("coordinator.westerveld"), address, step


def _form(step, **values):
    return {"status": "bezig", "hours_spent": "0", "lock_version": step.lock_version, **values}


def test_a_step_planned_in_q2_2025_stores_april_to_june_and_shows_q2_2025(step_page):
    client, address, step = step_page
    response = client.post(address, _form(step, planned_period="Q2 2025"))
    assert response.status_code == 302
    step.refresh_from_db()
    assert (step.planned_start, step.planned_end) == (date(2025, 4, 1), date(2025, 6, 30))
    cycle_page = html_tree(client.get(response.url).content)
    row = cycle_page.xpath("//tr[th[contains(., 'Startnotitie')]]")[0]
    cells = [words(cell.text_content()) for cell in row.xpath("td")]
    assert cells[1:3] == ["Q2 2025", "—"]  # planned as written; nothing done yet
    # the edit form shows the period as written, beside its dates
    assert 'value="Q2 2025"' in client.get(address).content.decode()


def test_plain_dates_still_work_and_a_changed_period_replaces_them(step_page):
    client, address, step = step_page
    client.post(address, _form(step, actual_start="2025-03-04", actual_end="2025-05-20"))
    step.refresh_from_db()
    assert (step.actual_start, step.actual_end) == (date(2025, 3, 4), date(2025, 5, 20))
    # the dates were on the form already; a period typed now fills them anew
    form = _form(
        step, actual_start="2025-03-04", actual_end="2025-05-20", actual_period="mei–juni 2025"
    )
    client.post(address, form)
    step.refresh_from_db()
    assert (step.actual_start, step.actual_end) == (date(2025, 5, 1), date(2025, 6, 30))


def test_an_unreadable_period_is_refused_in_dutch(step_page):
    client, address, step = step_page
    before = (step.planned_start, step.planned_end)
    page = client.post(address, _form(step, planned_period="ergens volgend jaar")).content.decode()
    assert "In “ergens volgend jaar” staat geen jaar; schrijf bijvoorbeeld Q2 2025" in page
    page = client.post(address, _form(step, planned_period="Q1 en Q3 2025")).content.decode()
    assert "“Q1 en Q3 2025” is geen aaneengesloten periode" in page
    page = client.post(address, _form(step, planned_period="rond de zomer 2025")).content.decode()
    assert "“rond de zomer 2025” is niet te lezen als periode" in page
    step.refresh_from_db()
    assert (step.planned_start, step.planned_end) == before


def test_a_period_and_different_dates_typed_together_are_refused(step_page):
    client, address, step = step_page
    form = _form(step, planned_period="Q2 2025", planned_start="2025-05-01", planned_end="")
    page = client.post(address, form).content.decode()
    assert "De periode en de datums verschillen" in page
