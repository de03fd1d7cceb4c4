"""The map is rendered once per municipality and version of the figures, whatever
`?gemeente=` says: made-up values get the plain map, render nothing and fill no cache."""

import re
import secrets

import pytest
from django.core.cache import cache

from ivp.common import charts
from ivp.figures.maps import map_view
from ivp.figures.models import Indicator
from ivp.regions.models import Municipality
from tests.conftest import client_for

MAP = "/cijfers/kaart/"
ODD = ["", " ", "gm", "GM17081", "<svg onload=alert(1)>", "é" * 300, "GM1708\x00", "%", "../GM1708"]


@pytest.fixture
def renders(settings, monkeypatch) -> list[dict]:
    """An empty cache of its own, and every spec vl-convert renders to SVG, in order."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "map"}
    }
    cache.clear()  # locmem caches of one LOCATION live as long as the process
    made: list[dict] = []
    render = charts.vl_convert.vegalite_to_svg

    def counted(spec, *args, **kwargs):
        made.append(spec)
        return render(spec, *args, **kwargs)

    monkeypatch.setattr(charts.vl_convert, "vegalite_to_svg", counted)
    return made


def _map_of(page: bytes) -> str:
    return re.search(r"<svg.*?</svg>", page.decode(), re.S).group()


def _bogus(count: int) -> list[str]:
    codes = set(Municipality.objects.values_list("code", flat=True))
    values = [f"GM{n:04d}" for n in range(10_000) if f"GM{n:04d}" not in codes][: count // 2]
    values += ODD
    values += [secrets.token_urlsafe(12) for _ in range(count - len(values))]
    return values


@pytest.mark.slow
@pytest.mark.django_db
def test_a_thousand_made_up_municipalities_render_nothing_new(renders):
    indicator = Indicator.objects.get(code="misdrijven-totaal")
    plain = map_view(indicator, year=None, highlight=None)["svg"]
    chosen = map_view(indicator, year=None, highlight="GM1708")["svg"]
    assert len(renders) == 2 and plain != chosen
    entries = len(cache._cache)

    bogus = _bogus(1000)
    assert len(set(bogus)) == 1000
    for value in bogus:
        view = map_view(indicator, year=None, highlight=value)
        assert view["highlight"] is None and view["svg"] == plain
    assert len(renders) == 2, "made-up codes rendered maps"
    assert len(cache._cache) == entries, "made-up codes left cache entries"


@pytest.mark.django_db
def test_the_page_shows_the_plain_map_and_says_the_code_is_unknown(renders):
    client = client_for(None)
    plain = _map_of(client.get(MAP).content)
    for value in [*ODD[2:], "GM9999", secrets.token_urlsafe(12)]:
        page = client.get(MAP, {"gemeente": value})
        assert page.status_code == 200
        assert _map_of(page.content) == plain
        assert b'aria-current="true"' not in page.content  # nobody chosen in the table
        assert "Er is geen gemeente met CBS-code" in page.content.decode()
    assert len(renders) == 1


@pytest.mark.django_db
def test_a_code_in_any_case_is_the_same_map(renders):
    client = client_for(None)
    first = client.get(MAP, {"gemeente": "GM1708"}).content
    assert b'aria-current="true"' in first
    for value in ("gm1708", " GM1708 ", "Gm1708"):
        page = client.get(MAP, {"gemeente": value}).content
        assert _map_of(page) == _map_of(first) and b'aria-current="true"' in page
    assert len(renders) == 1
