"""The drafted words for a change say how much and against what swing, without a p-value: the
swing between municipalities for the police totals, a figure's own swing over its years, or
that no swing could be estimated."""

import json
import re
from types import SimpleNamespace

import polars as pl
import pytest
from django.utils import translation

from ivp.analysis import Series, changes
from ivp.figures.drafting import _change_sentence

from .test_analyse_command import analyse, total


def _said(series: Series) -> str:
    picture = SimpleNamespace(indicator=SimpleNamespace(unit="aantal"))
    with translation.override("nl"):
        return _change_sentence(picture, changes(series, swings={})[-1]).text


@pytest.mark.django_db
def test_the_police_totals_are_worded_against_the_swing_between_municipalities():
    crimes = total(json.loads(analyse("GM1708", "--from", "2022", "--to", "2024")))
    said = " ".join(crimes["text"])
    assert re.search(r"gewone schommeling van ±\d+,\d% tussen jaren", said)
    assert not re.search(r"\bp [=<]", said)  # no p-value in words for the council


def test_an_own_figure_with_five_years_is_worded_against_its_own_swing():
    series = Series(("2020", "2021", "2022", "2023", "2024"),
                    (800.0, 1010.0, 820.0, 1050.0, 1150.0), (40_000.0,) * 5)  # fmt: skip
    said = _said(series)
    assert "binnen de eigen schommeling van dit cijfer over de jaren" in said
    assert not re.search(r"\bp [=<]", said)


def test_an_own_figure_with_two_years_says_no_swing_could_be_estimated():
    said = _said(Series(("2023", "2024"), (800.0, 1000.0), (40_000.0,) * 2))
    assert "stijging van 25,0% per inwoner" in said
    assert "niet te schatten" in said and "meer zeggen dan de cijfers dragen" in said


def test_a_comparison_says_the_rest_of_and_one_that_could_not_be_made_says_so():
    from ivp.analysis import benchmark
    from ivp.figures.drafting import _benchmark_sentence

    with translation.override("nl"):
        made = _benchmark_sentence(benchmark(1133, 45_716, 800_027, 17_590_672,
                                             "rest van Nederland", reference_includes_area=True))  # fmt: skip
        untested = _benchmark_sentence(benchmark(5, 1000, None, None, "10 vergelijkbare gemeenten"))
    assert "lager dan in de rest van Nederland" in made.text
    assert "kon dit niet worden vergeleken met 10 vergelijkbare gemeenten" in untested.text


@pytest.mark.django_db
def test_each_field_paragraph_names_the_comparison_with_the_rest_of_the_country():
    from ivp.figures import drafting, safety_picture
    from ivp.regions.models import Municipality

    picture = safety_picture.build(Municipality.objects.get(code="GM1708"))
    with translation.override("nl"):
        said = [s.text for f in picture.fields for s in drafting.field_paragraph(f, picture)]
    assert any("de rest van Nederland" in text for text in said)


def test_a_peer_comparison_tested_exactly_does_not_claim_the_swing():
    from ivp.analysis import Swing, peer_benchmark
    from ivp.figures.drafting import _benchmark_sentence

    group = pl.DataFrame(
        {"area": ["a", "b", "c"], "value": [30.0] * 3, "inhabitants": [10_000] * 3}
    )
    with translation.override("nl"):
        exact = _benchmark_sentence(peer_benchmark(0, 10_000, group, "drie vergelijkbare gemeenten",
                                                   swing=Swing(0.005, 300))).text  # fmt: skip
        judged = _benchmark_sentence(peer_benchmark(31, 10_000, group, "drie vergelijkbare gemeenten",
                                                    swing=Swing(0.005, 300))).text  # fmt: skip
    assert "dan toeval verklaart" in exact and "schommeling" not in exact
    assert "lager dan in alle drie vergelijkbare gemeenten" in exact
    assert "gewone schommeling" in judged
