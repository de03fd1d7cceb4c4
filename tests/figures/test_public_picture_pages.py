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
