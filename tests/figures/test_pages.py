"""The analysis pages show every number with its source and period, and a table per chart."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ivp.figures import safety_picture
from ivp.figures.formats.mapped import ColumnMapping
from ivp.figures.models import Indicator
from ivp.figures.services import figures_import, figures_import_mapped
from ivp.figures.synthetic import synthesize_47013
from ivp.regions.models import Municipality, Region
from tests.conftest import client_for


@pytest.mark.django_db
def test_safety_picture_shows_figures_with_source_period_and_verdict():
    page = client_for(None).get("/gemeenten/GM1708/veiligheidsbeeld/").content.decode()
    assert "Steenwijkerland, 2022–2024" in page
    assert "1.374" in page and "1.133" in page and "24,9" in page
    assert "Bron: Politie, 47013NED (editie 2026)" in page
    assert "<svg" in page and "<table" in page
    # 1374 → 1133 per inhabitant is far beyond chance: a fall, with its interval
    assert "ivp-verdict--daling" in page
    assert "SYNTHETISCH" not in page


@pytest.mark.django_db
def test_small_change_is_called_stable_not_a_rise():
    page = client_for(None).get("/gemeenten/GM1701/veiligheidsbeeld/?van=2022&tot=2023").content
    # Westerveld 317 → 366: p ≈ 0.08, so no rise is claimed
    assert b"ivp-verdict--stabiel" in page
    assert b"ivp-verdict--stijging" not in page


@pytest.mark.django_db
def test_indicator_detail_lists_every_change_and_the_comparisons():
    page = (
        client_for(None)
        .get("/gemeenten/GM1708/veiligheidsbeeld/misdrijven-totaal/")
        .content.decode()
    )
    rows = re.findall(r">(\d{4})</td>\s*<td[^>]*>(\d{4})</td>", page)
    assert rows == [("2022", "2023"), ("2023", "2024"), ("2022", "2024")]
    assert "rest van de provincie Overijssel" in page and "rest van Nederland" in page
    assert "vergelijkbare gemeenten" in page
    assert "gewone schommeling tussen jaren van alle gemeenten" in page  # the method of a change
    assert re.search(r"gewone schommeling tussen jaren ±\d,\d%", page)


@pytest.mark.django_db
def test_map_colours_municipalities_and_lists_them_in_a_table():
    page = client_for(None).get("/cijfers/kaart/?gemeente=GM1708&jaar=2023").content.decode()
    assert "<svg" in page
    assert page.count('scope="row"') == 342
    assert 'aria-current="true"' in page
    assert "Voorne aan Zee" in page  # named as missing from the 2022 borders


@pytest.mark.django_db
def test_synthetic_figures_are_marked_on_the_page(tmp_path):
    path = synthesize_47013(
        tmp_path, first_year=2022, last_year=2024, municipality_codes=["GM1708"]
    )
    figures_import(file_name=path.name, raw=path.read_bytes())
    page = client_for(None).get("/gemeenten/GM1708/veiligheidsbeeld/").content.decode()
    assert "SYNTHETISCH" in page


@pytest.mark.django_db
def test_national_figures_show_series_with_trend_and_source():
    page = client_for(None).get("/cijfers/gebied/NL01/").content.decode()
    assert "Nederland, 2012–2024" in page
    assert "Bron: Politie, 47018NED (editie 2024-04)" in page  # national totals per type
    assert "Geregistreerde misdrijven, totaal" in page
    assert "per jaar" in page  # the trend sentence over 2012–2024


@pytest.mark.django_db
def test_national_changes_are_judged_against_the_countrys_own_swing_over_the_years():
    """No swing between areas exists for the country itself: its own twelve years give one
    (quasi-Poisson), so 800,000 registrations do not make every 1% change a rise or fall."""
    from ivp.analysis import methods
    from ivp.figures import safety_picture

    area = safety_picture.build_for_area("NL01", "Nederland")
    total = next(i for i in area.indicators if i.indicator.code == "misdrijven-totaal")
    assert total.changes
    assert {c.method for c in total.changes} == {methods.OWN_SWING}
    small = [c for c in total.changes if abs(c.percent_change) < 2]
    assert small and all(c.verdict == "stabiel" for c in small)


@pytest.mark.django_db
def test_province_survey_figures_carry_their_margins_and_are_called_stable_within_them():
    page = client_for(None).get("/cijfers/gebied/PV22/").content.decode()
    assert "Rapportcijfer veiligheid in buurt" in page
    assert "± 0,1" in page
    assert "Bron: CBS, VM-provincie (editie 2018)" in page
    assert "ivp-verdict--stabiel" in page


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<svg"), ("png", b"\x89PNG")])
def test_charts_download_for_documents(fmt, magic):
    response = client_for(None).get(
        f"/gemeenten/GM1708/veiligheidsbeeld/misdrijven-totaal/grafiek.{fmt}"
    )
    assert response.status_code == 200
    assert magic in response.content[:200]
    assert "GM1708-misdrijven-totaal-2022-2024" in response["Content-Disposition"]


@pytest.mark.django_db
def test_wijken_are_compared_with_the_rest_of_the_municipality():
    """A typed 47018NED file with wijken (made up for the test, not real figures)."""
    rows = [("WK170800", 700), ("WK170807", 60), ("WK170817", 150), ("WK170803", 3)]
    lines = ['"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"']
    lines += [f'"{i}";"0.0.0 ";"{code}  ";"2023JJ00";"{n}"' for i, (code, n) in enumerate(rows)]
    figures_import(file_name="47018NED_test.csv", raw="\n".join(lines).encode(), edition="2024-08")
    page = (
        client_for(None)
        .get("/gemeenten/GM1708/veiligheidsbeeld/misdrijven-totaal/?van=2022&tot=2024")
        .content.decode()
    )
    assert "Wijken vergeleken" in page
    section = page.split("Wijken vergeleken", 1)[1]
    # Highest rate first: Giethoorn 150/2,890 = 51,9; Steenwijk 700/17,515 = 40,0;
    # Vollenhove 60/4,390 = 13,7; Kalenberg 3/225 = 13,3 per 1,000 inhabitants.
    order = [section.index(name) for name in ("Giethoorn", "Steenwijk", "Vollenhove", "Kalenberg")]
    assert order == sorted(order)
    assert "51,9" in section and "40,0" in section and "hoger" in section and "lager" in section
    assert "klein aantal" in section  # Kalenberg: 3 registrations


@pytest.mark.django_db
def test_months_that_stand_out_in_an_own_monthly_series(westerveld):
    """Own registrations per month over three years with July clearly higher."""
    lines = ["Maand;Aantal"]
    for year in (2022, 2023, 2024):
        for month in range(1, 13):
            lines.append(f"{year}-{month:02d};{60 if month == 7 else 20 + (month % 3)}")
    figures_import_mapped(
        file_name="overlast.csv",
        raw="\n".join(lines).encode(),
        municipality=westerveld,
        mapping=ColumnMapping(
            period="Maand", value="Aantal", name="Meldingen overlast", kind="overlast"
        ),
    )
    page = (
        client_for(None)
        .get("/gemeenten/GM1701/veiligheidsbeeld/gm1701-meldingen-overlast/?van=2022&tot=2024")
        .content.decode()
    )
    assert "Maanden die opvallen" in page
    assert "meer registraties dan in de rest van het jaar in juli" in page
    # the drafted sentences name months in words; the tables keep the codes
    said = re.search(r'<ul class="[^"]*ivp-sentences">(.*?)</ul>', page, re.S).group(1)
    assert "Over januari 2022–december 2024 zijn er" in said
    assert not re.search(r"\b\d{4}-\d{2}\b", said), said


@pytest.mark.django_db
def test_the_picture_reads_a_fixed_number_of_queries_however_many_indicators(tmp_path):
    path = synthesize_47013(
        tmp_path, first_year=2022, last_year=2024, municipality_codes=["GM1708"]
    )
    figures_import(file_name=path.name, raw=path.read_bytes())
    municipality = Municipality.objects.get(code="GM1708")
    with CaptureQueriesContext(connection) as queries:
        picture = safety_picture.build(municipality)
    assert len(picture.indicators) == 60  # the real total and 59 synthetic crime types
    assert len(queries) == 15


@pytest.mark.django_db
def test_pictures_built_for_a_whole_region_at_once_are_those_built_one_by_one():
    # Drenthe, with the national figures: benchmarks, peers and verdicts (the wijken:
    # tests/figures/test_buurt_figures.py).
    members = list(
        Region.objects.get(code="PV22").members.select_related("province").order_by("sort_name")
    )
    indicators = list(
        Indicator.objects.filter(observations__area_code="GM1701")
        .distinct()
        .prefetch_related("themes")
    )
    cache.clear()
    together = safety_picture.build_many(members, indicators)
    cache.clear()
    one_by_one = [safety_picture.build(m, indicators=indicators) for m in members]
    assert [p.municipality.code for p in together] == [m.code for m in members]
    assert together == one_by_one
    shown = [i for picture in together for i in picture.indicators]
    assert {p.municipality.code for p in together if p.indicators} > {"GM1701"}
    assert any(i.benchmarks for i in shown) and any(p.peers for p in together)
    assert any(i.overall_change and i.overall_change.verdict for i in shown)
