"""A municipality's public page opens with the safety picture's own numbers and words."""

import pytest

from ivp.figures import drafting, formatting, headline, safety_picture
from ivp.figures.models import Indicator, Observation, Source
from ivp.regions.models import Municipality
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

RISE_OR_FALL = ("stijging", "daling")


def tiles_of(code: str, **years):
    municipality = Municipality.objects.get(code=code)
    picture = safety_picture.build(municipality, **years)
    crimes = next(i for i in picture.indicators if i.indicator.code == headline.CRIMES)
    return headline.tiles_from(picture, municipality), crimes


def test_the_rate_tile_holds_the_analysis_numbers_with_source_and_period():
    tiles, crimes = tiles_of("GM1708")
    rate = tiles[0]
    assert rate.value == formatting.decimal(crimes.last.rate_per_1000)  # 24,9
    assert formatting.whole(crimes.last.value) in rate.detail  # 1.133
    assert rate.source == "Bron: Politie, 47013NED (editie 2026)"
    assert rate.period == crimes.last_period == "2024"
    national = next(b for b in crimes.benchmarks if b.label == safety_picture.REST_OF_COUNTRY)
    assert national.verdict == "lager" and "lager" in rate.verdict


def test_a_change_within_the_normal_swing_is_not_called_a_rise_or_fall():
    tiles, crimes = tiles_of("GM1708")
    change = headline.year_on_year(crimes)
    assert (change.from_period, change.to_period, change.verdict) == ("2023", "2024", "stabiel")
    tile = tiles[1]
    assert tile.value == formatting.percent(change.percent_change)
    assert tile.period == "2023–2024" and tile.source
    assert tile.verdict == "stabiel"
    assert not any(word in f"{tile.verdict} {tile.detail}" for word in RISE_OR_FALL)


def test_a_change_the_analysis_calls_a_fall_is_called_a_fall():
    tiles, crimes = tiles_of("GM1708", last_year=2023)
    assert headline.year_on_year(crimes).verdict == "daling"
    assert tiles[1].verdict == "daling"


def test_the_position_among_comparable_municipalities_uses_the_drafted_words():
    tiles, crimes = tiles_of("GM1708")
    peers = next(b for b in crimes.benchmarks if b.position is not None)
    tile = tiles[2]
    assert tile.value == drafting.peer_position(peers)
    assert "vergelijkbare gemeenten" in tile.value
    assert formatting.decimal(peers.reference_rate_per_1000) in tile.detail
    assert tile.period == "2024" and tile.source


def test_no_survey_tile_without_survey_figures():
    tiles, _crimes = tiles_of("GM1708")
    assert len(tiles) == 3


def test_a_survey_result_of_the_municipality_gets_its_tile():
    municipality = Municipality.objects.get(code="GM1708")
    indicator = Indicator.objects.get(code=headline.SURVEY_CODES[1])
    source = Source.objects.create(
        publisher="CBS", title="Veiligheidsmonitor 2023", edition="2023", table_id="VM"
    )
    Observation.objects.create(
        indicator=indicator, area_code="GM1708", municipality=municipality, period="2023",
        year=2023, value=31.4, margin=2.1, source=source,
    )  # fmt: skip
    tiles = headline.headline_tiles(municipality)
    survey = tiles[-1]
    assert survey.title == indicator.name
    assert survey.value == "31,4%" and "2,1" in survey.detail
    assert survey.period == "2023" and survey.source == source.credit


def test_the_page_opens_with_the_tiles_for_an_anonymous_visitor():
    page = client_for(None).get("/gemeenten/GM1708/").content.decode()
    tiles = page.index('class="ivp-tiles"')
    assert tiles < page.index("buurgemeenten")
    assert "24,9" in page[tiles:] and "Bron: Politie, 47013NED (editie 2026)" in page[tiles:]


def test_the_page_links_the_municipalities_it_borders():
    page = client_for(None).get("/gemeenten/GM1708/").content.decode()
    neighbours = page[page.index("buurgemeenten") :]
    for code in ("GM1701", "GM0119", "GM0098", "GM0171"):  # Westerveld, Meppel, …
        assert f'href="/gemeenten/{code}/"' in neighbours
    assert 'href="/gemeenten/GM0014/"' not in neighbours  # Groningen is far away
