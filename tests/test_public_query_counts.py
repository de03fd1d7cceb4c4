"""The public pages, computed anew (nothing kept), ask the database a fixed number of times:
the same for a municipality with plans, figures and wijken as for one with none, and far
fewer times than the rows they list (no query per row in a template)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ivp.regions.models import Municipality

# Westerveld and Steenwijkerland have plans, progress and figures; the others have none.
MUNICIPALITIES = ("GM1701", "GM1708", "GM0363", "GM0014")
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
