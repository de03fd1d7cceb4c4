"""Importing a population file: a wrong file is refused whole, with file, row and column named."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from ivp.common.importing import ImportFileError
from ivp.regions.models import ImportRun, Population
from ivp.regions.services import data_file, population_load
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

REAL = data_file(
    "cbs-bevolking-gemeente-2002-2025", "statline_37230_bevolking_eind_jaar_2002_2024.csv"
)


def _real_lines() -> list[str]:
    return REAL.read_text(encoding="utf-8-sig").splitlines()


def _with(lines: list[str]) -> bytes:
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def test_a_wrong_header_column_is_refused_and_named():
    lines = _real_lines()
    lines[3] = lines[3].replace('"Onderwerp"', '"Onderwerpen"')
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw=_with(lines))
    message = str(error.value)
    assert "bevolking.csv" in message
    assert "rij 4" in message
    assert "Onderwerpen" in message


def test_a_non_year_column_is_refused_and_named():
    lines = _real_lines()
    lines[3] = lines[3].replace('"2010"', '"twintig-tien"')
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw=_with(lines))
    assert "twintig-tien" in str(error.value)


def test_a_bad_value_names_row_and_year_and_nothing_is_written():
    lines = _real_lines()
    westerveld = next(i for i, line in enumerate(lines) if line.startswith('"Westerveld"'))
    lines[westerveld] = lines[westerveld].replace('"19983"', '"19.983,5 inw"')
    # Another municipality's new figure must not slip in before the error is found.
    hardenberg = next(i for i, line in enumerate(lines) if line.startswith('"Hardenberg"'))
    lines[hardenberg] = lines[hardenberg].replace('"63415"', '"99999"')
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw=_with(lines))
    problem = error.value.problems[0]
    assert (problem.row, problem.column) == (westerveld + 1, "2024")
    assert Population.objects.get(municipality__code="GM0160", year=2024).inhabitants == 63415


def test_an_unknown_current_municipality_is_refused():
    lines = _real_lines()
    lines.insert(-1, '"Atlantis";"Bevolking aan het einde van de periode";"aantal"' + ';"100"' * 23)
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw=_with(lines))
    assert "Atlantis" in str(error.value)


def test_not_utf8_is_refused_in_dutch():
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw="Regio's;Fryslân".encode("cp1252"))
    assert "geen UTF-8" in str(error.value)


def test_a_newer_figure_replaces_the_old_one():
    lines = _real_lines()
    westerveld = next(i for i, line in enumerate(lines) if line.startswith('"Westerveld"'))
    lines[westerveld] = lines[westerveld].replace('"19983"', '"20001"')
    summary = population_load(file_name="bevolking.csv", raw=_with(lines))
    assert Population.objects.get(municipality__code="GM1701", year=2024).inhabitants == 20001
    assert summary.rows_skipped > 100  # former municipalities such as Aalburg


def test_cli_reports_the_error_in_dutch(tmp_path: Path):
    bad = tmp_path / "verkeerd.csv"
    bad.write_text("Gemeente;Jaar;Inwoners\nWesterveld;2024;19983\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("load_population", str(bad))
    assert "verkeerd.csv" in str(error.value)
    assert "Regio's" in str(error.value)


def test_web_upload_with_a_wrong_column_shows_a_dutch_message_and_writes_nothing():
    runs_before = ImportRun.objects.count()
    lines = _real_lines()
    lines[3] = lines[3].replace('"Onderwerp"', '"Thema"')
    upload = SimpleUploadedFile("bevolking.csv", _with(lines), content_type="text/csv")
    response = client_for("beheerder").post("/beheer/bevolking-importeren/", {"file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    assert "niets" in page.lower() and "bevolking.csv" in page and "Thema" in page
    assert ImportRun.objects.count() == runs_before


def test_web_upload_of_the_real_file_succeeds():
    upload = SimpleUploadedFile("bevolking.csv", REAL.read_bytes(), content_type="text/csv")
    response = client_for("beheerder").post("/beheer/bevolking-importeren/", {"file": upload})
    assert response.status_code == 200
    assert ImportRun.objects.filter(kind="bevolking", user__username="beheerder").exists()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("-3", "geheel getal"),
        ("19.983", "geheel getal"),
        ("19983,0", "geheel getal"),
        ("99999999999", "onwaarschijnlijk"),
    ],
)
def test_values_that_are_no_count_are_refused(value, reason):
    lines = _real_lines()
    westerveld = next(i for i, line in enumerate(lines) if line.startswith('"Westerveld"'))
    lines[westerveld] = lines[westerveld].replace('"19983"', f'"{value}"')
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw=_with(lines))
    assert reason in str(error.value) and value in str(error.value)
    assert Population.objects.get(municipality__code="GM1701", year=2024).inhabitants == 19983


def test_the_same_municipality_twice_is_refused():
    lines = _real_lines()
    westerveld = next(line for line in lines if line.startswith('"Westerveld"'))
    lines.insert(-1, westerveld.replace('"Westerveld"', '"westerveld"'))
    with pytest.raises(ImportFileError) as error:
        population_load(file_name="bevolking.csv", raw=_with(lines))
    assert "dezelfde gemeente" in str(error.value)
