"""The country and the provinces keep the population CBS publishes for them, not the sum of
today's municipalities (which misses every municipality that did not exist yet)."""

import csv

import pytest

from ivp.common.importing import ImportFileError
from ivp.regions.models import ImportRun, Population, Region, RegionPopulation
from ivp.regions.services import data_file, population_load

pytestmark = pytest.mark.django_db

FILE = data_file(
    "cbs-bevolking-gemeente-2002-2025", "statline_37230_bevolking_eind_jaar_2002_2024.csv"
)


def cbs_rows() -> dict[str, dict[int, int | None]]:
    """Region name → year → inhabitants on 31 December, read straight from the CBS file."""
    rows = list(csv.reader(FILE.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "Regio's")
    years = {i: int(y) for i, y in enumerate(rows[at]) if y.isdigit()}
    return {
        r[0]: {year: int(r[i]) if r[i] else None for i, year in years.items()}
        for r in rows[at + 1 :]
        if len(r) > 3
    }


def test_the_country_and_every_province_keep_cbs_own_rows():
    cbs = cbs_rows()
    stored = {
        (code, year): n
        for code, year, n in RegionPopulation.objects.values_list("code", "year", "inhabitants")
    }
    assert {(("NL01", y), n) for y, n in cbs["Nederland"].items()} <= stored.items()
    provinces = Region.objects.filter(kind=Region.Kind.PROVINCIE)
    assert provinces.count() == 12
    for province in provinces:
        row = cbs[f"{province.name} (PV)"]
        assert {((province.code, y), n) for y, n in row.items()} <= stored.items(), province.name


def test_the_2012_country_is_not_the_sum_of_todays_municipalities():
    """Before a merger CBS has no figure for the new municipality: the sum falls short."""
    national = RegionPopulation.objects.get(code="NL01", year=2012).inhabitants
    summed = sum(Population.objects.filter(year=2012).values_list("inhabitants", flat=True))
    assert national == cbs_rows()["Nederland"][2012]
    assert summed < national - 1_000_000


def test_a_province_row_with_an_unknown_name_is_refused():
    lines = FILE.read_text(encoding="utf-8-sig").splitlines()
    lines.insert(
        5, '"Atlantis (PV)";"Bevolking aan het einde van de periode";"aantal"' + ';"1"' * 23
    )
    raw = ("\ufeff" + "\n".join(lines) + "\n").encode()
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw=raw)
    assert "Atlantis (PV)" in str(error.value)


def test_a_newer_national_figure_replaces_the_old_one_and_is_recorded():
    lines = FILE.read_text(encoding="utf-8-sig").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith('"Nederland"'))
    lines[at] = lines[at].replace('"18044027"', '"18044030"')
    population_load(file_name="bevolking.csv", raw=("\ufeff" + "\n".join(lines)).encode())
    assert RegionPopulation.objects.get(code="NL01", year=2024).inhabitants == 18044030
    run = ImportRun.objects.filter(kind="bevolking").latest("started_at")
    assert {"code": "NL01", "year": 2024, "old": 18044027, "new": 18044030} in run.changes


def test_an_upgraded_installation_gets_the_country_and_provinces_from_the_shipped_file():
    """Before 0005 only municipalities had a population; the migration after it fills in
    CBS's own country and province rows, so the national page keeps its rates."""
    from importlib import import_module

    from django.apps import apps

    upgrade = import_module(
        "ivp.regions.migrations.0006_population_of_country_and_provinces_from_the_shipped_file"
    )
    shipped = set(RegionPopulation.objects.values_list("code", "year", "inhabitants"))
    RegionPopulation.objects.all().delete()
    upgrade.country_and_provinces(apps, None)
    assert (
        RegionPopulation.objects.get(code="NL01", year=2011).inhabitants
        == (cbs_rows()["Nederland"][2011])
    )
    assert set(RegionPopulation.objects.values_list("code", "year", "inhabitants")) == shipped
