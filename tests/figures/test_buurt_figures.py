"""Figures per buurt, as the police publish 47018NED and as a municipality keeps its own lists,
reach the veiligheidsbeeld per buurt and per wijk, and add up to what the file holds.

The areas are Steenwijkerland's real buurten (47018NED_WijkenEnBuurten, CBS indeling 2024)
with their CBS inhabitants; the counts are made up for the test and are no real figures.
"""

import csv
import io
import json
from collections import defaultdict

import pytest
from django.core.cache import cache
from django.core.management import call_command

from ivp.analysis import methods
from ivp.analysis.areas import AREAS_SWING
from ivp.common.importing import ImportFileError
from ivp.figures import safety_picture
from ivp.figures.formats.mapped import ColumnMapping
from ivp.figures.formatting import value as nl_value
from ivp.figures.models import Indicator, Observation, Source
from ivp.figures.services import figures_import, figures_import_mapped
from ivp.figures.synthetic import synthesize_47013
from ivp.regions.models import KeyFigures, Region
from tests.conftest import DATA, client_for

AREAS = DATA / "politie-47018-buurt-metadata-2024" / "47018NED_WijkenEnBuurten.csv"
HEADER = '"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"'
YEARS = ("2023", "2024")


def steenwijkerland_buurten() -> dict[str, str]:
    """Code → name of every buurt of Steenwijkerland, as the police list them."""
    with AREAS.open(encoding="utf-8") as file:
        return {
            row["Key"].strip(): row["Title"]
            for row in csv.DictReader(file)
            if row["Municipality"] == "GM1708" and row["Key"].startswith("BU")
        }


def made_up_count(number: int, year: str) -> int:
    """Differs by buurt and year, never zero, so that every buurt has a change to measure."""
    return 1 + (number * 7 + int(year) * 3) % 23


def typed_buurt_file(buurten: dict[str, str]) -> tuple[bytes, dict[tuple[str, str], int]]:
    """A typed 47018NED file with buurt rows only, as the police publish a municipality."""
    lines, counts = [HEADER], {}
    for number, code in enumerate(sorted(buurten)):
        for year in YEARS:
            counts[code, year] = made_up_count(number, year)
            lines.append(f'"{len(lines)}";"1.1.1 ";"{code}";"{year}JJ00";"{counts[code, year]}"')
    return "\n".join(lines).encode(), counts


def wijk_sums(counts: dict[tuple[str, str], int]) -> dict[tuple[str, str], int]:
    sums = defaultdict(int)
    for (code, year), count in counts.items():
        sums["WK" + code[2:8], year] += count
    return dict(sums)


