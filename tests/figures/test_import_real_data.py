"""Importing the real police exports (the project's copy in data/): values, skipped buckets, editions.

Spot checks come from the PROVENANCE.md files beside the data: Steenwijkerland (GM1708) registered
1374 / 1204 / 1133 crimes in 2022 / 2023 / 2024, the Netherlands 800027 / 805590 / 805559.
"""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ivp.common.importing import ImportFileError
from ivp.figures.models import Indicator, Observation, Source
from ivp.figures.services import IMPORT_KIND, figures_import
from ivp.regions.models import ImportRun
from tests.conftest import DATA
from tests.figures.conftest import counts

TOTALS = DATA / "politie-47013-gemeente-totaal"
STATLINE_2022_2023 = TOTALS / "statline_47013_totaal_2022_2023.csv"
STATLINE_2024 = TOTALS / "statline_47013_totaal_2024.csv"
TIDY = TOTALS / "gemeente_misdrijven_bevolking_2022_2024_tidy.csv"
NATIONAL = DATA / "politie-nl-totalen-2012-2023"
NL_CRIME = NATIONAL / "NL_Crime.csv"
NL_DISORDER = NATIONAL / "NL_Disorder.csv"


pytestmark = pytest.mark.usefixtures("no_figures")


# 342 municipalities + Nederland + 10 police units; Buitenland and the two "niet in te delen"
# buckets are skipped.
AREAS_PER_YEAR = 353


def load(path: Path, **kwargs):
    return figures_import(file_name=path.name, raw=path.read_bytes(), **kwargs)


def total(area: str, period: str) -> Observation:
    return Observation.objects.get(
        indicator__code="misdrijven-totaal", area_code=area, period=period
    )


def test_statline_exports_tidy_and_national_totals_import(db, steenwijkerland):
    first = load(STATLINE_2022_2023)
    assert (first.inserted, first.replaced, first.unchanged, first.kept_newer) == (
        2 * AREAS_PER_YEAR,
        0,
        0,
        0,
    )
    assert first.source == "Bron: Politie, 47013NED (editie 2026)"
    # Buitenland ('.') and the buckets are skipped and said so, not an error.
    assert first.rows_skipped == 3
    skipped = " ".join(first.notes)
    assert "Buitenland" in skipped
    assert "Gemeenten; niet in te delen" in skipped
    assert "Niet in te delen (RE)" in skipped

    second = load(STATLINE_2024)
    assert (second.inserted, second.replaced, second.unchanged) == (AREAS_PER_YEAR, 0, 0)
    assert second.rows_skipped == 3

    for period, value in (("2022", 1374), ("2023", 1204), ("2024", 1133)):
        observation = total("GM1708", period)
        assert observation.value == value
        assert observation.municipality == steenwijkerland
        assert observation.year == int(period)
        assert observation.revision == 1
        assert observation.source.credit == "Bron: Politie, 47013NED (editie 2026)"
    for period, value in (("2022", 800027), ("2023", 805590), ("2024", 805559)):
        assert total("NL01", period).value == value
        assert total("NL01", period).municipality is None
    assert not Observation.objects.filter(area_code__in=["GM0998", "GM0999"]).exists()
    # Police units come through under their RE codes.
    assert Observation.objects.filter(area_code__startswith="RE", period="2024").count() == 10
    # The name quirks of CBS resolve: 's-Gravenhage (gemeente), Bergen (L.), Súdwest-Fryslân.
    for code in ("GM0518", "GM0893", "GM1900"):
        assert Observation.objects.filter(area_code=code).count() == 3, code

    # The tidy file holds the same totals: nothing changes, the buckets are reported.
    tidy = load(TIDY)
    assert (tidy.inserted, tidy.replaced, tidy.kept_newer) == (0, 0, 0)
    assert tidy.unchanged == 342 * 3
    assert tidy.rows_skipped == 6
    assert any("6" in note for note in tidy.notes)

    # National totals per type: an older edition (2024-04) whose 2022/2023 totals differ from the
    # 2026 edition; those are kept, everything else is new.
    crime = load(NL_CRIME)
    assert crime.kept_newer == 2
    assert crime.inserted == 708 - 2
    assert total("NL01", "2022").value == 800027
    assert total("NL01", "2021").value == 742992
    assert total("NL01", "2012").value == 1127869
    assert Observation.objects.get(
        indicator__code="misdrijven-1-1-1", area_code="NL01", period="2023"
    ).value == pytest.approx(22706)

    disorder = load(NL_DISORDER)
    assert disorder.inserted == 108
    assert Observation.objects.get(
        indicator__code="overlast-totaal", area_code="NL01", period="2012"
    ).value == pytest.approx(279325)
    assert Indicator.objects.get(code="overlast-e35").kind == "overlast"
    assert Indicator.objects.filter(code="overlast-e35", themes__code="jeugdoverlast").exists()

    assert Indicator.objects.filter(
        code="misdrijven-totaal", themes__code="objectieve-veiligheid"
    ).exists()
    runs = ImportRun.objects.filter(kind=IMPORT_KIND).order_by("pk")
    assert [r.file_name for r in runs] == [
        STATLINE_2022_2023.name,
        STATLINE_2024.name,
        TIDY.name,
        NL_CRIME.name,
        NL_DISORDER.name,
    ]
    assert [r.rows_written for r in runs] == [706, 353, 0, 706, 108]
    assert runs[0].rows_skipped == 3
    assert "Buitenland" in runs[0].notes


