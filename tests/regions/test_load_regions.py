"""The national base loaded from data/: counts, spot checks from the provenance notes, quirks."""

import pytest

from ivp.common.importing import ImportFileError
from ivp.regions.models import Area, ImportRun, KeyFigures, Municipality, Population, Region
from ivp.regions.names import NameIndex
from ivp.regions.services import data_file, municipalities_load, regions_load_all

pytestmark = pytest.mark.django_db


def test_all_municipalities_areas_and_provinces_are_loaded():
    assert Municipality.objects.count() == 342
    # CBS lists 3,394 wijken and 14,575 buurten; one of each is its "onbekend" placeholder.
    assert Area.objects.filter(kind=Area.Kind.WIJK).count() == 3393
    assert Area.objects.filter(kind=Area.Kind.BUURT).count() == 14574
    assert Region.objects.filter(kind=Region.Kind.PROVINCIE).count() == 12
    assert Region.objects.filter(kind=Region.Kind.POLITIE_EENHEID).count() == 10
    assert not Municipality.objects.filter(province__isnull=True).exists()
    assert not Area.objects.filter(kind=Area.Kind.BUURT, parent__isnull=True).exists()


def test_every_municipality_belongs_to_exactly_the_province_it_names():
    drenthe = Region.objects.get(code="PV22")
    assert set(drenthe.members.values_list("name", flat=True)) >= {
        "Meppel",
        "Westerveld",
        "Midden-Drenthe",
    }
    assert sum(p.members.count() for p in Region.objects.filter(kind=Region.Kind.PROVINCIE)) == 342


@pytest.mark.parametrize(
    ("code", "year", "inhabitants"),
    [
        ("GM0160", 2024, 63415),  # Hardenberg, end of 2024 (PROVENANCE spot check)
        ("GM1708", 2024, 45716),  # Steenwijkerland
        ("GM1701", 2024, 19983),  # Westerveld
        ("GM0098", 2024, 26596),  # Weststellingwerf
        ("GM1708", 2023, 45472),  # = KWB 2024 on 1 January 2024
    ],
)
def test_population_matches_cbs(code, year, inhabitants):
    assert Population.objects.get(municipality__code=code, year=year).inhabitants == inhabitants


def test_population_covers_2002_to_2024_for_an_old_municipality():
    years = list(
        Population.objects.filter(municipality__code="GM0160").values_list("year", flat=True)
    )
    assert years == list(range(2002, 2025))


def test_key_figures_for_municipality_wijk_and_buurt():
    gm = KeyFigures.objects.get(municipality__code="GM1708", area__isnull=True, year=2024)
    assert gm.inhabitants == 45472
    assert gm.area_land_ha > 0 and gm.density > 0
    wijk = KeyFigures.objects.get(area__code="WK168000", year=2024)
    assert wijk.inhabitants == 3590 and wijk.municipality.code == "GM1680"
    buurt = KeyFigures.objects.get(area__code="BU16800000", year=2024)
    assert buurt.inhabitants == 3455
    assert buurt.area.parent.code == "WK168000"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Bergen (L.)", "GM0893"),
        ("Bergen (NH.)", "GM0373"),
        ("'s-Gravenhage (gemeente)", "GM0518"),
        ("’s-Gravenhage", "GM0518"),
        ("Den Haag", "GM0518"),
        ("Groningen (gemeente)", "GM0014"),
        ("Súdwest-Fryslân", "GM1900"),
        ("  steenwijkerland ", "GM1708"),
    ],
)
def test_cbs_name_quirks_resolve_to_the_right_code(name, code):
    index = NameIndex(list(Municipality.objects.values_list("cbs_name", "code")))
    assert index.resolve(name) == code


def test_display_names_drop_the_cbs_disambiguation():
    assert Municipality.objects.get(code="GM0518").name == "'s-Gravenhage"
    assert Municipality.objects.get(code="GM0893").name == "Bergen (L.)"


def test_loading_twice_changes_nothing():
    history_before = Municipality.history.count()
    before = (
        Municipality.objects.count(),
        Area.objects.count(),
        Population.objects.count(),
        KeyFigures.objects.count(),
    )
    regions_load_all()
    after = (
        Municipality.objects.count(),
        Area.objects.count(),
        Population.objects.count(),
        KeyFigures.objects.count(),
    )
    assert before == after
    assert Municipality.history.count() == history_before == 342
    assert ImportRun.objects.filter(kind="bevolking").exists()


def test_a_rename_in_a_newer_cbs_file_is_recorded_in_the_history(tmp_path):
    source = data_file("politie-47013-gemeente-totaal", "metadata_47013NED_2025-12.csv")
    renamed = tmp_path / "metadata_47013NED_2026-06.csv"
    renamed.write_text(
        source.read_text(encoding="utf-8-sig").replace(
            "GM1701;Westerveld;", "GM1701;Westerveld (Dr.);"
        ),
        encoding="utf-8",
    )
    municipalities_load(
        metadata=renamed,
        provinces=data_file("politie-47018-buurt-metadata-2024", "gemeente_provincie_2024.csv"),
    )
    latest = Municipality.objects.get(code="GM1701").history.latest()
    assert (latest.history_type, latest.name) == ("~", "Westerveld (Dr.)")
    assert "metadata_47013NED_2026-06.csv" in latest.history_change_reason
    assert latest.prev_record.name == "Westerveld"


def test_a_broken_file_in_the_national_load_leaves_nothing_half_written(settings, tmp_path):
    import shutil

    for folder in (
        "politie-47013-gemeente-totaal",
        "politie-47018-buurt-metadata-2024",
        "cbs-bevolking-gemeente-2002-2025",
        "cbs-kwb-2024",
    ):
        shutil.copytree(data_file(folder), tmp_path / folder)
    kwb = tmp_path / "cbs-kwb-2024" / "kwb2024_gemeente_wijk_kern.csv"
    kwb.write_text(
        kwb.read_text(encoding="utf-8").replace("AantalInwoners_5", "Inwoners", 1), encoding="utf-8"
    )
    Area.objects.all().delete()
    runs_before = ImportRun.objects.count()
    settings.DATA_DIR = tmp_path
    with pytest.raises(ImportFileError):
        regions_load_all()
    assert Area.objects.count() == 0
    assert ImportRun.objects.count() == runs_before
