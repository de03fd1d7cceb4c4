"""What a resident reads of the veiligheidsbeeld and the map: no editor's labels, every field
named, numbers in Dutch."""

import re

import pytest

from ivp.figures import safety_picture
from ivp.regions.models import Municipality
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
PICTURE = "/gemeenten/GM1708/veiligheidsbeeld/"


@pytest.mark.parametrize("reader", [None, "raad.westerveld", "coordinator.westerveld"])
def test_the_drafted_text_label_is_not_shown_to_readers_who_do_not_edit(reader):
    page = client_for(reader).get(PICTURE).content.decode()
    assert "Concepttekst" not in page
    # The sentences themselves are there, without the label.
    assert "Geregistreerde misdrijven" in page


def test_the_coordinator_sees_the_drafted_text_label():
    page = client_for("coordinator.steenwijkerland").get(PICTURE).content.decode()
    assert "Concepttekst" in page


def test_fields_without_figures_are_named_with_where_figures_could_come_from():
    picture = safety_picture.build(Municipality.objects.get(code="GM1708"))
    empty = picture.fields_without_figures
    assert empty  # the demo has crimes in total only: most fields have none
    page = client_for(None).get(PICTURE).content.decode()
    section = page[page.index('id="velden-zonder-cijfers"') :]
    for field in empty:
        assert field.name in section
    assert "Veiligheidsmonitor" in section and "47013NED" in section
    # Each field its own list of sources, ending in the municipality's own registrations.
    lists = re.findall(r"<ul[^>]*>(.*?)</ul>", section, re.S)
    assert len(lists) == len(empty)
    assert all(items.count("<li") >= 2 for items in lists)


def test_a_field_with_figures_is_not_listed_as_without():
    picture = safety_picture.build(Municipality.objects.get(code="GM1708"))
    page = client_for(None).get(PICTURE).content.decode()
    section = page[page.index('id="velden-zonder-cijfers"') :]
    for field in picture.fields:
        assert f"{field.number}. {field.name}" not in section


MAP = "/cijfers/kaart/"
DUTCH_NUMBER = re.compile(r"^\d{1,3}(\.\d{3})*(,\d+)?$")  # 1.234,5


def _svg(page: str) -> str:
    return re.search(r"<svg.*?</svg>", page, re.S).group()


def test_the_map_legend_writes_numbers_the_dutch_way():
    svg = _svg(client_for(None).get(MAP).content.decode())
    labels = [t for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if re.search(r"\d", t)]
    numbers = [t for t in labels if not re.search(r"[a-z]", t)]
    assert numbers, labels
    assert all(DUTCH_NUMBER.match(n) for n in numbers), numbers
    assert any("," in n for n in numbers)  # rates with one decimal: 23,6, not 23.6
    assert "per 1.000" in svg  # the legend's title


def test_every_municipality_on_the_map_leads_to_its_page_without_tab_stops():
    svg = _svg(client_for(None).get(MAP).content.decode())
    links = re.findall(r"<a ([^>]*)>", svg)
    assert len(links) > 300
    assert all(re.fullmatch(r'href="/gemeenten/GM\d{4}/" tabindex="-1"', a) for a in links)
    assert client_for(None).get("/gemeenten/GM1708/").status_code == 200
    assert 'href="/gemeenten/GM1708/"' in svg


@pytest.mark.parametrize("named", ["Steenwijkerland", "steenwijkerlant", "Giethoorn", "GM1708"])
def test_the_map_marks_a_municipality_by_name_as_well_as_by_code(named):
    page = client_for(None).get(MAP, {"gemeente": named}).content.decode()
    chosen = re.search(r'aria-current="true"><th[^>]*><a[^>]*>([^<]*)<', page)
    assert chosen and chosen.group(1) == "Steenwijkerland"
    assert "Steenwijkerland" in page[page.index("<figcaption") : page.index("</figcaption>")]


def test_a_name_no_municipality_has_marks_none_and_says_so():
    page = client_for(None).get(MAP, {"gemeente": "Xqzptvland"}).content.decode()
    assert 'aria-current="true"' not in page
    assert "Xqzptvland" in page
