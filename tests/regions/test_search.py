"""A resident finds their municipality however they type it: misspelt, or by a place in it."""

import re

import pytest
from django.urls import reverse

from ivp.regions.selectors import municipality_search
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def found(query: str, province: str = "") -> list[tuple[str, str]]:
    return [
        (h.municipality.code, h.reason) for h in municipality_search(query=query, province=province)
    ]


@pytest.mark.parametrize(
    ("typed", "code"),
    [("steenwijkerlant", "GM1708"), ("westervelt", "GM1701"), ("Westervelt ", "GM1701")],
)
def test_a_misspelt_name_finds_the_municipality_and_says_it_only_looks_alike(typed, code):
    hits = found(typed)
    assert hits[0][0] == code
    assert typed.strip() in hits[0][1]  # "naam lijkt op “westervelt”"


def test_a_wijk_name_finds_its_municipality_and_says_why():
    hits = found("giethoorn")
    assert hits[0][0] == "GM1708"
    assert "Giethoorn" in hits[0][1] and "Steenwijkerland" in hits[0][1]
    # No municipality whose name only looks like it (Uithoorn) once a place was found.
    assert [code for code, _reason in hits] == ["GM1708"]


def test_a_misspelt_place_still_finds_its_municipality():
    assert found("giethorn")[0][0] == "GM1708"


def test_a_place_in_another_province_is_not_offered_within_a_chosen_one():
    assert found("giethoorn", province="PV22") == []  # Drenthe; Giethoorn is in Overijssel


def test_its_own_name_comes_without_a_reason_and_before_places():
    hits = found("Westerveld")
    assert hits[0] == ("GM1701", "")
    # Wijken called Westerveld elsewhere (Oss) follow, each saying where they lie.
    assert all(reason for _code, reason in hits[1:])


@pytest.mark.parametrize("nonsense", ["xqzptv", "zzzzzzzz", "qwrtpsdfg"])
def test_nonsense_finds_nothing(nonsense):
    assert found(nonsense) == []


def test_the_page_shows_the_reason_beside_the_municipality():
    page = client_for(None).get(reverse("regions:municipality_list"), {"q": "giethoorn"})
    html = page.content.decode()
    assert page.status_code == 200
    assert set(re.findall(r'href="/gemeenten/(GM\d{4})/"', html)) == {"GM1708"}
    assert "Giethoorn" in html


def test_a_name_being_typed_is_not_crowded_out_by_places_that_start_so():
    # Steenwijksmoer (Coevorden) starts like Steenwijkerland; a place of that whole name would.
    assert [code for code, _reason in found("Steenwijk")] == ["GM1708"]
    assert "GM0109" in [code for code, _reason in found("Steenwijksmoer")]
