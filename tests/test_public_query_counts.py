"""The public pages, computed anew (nothing kept), ask the database a fixed number of times:
the same for a municipality with plans, figures and wijken as for one with none, and far
fewer times than the rows they list (no query per row in a template)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ivp.planning.models import Action
from ivp.regions.models import Municipality, Region
from tests.conftest import client_for

# Westerveld and Steenwijkerland have plans, progress and figures; the others have none.
MUNICIPALITIES = ("GM1701", "GM1708", "GM0363", "GM0014")
REGIONS = ("zuidwest-drenthe", "PV22", "PV23")  # 3, 12 and 25 members
PER_MUNICIPALITY = [
    "/gemeenten/{}/",
    "/gemeenten/{}/veiligheidsbeeld/",
    "/api/v1/gemeenten/{}/",
]


def _computed_queries(path: str) -> tuple[int, int]:
    cache.clear()  # neither the kept page nor its pictures: the page is made anew
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    return response.status_code, len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PER_MUNICIPALITY)
def test_a_public_page_asks_the_same_number_of_queries_for_every_municipality(page):
    counts = {code: _computed_queries(page.format(code)) for code in MUNICIPALITIES}
    assert {status for status, _ in counts.values()} == {200}
    assert len({n for _, n in counts.values()}) == 1, counts


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/gemeenten/", "/api/v1/gemeenten/?limit=500", "/cijfers/kaart/"])
def test_a_list_of_every_municipality_asks_a_handful_of_queries(path):
    listed = Municipality.objects.count()
    status, queries = _computed_queries(path)
    assert status == 200
    assert listed > 300
    assert queries <= 10


@pytest.mark.django_db
def test_the_members_side_by_side_asks_the_same_number_of_queries_for_regions_of_any_size():
    # Each region has a member with a plan (Westerveld or Steenwijkerland) and members without.
    regions = {code: Region.objects.get(code=code).members.count() for code in REGIONS}
    assert len(set(regions.values())) == len(regions), regions
    client = client_for("beheerder")
    client.get("/")  # the session's first request saves it: not the side by side's doing
    counts = {}
    for code in regions:
        path = f"/regios/{code}/naast-elkaar/"
        cache.clear()  # every member's picture computed anew
        with CaptureQueriesContext(connection) as computed:
            response = client.get(path)
        assert response.status_code == 200
        with CaptureQueriesContext(connection) as kept:  # the pictures kept, the page not
            again = client.get(path)
        assert _table(again) == _table(response)
        counts[code] = (len(computed), len(kept))
    assert len(set(counts.values())) == 1, counts


@pytest.mark.django_db
def test_the_dashboard_asks_the_same_number_of_queries_for_uitvoeringsplannen_of_any_size():
    sizes = {
        code: Action.objects.filter(theme__action_plan__municipality__code=code).count()
        for code in ("GM1701", "GM1708")
    }
    assert len(set(sizes.values())) == 2, sizes
    client = client_for("beheerder")
    client.get("/")
    counts = {}
    for code in sizes:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/gemeenten/{code}/uitvoeringsplan/2026/dashboard/")
        assert response.status_code == 200
        counts[code] = len(queries)
    assert len(set(counts.values())) == 1, counts


def _table(response) -> str:
    page = response.content.decode()
    return page[page.index("<table") : page.index("</table>")]
