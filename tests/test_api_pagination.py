"""API lists come in pages; asking for a million rows at once gets a page of 500."""

from urllib.parse import parse_qs, urlsplit

import pytest

from ivp.common import revisions
from ivp.figures.models import Indicator, Observation
from ivp.regions.models import Municipality
from tests.conftest import client_for

URL = "/api/v1/gemeenten/GM1708/waarnemingen/"


@pytest.fixture
def many_observations(db) -> int:
    """Fifty years of monthly figures for Steenwijkerland: 600 observations more."""
    municipality = Municipality.objects.get(code="GM1708")
    indicator = Indicator.objects.get(code="misdrijven-totaal")
    source = Observation.objects.filter(indicator=indicator).first().source
    revisions.bump(revisions.FIGURES)  # as every bulk write of figures does
    Observation.objects.bulk_create(
        Observation(
            indicator=indicator,
            area_code="GM1708",
            municipality=municipality,
            period=f"{year}-{month:02d}",
            year=year,
            value=100 + month,
            source=source,
        )
        for year in range(1970, 2020)
        for month in range(1, 13)
    )
    return Observation.objects.filter(area_code="GM1708").count()


def test_a_huge_limit_gets_a_page_of_500_and_a_link_to_the_next(many_observations):
    answer = client_for(None).get(URL, {"limit": 1_000_000}).json()
    assert answer["count"] == many_observations > 500
    assert len(answer["results"]) == 500
    next_page = parse_qs(urlsplit(answer["next"]).query)
    assert next_page["limit"] == ["500"] and next_page["offset"] == ["500"]
    rest = client_for(None).get(answer["next"]).json()
    assert len(rest["results"]) == many_observations - 500 and rest["next"] is None


def test_without_a_limit_a_page_holds_100(many_observations):
    answer = client_for(None).get(URL).json()
    assert len(answer["results"]) == 100
    assert len(client_for(None).get(URL, {"limit": 250}).json()["results"]) == 250
