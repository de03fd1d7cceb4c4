"""Rates per 1,000 divide by the population on 1 January of the year, as CBS's own rates do,
and the country and the provinces use the population CBS publishes for them."""

import csv
import json
import re

import polars as pl
import pytest

from ivp import analysis
from ivp.figures.selectors import population_frame
from ivp.figures.services import figures_import
from ivp.regions.models import Population
from tests.conftest import DATA, client_for
from tests.regions.test_population_totals import cbs_rows

pytestmark = pytest.mark.django_db

CBS_83648 = DATA / "cbs-83648-gemeente-2022" / "gemeenten_2022_83648_totaal.geojson"
METADATA_47013 = DATA / "politie-47013-gemeente-totaal" / "metadata_47013NED_2025-12.csv"


def dutch_decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def dutch_whole(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def table_row(page: str, indicator: str, period: str) -> str:
    return re.search(rf'id="rij-{indicator}-{period}".*?</tr>', page, re.S).group(0)


def count_in(row: str) -> int:
    cells = re.findall(r'numeric-data">([^<]*)<', row)
    return int(cells[0].replace(".", ""))


def test_national_page_divides_by_cbs_nederland_row_on_1_january():
    nederland = cbs_rows()["Nederland"]
    page = client_for(None).get("/cijfers/gebied/NL01/").content.decode()
    first, last = (
        table_row(page, "misdrijven-totaal", "2012"),
        table_row(page, "misdrijven-totaal", "2024"),
    )
    # 1 January 2012 is 31 December 2011 in CBS 37230ned
    assert dutch_whole(nederland[2011]) in first
    rate_2012 = count_in(first) / nederland[2011] * 1000
    rate_2024 = count_in(last) / nederland[2023] * 1000
    assert dutch_decimal(rate_2012) in first  # 67,4, not 74,3 from today's municipalities
    assert dutch_decimal(rate_2024) in last
    assert f"daling van {dutch_decimal((1 - rate_2024 / rate_2012) * 100)}%" in page


def test_a_province_page_divides_by_cbs_province_row():
    """Counts for Fryslân made up for this test; the population is CBS's."""
    lines = ['"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijven_1"']
    lines += [
        f'"{i}";"0.0.0 ";"PV21  ";"{year}JJ00";"{n}"'
        for i, (year, n) in enumerate([(2012, 30000), (2013, 29000)])
    ]
    figures_import(file_name="47013NED_test.csv", raw="\n".join(lines).encode(), edition="2025-12")
    fryslan = cbs_rows()["Fryslân (PV)"][2012]  # 1 January 2013
    summed = sum(
        Population.objects.filter(municipality__province__code="PV21", year=2012).values_list(
            "inhabitants", flat=True
        )
    )
    assert summed != fryslan  # Fryslân's municipalities merged since: the sum falls short
    row = table_row(
        client_for(None).get("/cijfers/gebied/PV21/").content.decode(), "misdrijven-totaal", "2013"
    )
    assert dutch_whole(fryslan) in row
    assert dutch_decimal(29000 / fryslan * 1000) in row


def formed_or_enlarged_on_1_january(year: int) -> set[str]:
    """Municipalities whose borders changed on 1 January of `year` (47013NED metadata): CBS's
    rate uses their new borders, 37230ned's year before their old ones."""
    mark = f"per 01-01-{year}"
    with METADATA_47013.open(encoding="utf-8-sig", newline="") as file:
        return {
            r[0].strip()
            for r in csv.reader(file, delimiter=";")
            if len(r) > 2 and r[0].startswith("GM") and mark in r[2]
        }


def test_municipal_rates_of_2022_agree_with_cbs_83648ned():
    features = json.loads(CBS_83648.read_text("utf-8"))["features"]
    published = {
        f["properties"]["statcode"]: (
            f["properties"]["Geregistreerde Misdrijven"],
            f["properties"]["Misdrijven Per 1000 Inw"],
        )
        for f in features
        if f["properties"]["Misdrijven Per 1000 Inw"] is not None
    }
    skip = formed_or_enlarged_on_1_january(2022)
    counts = pl.DataFrame(
        [(code, "2022", count) for code, (count, _) in published.items() if code not in skip],
        schema={"area": pl.String, "period": pl.String, "value": pl.Float64},
        orient="row",
    )
    rated = analysis.with_rates(counts, population_frame()).drop_nulls("rate_per_1000")
    assert rated.height > 300  # all but the municipalities of other borders than today's
    differing = [
        (r["area"], published[r["area"]][1], round(r["rate_per_1000"], 1))
        for r in rated.iter_rows(named=True)
        if abs(round(r["rate_per_1000"], 1) - published[r["area"]][1]) > 0.05
    ]
    assert differing == []


def paragraph(page: str, element_id: str) -> str:
    found = re.search(rf'<p [^>]*id="{element_id}">(.*?)</p>', page, re.S)
    return found.group(1) if found else ""


def test_a_municipality_formed_lately_says_why_its_first_rate_is_missing():
    """Dijk en Waard was formed on 1 January 2022: CBS gives its population from the end of
    2022, so 2022 has a count and no rate, and the pages say why instead of leaving it empty."""
    first = min(y for y, n in cbs_rows()["Dijk en Waard"].items() if n is not None)
    picture = client_for(None).get("/gemeenten/GM1980/veiligheidsbeeld/").content.decode()
    row = table_row(picture, "misdrijven-totaal", str(first))
    assert re.findall(r'numeric-data">([^<]*)<', row)[1:] == ["—", "—"]
    note = paragraph(picture, f"geen-bevolking-misdrijven-totaal-{first}")
    assert "Dijk en Waard" in note and f"{first}" in note
    assert 'href="/gemeenten/GM1980/#bevolking"' in note
    page = client_for(None).get("/gemeenten/GM1980/").content.decode()
    why = paragraph(page, f"bevolking-voor-{first}")
    assert "Dijk en Waard" in why and str(first + 1) in why  # the first year with a rate


def test_an_old_municipality_has_no_such_note():
    """Westerveld has a population for every year of the file (since 1998 as it is)."""
    picture = client_for(None).get("/gemeenten/GM1701/veiligheidsbeeld/").content.decode()
    assert 'id="geen-bevolking-' not in picture
    page = client_for(None).get("/gemeenten/GM1701/").content.decode()
    assert 'id="bevolking-voor-' not in page
