"""A municipality's page names the municipalities it borders, from the CBS borders in data/."""

import json

import pytest

from ivp.regions import neighbours
from ivp.regions.models import Municipality
from ivp.regions.selectors import neighbours as neighbours_of
from tests.conftest import DATA, client_for


def test_the_shipped_neighbours_are_what_the_borders_in_data_give():
    borders = json.loads((DATA.joinpath(*neighbours.BORDERS)).read_text(encoding="utf-8"))
    assert neighbours.compute(borders) == neighbours.neighbours()


def test_bordering_is_mutual_and_known_pairs_hold():
    mapping = neighbours.neighbours()
    assert all(code in mapping[other] for code, others in mapping.items() for other in others)
    assert set(mapping["GM1708"]) >= {"GM1701", "GM0119", "GM0098", "GM0171", "GM1896"}
    assert "GM0014" not in mapping["GM1708"]  # Groningen
    assert mapping["GM0088"] == []  # Schiermonnikoog: an island


@pytest.mark.django_db
def test_a_municipality_formed_after_2022_gets_its_province_and_says_why():
    voorne = Municipality.objects.get(code="GM1992")  # Voorne aan Zee, 2023
    found, bordering = neighbours_of(voorne)
    assert not bordering
    assert {m.province_id for m in found} == {voorne.province_id} and voorne not in found
    page = client_for(None).get("/gemeenten/GM1992/").content.decode()
    assert "2022" in page[page.index("buurgemeenten") :]
