"""Editions: what people write becomes one normalised edition that sorts as a date, wherever it
enters (the parser, the upload form, the command line, the import service, a file's title), and
the newest edition wins on real data."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.db.models import Max

from ivp.common.importing import ImportFileError
from ivp.figures.editions import EditionError, default_edition, parse_edition
from ivp.figures.forms import FiguresUploadForm
from ivp.figures.models import Observation, Source
from ivp.figures.services import figures_import
from tests.conftest import client_for
from tests.figures.conftest import counts
from tests.figures.test_import_real_data import STATLINE_2024, changed_2024, total


@pytest.mark.parametrize(
    ("written", "edition"),
    [
        ("2026", "2026"),
        (" 2026 ", "2026"),
        ("2025-9", "2025-09"),
        ("2025-09", "2025-09"),
        ("2025/9", "2025-09"),
        ("9-2025", "2025-09"),
        ("09-2025", "2025-09"),
        ("2026-12-02", "2026-12-02"),
        ("2026-12-2", "2026-12-02"),
        ("2-12-2026", "2026-12-02"),
        ("02-12-2026", "2026-12-02"),
        ("2 december 2026", "2026-12-02"),
        ("2 December 2026", "2026-12-02"),
        ("december 2025", "2025-12"),
        ("dec 2025", "2025-12"),
        ("dec. 2025", "2025-12"),
        ("15 mrt 2024", "2024-03-15"),
        ("29 februari 2024", "2024-02-29"),
    ],
)
def test_what_people_write_becomes_one_edition(written, edition):
    assert parse_edition(written) == edition


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("", "de editie is leeg."),
        (
            "herzien",
            "“herzien” is geen editie; schrijf een jaar (2026), een maand (2025-09 of "
            "december 2025) of een datum (2026-12-02 of 2 december 2026).",
        ),
        ("2025-12-15 herziene versie", "“2025-12-15 herziene versie” is geen editie"),
        ("2025 Q3", "“2025 Q3” is geen editie"),
        ("20251202", "“20251202” is geen editie"),
        ("٢٠٢٥", "“٢٠٢٥” is geen editie"),  # Arabic-Indic digits are no year here
        ("2025-13", "editie “2025-13”: maand 13 bestaat niet."),
        ("13-2025", "editie “13-2025”: maand 13 bestaat niet."),
        ("2025-02-30", "editie “2025-02-30” is geen bestaande datum."),
        ("31 juni 2025", "editie “31 juni 2025” is geen bestaande datum."),
        ("brumaire 2025", "“brumaire 2025” is geen editie"),
        ("1850", "het jaar van editie “1850” ligt buiten 1900–2100."),
        ("2201-01", "het jaar van editie “2201-01” ligt buiten 1900–2100."),
    ],
)
def test_what_is_no_edition_is_refused_in_dutch(written, message):
    with pytest.raises(EditionError) as error:
        parse_edition(written)
    assert error.value.message.startswith(message)


def test_the_default_is_the_day_of_the_import():
    assert default_edition(today=date(2026, 12, 5)) == "2026-12-05"
    assert default_edition() == date.today().isoformat()


ORDERED = ["2025-09", "2025-12", "2025-12-15", "2026", "2026-01", "2026-12-02"]


def test_editions_sort_as_their_first_day_coarser_first():
    written = ["2026-12-2", "2026", "2025-12", "2025-9", "15 december 2025", "jan 2026"]
    assert sorted(parse_edition(w) for w in written) == ORDERED


def test_the_database_orders_and_picks_the_newest_edition_as_a_date(no_figures):
    for edition in reversed(ORDERED):
        Source.objects.create(publisher="Politie", table_id="47013NED", title="t", edition=edition)
    assert list(Source.objects.order_by("edition").values_list("edition", flat=True)) == ORDERED
    assert list(Source.objects.values_list("edition", flat=True)) == ORDERED[::-1]  # Meta
    assert Source.objects.aggregate(newest=Max("edition"))["newest"] == "2026-12-02"
    assert Source.objects.filter(edition__lt="2026").count() == 3


@pytest.mark.parametrize("stored", ["2025-9", "herzien", "", "2025-12-1", "2025-00", "2025-12-"])
def test_the_database_refuses_an_edition_that_is_not_normalised(no_figures, stored):
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(publisher="Politie", table_id="47013NED", title="t", edition=stored)


# The newest edition on real data: as text, '2025-9' came after '2025-12' and replaced it.


def test_an_older_month_written_without_zero_does_not_replace_a_newer_one(no_figures):
    figures_import(file_name=STATLINE_2024.name, raw=STATLINE_2024.read_bytes(), edition="2025-12")
    result = figures_import(file_name="oud.csv", raw=changed_2024("1099"), edition="2025-9")
    assert (result.replaced, result.kept_newer) == (0, 1)
    kept = total("GM1708", "2024")
    assert (kept.value, kept.source.edition) == (1133, "2025-12")


def test_a_newer_month_replaces_an_older_one_written_without_zero(no_figures):
    figures_import(file_name=STATLINE_2024.name, raw=STATLINE_2024.read_bytes(), edition="2025-9")
    assert Source.objects.get().edition == "2025-09"
    result = figures_import(file_name="nieuw.csv", raw=changed_2024("1140"), edition="dec 2025")
    assert (result.replaced, result.kept_newer) == (1, 0)
    assert result.source == "Bron: Politie, 47013NED (editie 2025-12)"
    newest = total("GM1708", "2024")
    assert (newest.value, newest.revision, newest.source.edition) == (1140, 2, "2025-12")


def test_a_day_in_the_title_year_is_newer_than_the_year(no_figures):
    """The title says 2026 (its first day): a revision dated in 2026 replaces it."""
    figures_import(file_name=STATLINE_2024.name, raw=STATLINE_2024.read_bytes())
    result = figures_import(file_name="herzien.csv", raw=changed_2024("1140"), edition="2-3-2026")
    assert (result.replaced, result.kept_newer) == (1, 0)
    assert total("GM1708", "2024").source.edition == "2026-03-02"
    assert Observation.objects.filter(source__edition="2026").count() > 300


def test_a_title_without_a_year_gets_the_default_not_an_empty_edition(no_figures):
    raw = STATLINE_2024.read_bytes().replace(b"gemeente 2026", b"gemeente", 1)
    result = figures_import(file_name="zonder_jaar.csv", raw=raw)
    assert result.source == f"Bron: Politie, 47013NED (editie {date.today().isoformat()})"


# Every way in refuses a bad edition and says where it came from.


def test_the_import_service_refuses_a_bad_edition_before_reading(no_figures):
    before = counts()
    with pytest.raises(ImportFileError) as error:
        figures_import(file_name="cijfers.csv", raw=b"not read at all", edition="2025-13")
    assert str(error.value) == "cijfers.csv: editie “2025-13”: maand 13 bestaat niet."
    assert counts() == before


def test_a_file_title_with_an_impossible_year_is_refused_at_row_1(no_figures):
    raw = STATLINE_2024.read_bytes().replace(b"gemeente 2026", b"gemeente 1066", 1)
    with pytest.raises(ImportFileError) as error:
        figures_import(file_name="oud.csv", raw=raw)
    [problem] = error.value.problems
    assert (problem.file_name, problem.row) == ("oud.csv", 1)
    assert problem.message == "het jaar van editie “1066” ligt buiten 1900–2100."


def test_the_command_line_names_the_option(no_figures):
    with pytest.raises(CommandError) as error:
        call_command("figures", "import", str(STATLINE_2024), "--editie", "herzien")
    assert str(error.value).startswith("--editie: “herzien” is geen editie; schrijf een jaar")
    assert not Source.objects.exists()


def test_the_command_line_stores_the_normalised_edition(no_figures):
    call_command("figures", "import", str(STATLINE_2024), "--editie", "2025-9", "--geen-voortgang")
    assert Source.objects.get().edition == "2025-09"


def _form(edition: str) -> FiguresUploadForm:
    upload = SimpleUploadedFile("cijfers.csv", STATLINE_2024.read_bytes())
    return FiguresUploadForm({"edition": edition, "table_id": ""}, {"file": upload})


def test_the_upload_form_normalises_or_refuses_the_edition():
    for written, edition in (("2 december 2025", "2025-12-02"), ("2025-9", "2025-09"), ("", "")):
        form = _form(written)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["edition"] == edition
    refused = _form("najaar 2025")
    assert not refused.is_valid()
    assert refused.errors["edition"] == [
        "“najaar 2025” is geen editie; schrijf een jaar (2026), een maand (2025-09 of "
        "december 2025) of een datum (2026-12-02 of 2 december 2026)."
    ]


def test_the_upload_page_shows_the_refusal_at_the_field(db):
    client = client_for("beheerder")
    page = client.post(
        "/cijfers/importeren/",
        {"file": SimpleUploadedFile("cijfers.csv", b"x"), "edition": "2025-13"},
    )
    assert page.status_code == 200
    assert "maand 13 bestaat niet" in page.content.decode()