def analyse_json() -> dict:
    out = io.StringIO()
    call_command("analyse", "GM1708", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def indicator_of(result: dict, code: str) -> dict:
    return next(i for i in result["indicators"] if i["code"] == code)


@pytest.fixture
def imported(no_figures, steenwijkerland):
    """The police file for all 93 buurten, and an own list for thirteen buurten by name."""
    buurten = steenwijkerland_buurten()
    raw, police = typed_buurt_file(buurten)
    result = figures_import(file_name="47018NED_buurten.csv", raw=raw, edition="2025-03")
    # Every eighth buurt, Oldemarkt among them (a wijk and a buurt share that name), and the
    # buurt Nederland.
    names = [*sorted(buurten.items())[::8], ("BU17083500", "Nederland")]
    own, lines = {}, ["Jaar;Buurt;Meldingen"]
    for number, (code, name) in enumerate(names):
        for year in YEARS:
            own[code, year] = made_up_count(number + 3, year)
            lines.append(f"{year};{name};{own[code, year]}")
    figures_import_mapped(
        file_name="woonoverlast.csv",
        raw="\n".join(lines).encode(),
        municipality=steenwijkerland,
        mapping=ColumnMapping(
            period="Jaar", value="Meldingen", area="Buurt", name="Woonoverlast", kind="overlast"
        ),
    )
    return {"police": police, "own": own, "result": result, "names": dict(names)}


@pytest.mark.django_db
def test_buurt_rows_reach_analyse_per_buurt_and_wijk_with_the_files_sums(imported):
    police, own = imported["police"], imported["own"]
    result = analyse_json()
    for code, counts in (("misdrijven-1-1-1", police), ("gm1708-woonoverlast", own)):
        item = indicator_of(result, code)
        # The file has no total: the municipality's is the sum of its buurten, and says so.
        assert [(p["period"], p["value"]) for p in item["series"]] == [
            (year, sum(n for (_, y), n in counts.items() if y == year)) for year in YEARS
        ]
        assert any("opgeteld uit de buurten" in s["title"] for s in item["sources"])
        assert item["areas_period"] == "2024"
        buurten = {a["area"]: a["value"] for a in item["buurten"]}
        file_buurten = {code: n for (code, year), n in counts.items() if year == "2024"}
        assert set(buurten) == set(file_buurten)
        assert all(buurten[code] == file_buurten[code] for code in buurten)
        wijken = {a["area"]: a for a in item["areas"]}
        expected = {code: n for (code, year), n in wijk_sums(counts).items() if year == "2024"}
        assert wijken and set(wijken) == set(expected)
        assert all(wijken[code]["value"] == expected[code] for code in wijken)
        assert all(a["summed"] and a["total_summed"] for a in wijken.values())
    # 93 buurten with two years each: the swing between them is estimated and used; the own
    # list names thirteen: too few, so the exact test with its caution.
    police_buurten = indicator_of(result, "misdrijven-1-1-1")["buurten"]
    assert police_buurten[0]["level_method"] == AREAS_SWING
    assert police_buurten[0]["swing_areas"] >= 30
    assert {a["method"] for a in police_buurten if a["verdict"]} == {AREAS_SWING}
    own_buurten = indicator_of(result, "gm1708-woonoverlast")["buurten"]
    assert own_buurten[0]["level_method"] == methods.EXACT_NO_SWING
    assert own_buurten[0]["swing_percent"] is None
    # The rest of the municipality holds the buurten the list leaves out, with their people.
    people = KeyFigures.objects.get(municipality__code="GM1708", area=None, year=2024)
    total = sum(n for (_, year), n in own.items() if year == "2024")
    for area in own_buurten:
        assert area["reference_value"] + area["value"] == total
        assert area["reference_inhabitants"] + area["inhabitants"] == people.inhabitants


@pytest.mark.django_db
def test_the_veiligheidsbeeld_shows_both_per_buurt_and_per_wijk(imported):
    client = client_for(None)
    page = client.get("/gemeenten/GM1708/veiligheidsbeeld/").content.decode()
    assert "Woonoverlast" in page and "1.1.1" in page
    for code, counts in (
        ("misdrijven-1-1-1", imported["police"]),
        ("gm1708-woonoverlast", imported["own"]),
    ):
        response = client.get(f"/gemeenten/GM1708/veiligheidsbeeld/{code}/")
        assert response.status_code == 200
        page = response.content.decode()
        assert 'id="gebieden-wijk"' in page and 'id="gebieden-buurt"' in page
        wijken = page.split('id="gebieden-wijk"', 1)[1].split('id="gebieden-buurt"', 1)[0]
        for (wijk, year), total in wijk_sums(counts).items():
            if year == "2024" and wijk in wijken:
                row = wijken.split(wijk, 1)[1].split("</tr>", 1)[0]
                assert f">{nl_value(total)}*" in row
    assert Indicator.objects.get(code="gm1708-woonoverlast").municipality.code == "GM1708"


@pytest.mark.django_db
def test_a_wijk_called_nederland_is_never_the_country(imported):
    assert "BU17083500" in imported["names"]  # the buurt Nederland, named in the own list
    assert imported["names"]["BU17080200"] == "Oldemarkt"  # a wijk and a buurt by that name
    own = Observation.objects.filter(indicator__code="gm1708-woonoverlast", period="2024")
    for buurt in ("BU17083500", "BU17080200"):  # the file names buurten: so are these
        assert own.get(area_code=buurt).value == imported["own"][buurt, "2024"]
    item = indicator_of(analyse_json(), "misdrijven-1-1-1")
    wijk = next(a for a in item["areas"] if a["area"] == "WK170835")
    buurt = next(a for a in item["buurten"] if a["area"] == "BU17083500")
    assert wijk["label"] == "wijk Nederland"
    assert buurt["label"] == "buurt Nederland" and buurt["wijk_name"] == "wijk Nederland"
    out = io.StringIO()
    call_command("analyse", "GM1708", "--format", "md", stdout=out)
    assert "| wijk Nederland | WK170835 |" in out.getvalue()
    page = client_for(None).get("/gemeenten/GM1708/veiligheidsbeeld/misdrijven-1-1-1/").content
    assert b">wijk Nederland <" in page and b">buurt Nederland <" in page


@pytest.mark.django_db
def test_a_survey_row_called_nederland_in_steenwijkerland_must_say_which(steenwijkerland):
    text = "Jaar;Gebied;Score\n2023;Nederland;7,1\n2023;Steenwijkerland;7,4\n"
    with pytest.raises(ImportFileError) as refused:
        figures_import_mapped(
            file_name="veiligheidsgevoel.csv",
            raw=text.encode(),
            municipality=steenwijkerland,
            mapping=ColumnMapping(
                period="Jaar", value="Score", area="Gebied", name="Veilig", kind="enquetescore"
            ),
        )
    message = str(refused.value.problems[0].message)
    assert "WK170835" in message and "NL01" in message


@pytest.mark.django_db
def test_a_sum_of_buurten_never_replaces_a_published_total(steenwijkerland):
    """The demo holds Steenwijkerland's published 47013NED total for 2023 (1,204)."""
    raw, counts = typed_buurt_file({"BU17080001": "", "BU17080002": ""})
    raw = raw.replace(b'"1.1.1 "', b'"0.0.0 "')
    result = figures_import(file_name="47018NED_twee.csv", raw=raw, edition="2026-12")
    total = Observation.objects.get(
        indicator__code="misdrijven-totaal", area_code="GM1708", period="2023"
    )
    assert total.value == 1204 and total.source.table_id == "47013NED"
    assert result.kept_published == 2  # 2023 and 2024
    wijk = Observation.objects.get(
        indicator__code="misdrijven-totaal", area_code="WK170800", period="2023"
    )
    assert wijk.value == counts["BU17080001", "2023"] + counts["BU17080002", "2023"]
    assert Source.objects.get(pk=wijk.source_id).title.endswith("in het bestand)")


@pytest.mark.django_db
def test_a_published_total_replaces_a_sum_whatever_its_edition(no_figures):
    raw, counts = typed_buurt_file({"BU17080001": "", "BU17080002": ""})
    figures_import(file_name="47018NED_twee.csv", raw=raw, edition="2025-03")
    again = figures_import(file_name="47018NED_twee.csv", raw=raw, edition="2025-03")
    assert (again.inserted, again.replaced, again.unchanged) == (0, 0, 8)  # 4 buurt, 4 sums
    total = Observation.objects.get(area_code="GM1708", period="2023")
    assert total.value == counts["BU17080001", "2023"] + counts["BU17080002", "2023"]
    published = "\n".join([HEADER, '"1";"1.1.1 ";"GM1708    ";"2023JJ00";"1000"']).encode()
    result = figures_import(file_name="47018NED_gemeente.csv", raw=published, edition="2024-01")
    assert result.replaced == 1
    total = Observation.objects.get(area_code="GM1708", period="2023")
    assert total.value == 1000 and not total.source.title.endswith("in het bestand)")
    # and the sum of the buurten, imported again, leaves the published total alone
    assert (
        figures_import(file_name="47018NED_twee.csv", raw=raw, edition="2025-03").kept_published
        == 1
    )
    assert Observation.objects.get(area_code="GM1708", period="2023").value == 1000


@pytest.mark.django_db
def test_a_region_built_at_once_shows_each_members_wijken_as_built_alone(imported, tmp_path):
    # Overijssel: Steenwijkerland with wijken and buurten for 2023-2024, Zwolle with figures for
    # 2019-2021 only, the others none.
    zwolle = synthesize_47013(
        tmp_path, first_year=2019, last_year=2021, municipality_codes=["GM0193"]
    )
    figures_import(file_name=zwolle.name, raw=zwolle.read_bytes())
    members = list(
        Region.objects.get(code="PV23").members.select_related("province").order_by("sort_name")
    )
    indicators = list(Indicator.objects.prefetch_related("themes"))
    cache.clear()
    together = safety_picture.build_many(members, indicators)
    cache.clear()
    assert together == [safety_picture.build(m, indicators=indicators) for m in members]
    steenwijkerland = next(p for p in together if p.municipality.code == "GM1708")
    assert all(i.areas for i in steenwijkerland.indicators)
    assert (steenwijkerland.first_year, steenwijkerland.last_year) == (2023, 2024)
    zwolle = next(p for p in together if p.municipality.code == "GM0193")
    assert (zwolle.first_year, zwolle.last_year) == (2019, 2021)
    assert any(i.overall_change for i in zwolle.indicators)
    assert not any(p.indicators for p in together if p not in (steenwijkerland, zwolle))