def test_the_same_file_twice_changes_nothing(db):
    load(STATLINE_2022_2023)
    before = list(Observation.objects.order_by("pk").values_list("pk", "value", "revision"))
    again = load(STATLINE_2022_2023)
    assert (again.inserted, again.replaced, again.kept_newer) == (0, 0, 0)
    assert again.unchanged == 2 * AREAS_PER_YEAR
    assert not again.changed
    after = list(Observation.objects.order_by("pk").values_list("pk", "value", "revision"))
    assert after == before
    assert Source.objects.count() == 1
    assert ImportRun.objects.filter(file_name=STATLINE_2022_2023.name).count() == 2
    assert ImportRun.objects.order_by("-pk").first().changes == []


def changed_2024(new_value: str) -> bytes:
    raw = STATLINE_2024.read_bytes()
    old = b'"Steenwijkerland";"1133"'
    assert raw.count(old) == 1
    return raw.replace(old, f'"Steenwijkerland";"{new_value}"'.encode())


def test_a_newer_edition_replaces_exactly_the_changed_value(db):
    load(STATLINE_2024)
    untouched = total("GM1701", "2024")
    result = figures_import(
        file_name="statline_47013_2024_herzien.csv", raw=changed_2024("1140"), edition="2027"
    )
    assert (result.inserted, result.replaced, result.kept_newer) == (0, 1, 0)
    assert result.unchanged == AREAS_PER_YEAR - 1
    changed = total("GM1708", "2024")
    assert changed.value == 1140
    assert changed.revision == 2
    assert changed.source.edition == "2027"
    assert result.source == "Bron: Politie, 47013NED (editie 2027)"
    # Every other value keeps its edition and revision.
    assert total("GM1701", "2024").source.edition == "2026"
    assert total("GM1701", "2024").revision == untouched.revision == 1
    assert Observation.objects.filter(source__edition="2027").count() == 1
    run = ImportRun.objects.get(file_name="statline_47013_2024_herzien.csv")
    assert run.rows_written == 1
    assert run.changes == [
        {
            "indicator": "misdrijven-totaal",
            "area": "GM1708",
            "period": "2024",
            "old": 1133.0,
            "new": 1140.0,
            "revision": 2,
        }
    ]


def test_an_older_edition_does_not_overwrite(db):
    load(STATLINE_2024)
    result = figures_import(
        file_name="statline_47013_2024_oud.csv", raw=changed_2024("1099"), edition="2025"
    )
    assert (result.inserted, result.replaced, result.kept_newer) == (0, 0, 1)
    assert result.unchanged == AREAS_PER_YEAR - 1
    kept = total("GM1708", "2024")
    assert (kept.value, kept.revision, kept.source.edition) == (1133, 1, "2026")
    # Nothing came from edition 2025, so it is not listed as a source.
    assert not Source.objects.filter(edition="2025").exists()
    assert ImportRun.objects.get(file_name="statline_47013_2024_oud.csv").changes == []


def test_the_same_edition_with_a_changed_value_replaces_it(db):
    load(STATLINE_2024)
    result = figures_import(file_name="herzien.csv", raw=changed_2024("1134"))
    assert (result.replaced, result.kept_newer) == (1, 0)
    assert (total("GM1708", "2024").value, total("GM1708", "2024").revision) == (1134, 2)


def test_command_line_import(db, tmp_path, capsys):
    call_command("figures", "import", str(STATLINE_2024), str(TIDY), "--geen-voortgang")
    out = capsys.readouterr().out
    assert STATLINE_2024.name in out and TIDY.name in out
    assert "Bron: Politie, 47013NED (editie 2026)" in out
    assert total("GM1708", "2024").value == 1133
    assert total("GM1708", "2022").value == 1374  # 2022 comes from the tidy file

    call_command("figures", "import", str(NL_CRIME), "--editie", "2024-05", "--geen-voortgang")
    assert Source.objects.filter(table_id="47018NED", edition="2024-05").exists()

    broken = tmp_path / "kapot.csv"
    broken.write_bytes(changed_2024("veel"))
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("figures", "import", str(broken), "--geen-voortgang")
    assert "kapot.csv" in str(error.value)
    assert "veel" in str(error.value)
    assert isinstance(error.value.__cause__, ImportFileError)
    assert counts() == before

    with pytest.raises(CommandError, match=r"bestaat-niet\.csv"):
        call_command("figures", "import", str(tmp_path / "bestaat-niet.csv"), "--geen-voortgang")


@pytest.mark.parametrize("path", [TIDY, NL_CRIME], ids=["tidy", "national"])
def test_lines_ending_in_cr_cr_lf_import(db, path):
    """Regression (found by the property tests): Python's csv module on Windows writes '\\r\\r\\n';
    the CR left on the last header name made the value column 'missing' and crashed."""
    raw = path.read_bytes().replace(b"\n", b"\r\r\n")
    result = figures_import(file_name=path.name, raw=raw)
    plain = Observation.objects.count()
    assert result.inserted == plain > 0


def test_statline_export_without_region_lines_imports_nothing(db):
    """Regression (found by the property tests): no data lines gave null-typed columns and a
    polars SchemaError instead of a result."""
    text = STATLINE_2024.read_bytes().decode("utf-8-sig")
    header = "\n".join(text.split("\n")[:6]) + "\n"
    before = counts()
    result = figures_import(file_name="leeg_47013.csv", raw=header.encode())
    assert (result.inserted, result.replaced, result.unchanged) == (0, 0, 0)
    assert counts()[:2] == before[:2]  # no observations, and no empty source
