"""Words for the council: periods in words, survey differences in procentpunt, no p-values,
and the cautions that go with reading a figure (visitors, one case with many registrations,
small numbers on the counts compared, synthetic figures never compared with real ones)."""

import re
from types import SimpleNamespace

import pytest
from django.utils import translation

from ivp.analysis import Series, changes, survey_change
from ivp.analysis.caution import MANY_VISITORS
from ivp.figures import formatting as nl
from ivp.figures.drafting import _change_sentence, cautions, indicator_sentences
from ivp.figures.formats.mapped import ColumnMapping
from ivp.figures.models import Indicator
from ivp.figures.services import figures_import_mapped
from ivp.regions.models import Municipality
from tests.conftest import client_for

P_VALUE = re.compile(r"\bp ?[=<]|p-waarde|\(p ")
PERIOD_CODE = re.compile(r"\b\d{4}(-\d{2}|-Q\d|KW\d{2}|MM\d{2})\b")


def test_a_period_code_reads_as_words():
    assert nl.period("2020-01") == "januari 2020"
    assert nl.period("2023-12") == "december 2023"
    assert nl.period("2020-Q1") == nl.period("2020KW01") == "eerste kwartaal 2020"
    assert nl.period("2020MM03") == "maart 2020"
    assert nl.period("2024") == nl.period("2024JJ00") == "2024"


def _indicator(unit="aantal", kind="misdrijven", classification="0.0.0"):
    return SimpleNamespace(
        name="Woninginbraak",
        unit=unit,
        kind=kind,
        classification=classification,
        is_count=kind in ("misdrijven", "overlast", "incidenten", "eigen"),
    )


def _nl(make):
    with translation.override("nl"):
        return make()


def test_a_monthly_change_names_its_months_and_has_no_p_value():
    series = Series(("2023-01", "2024-01"), (40.0, 90.0), (30_000.0, 30_000.0))
    change = changes(series, swings={})[-1]
    said = _nl(lambda: _change_sentence(SimpleNamespace(indicator=_indicator()), change).text)
    assert "januari 2023" in said and "januari 2024" in said, said
    assert not PERIOD_CODE.search(said) and not P_VALUE.search(said), said


@pytest.mark.parametrize("first, second", [(20.0, 26.0), (20.0, 21.0)])
def test_a_survey_percentage_changes_by_procentpunt_not_percent(first, second):
    change = survey_change(first, 2.0, second, 2.0, from_period="2021", to_period="2023")
    picture = SimpleNamespace(indicator=_indicator(unit="procent", kind="enquetepercentage"))
    said = _nl(lambda: _change_sentence(picture, change).text)
    assert f"{nl.decimal(second - first)} procentpunt" in said, said
    assert not re.search(rf"(?<![\d,]){nl.decimal(second - first)}%", said), said
    assert f"({nl.decimal(first)}%)" in said  # the levels themselves are percentages
    assert not P_VALUE.search(said), said


def _picture(code_values, *, classification="0.0.0", synthetic=False):
    (first, a), (last, b) = code_values
    change = changes(Series((first, last), (a, b), (40_000.0, 40_000.0)), swings={})[-1]
    return SimpleNamespace(
        indicator=_indicator(classification=classification),
        overall_change=change,
        last=SimpleNamespace(period=last, value=b, rate_per_1000=b / 40, inhabitants=40_000),
        synthetic=synthetic,
        series=[],
        benchmarks=[],
        comparison_left_out=False,
        trend=None,
        seasonality=None,
    )


def test_visitors_are_named_for_the_wadden_islands_and_big_city_centres_only():
    picture = _picture((("2022", 500.0), ("2024", 520.0)))
    for code in ("GM0060", "GM0448", "GM0363"):
        assert code in MANY_VISITORS
        assert any("bezoekers" in c for c in _nl(lambda c=code: cautions(picture, c)))
    assert not any("bezoekers" in c for c in _nl(lambda: cautions(picture, "GM1708")))


def test_small_numbers_are_judged_on_the_counts_the_change_compares():
    earlier_small = _nl(lambda: cautions(_picture((("2022", 12.0), ("2024", 31.0)))))
    small = [c for c in earlier_small if c.startswith("Kleine aantallen")]
    assert small and "12 in 2022" in small[0] and "31 in 2024" in small[0], earlier_small
    large = _nl(lambda: cautions(_picture((("2022", 400.0), ("2024", 420.0)))))
    assert not any(c.startswith("Kleine aantallen") for c in large)


def test_one_case_with_many_registrations_for_fraud_and_for_a_jump_on_a_small_count():
    def warned(picture) -> bool:
        return any("Eén zaak" in c for c in _nl(lambda: cautions(picture)))

    assert warned(_picture((("2022", 900.0), ("2024", 950.0)), classification="3.9.1"))
    assert warned(_picture((("2022", 30.0), ("2024", 75.0))))
    assert not warned(_picture((("2022", 900.0), ("2024", 950.0))))


def test_a_synthetic_figure_is_never_compared_with_real_ones_in_words():
    picture = _picture((("2022", 500.0), ("2024", 520.0)), synthetic=True)
    picture.benchmarks = [
        SimpleNamespace(
            label="rest van Nederland",
            rate_per_1000=13.0,
            reference_rate_per_1000=44.7,
            rate_ratio=0.29,
            ci95=(0.26, 0.32),
            verdict="lager",
            method="",
            position=None,
        )
    ]
    alike = _nl(lambda: [s.text for s in indicator_sentences(picture, "X")])
    assert any("rest van Nederland" in s for s in alike), alike
    picture.benchmarks, picture.comparison_left_out = [], True  # as the picture leaves it out
    mixed = _nl(lambda: [s.text for s in indicator_sentences(picture, "X")])
    assert not any("rest van Nederland" in s for s in mixed), mixed
    assert any("weggelaten" in s and "synthetisch" in s for s in mixed), mixed


@pytest.mark.django_db
def test_a_survey_percentage_on_the_pages_changes_by_procentpunt():
    text = "Golf;Percentage;Marge\n2021;20,0;1,5\n2023;26,0;1,5\n"
    mapping = ColumnMapping(
        period="Golf",
        value="Percentage",
        margin="Marge",
        name="Slachtoffer van een delict",
        kind="enquetepercentage",
    )
    figures_import_mapped(
        file_name="vm.csv",
        raw=text.encode(),
        municipality=Municipality.objects.get(code="GM1701"),
        mapping=mapping,
    )
    code = Indicator.objects.get(name="Slachtoffer van een delict").code
    page = client_for(None).get(f"/gemeenten/GM1701/veiligheidsbeeld/{code}/").content.decode()
    assert "6,0 procentpunt" in page  # in the drafted sentence and the changes table
    assert "30,0%" not in page  # the relative change (26 against 20) is no survey's change
