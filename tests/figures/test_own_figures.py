"""A municipality's own registrations and survey results, through the column mapping."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import Workbook

from ivp.common.importing import ImportFileError
from ivp.figures.formats.mapped import ColumnMapping, period_from_text
from ivp.figures.models import FiguresUpload, Indicator, Observation
from ivp.figures.services import figures_import_mapped
from tests.conftest import client_for

OVERLAST = (
    "Maand;Soort overlast;Aantal meldingen\n"
    "jan 2024;Jeugd;12\nfeb 2024;Jeugd;9\nmaart 2024;Jeugd;14\n"
    "jan 2024;Verward gedrag;3\nfeb 2024;Verward gedrag;5\nmaart 2024;Verward gedrag;4\n"
)
MAPPING = ColumnMapping(
    period="Maand",
    value="Aantal meldingen",
    category="Soort overlast",
    name="Meldingen overlast",
    kind="overlast",
    theme="jeugdoverlast",
)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2024", "2024"),
        ("2024-03", "2024-03"),
        ("maart 2024", "2024-03"),
        ("Mrt-2024", "2024-03"),
        ("03-2024", "2024-03"),
        ("2024M03", "2024-03"),
        ("2024MM03", "2024-03"),
        ("2024 Q1", "2024-Q1"),
        ("kw2 2024", "2024-Q2"),
        ("2024KW03", "2024-Q3"),
        ("2024-03-15", "2024-03"),
        ("15-3-2024", "2024-03"),
        ("31-02-2024", None),
        ("2024-13", None),
        ("volgend jaar", None),
    ],
)
def test_periods_as_municipalities_write_them(text, period):
    assert period_from_text(text) == period


@pytest.mark.django_db
def test_overlast_per_category_per_month_becomes_one_indicator_per_category(westerveld):
    result = figures_import_mapped(
        file_name="overlast.csv",
        raw=OVERLAST.encode(),
        municipality=westerveld,
        mapping=MAPPING,
    )
    assert result.inserted == 6
    youth = Indicator.objects.get(name="Meldingen overlast: Jeugd")
    assert youth.municipality == westerveld
    assert [t.code for t in youth.themes.all()] == ["jeugdoverlast"]
    values = dict(Observation.objects.filter(indicator=youth).values_list("period", "value"))
    assert values == {"2024-01": 12, "2024-02": 9, "2024-03": 14}
    source = Observation.objects.filter(indicator=youth).first().source
    assert source.credit.startswith("Bron: Westerveld")
    again = figures_import_mapped(
        file_name="overlast.csv", raw=OVERLAST.encode(), municipality=westerveld, mapping=MAPPING
    )
    assert (again.inserted, again.replaced, again.unchanged) == (0, 0, 6)


@pytest.mark.django_db
def test_xlsx_with_a_date_per_incident_is_counted_per_month(westerveld):
    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Aantal", "Wijk"])
    for day in (3, 9, 21):
        sheet.append([date(2024, 5, day), 1, "WK170100"])
    sheet.append([date(2024, 6, 2), 2, "WK170100"])
    buffer = io.BytesIO()
    book.save(buffer)
    mapping = ColumnMapping(
        period="Datum", value="Aantal", area="Wijk", name="Brandincidenten", kind="incidenten"
    )
    figures_import_mapped(
        file_name="branden.xlsx", raw=buffer.getvalue(), municipality=westerveld, mapping=mapping
    )
    values = dict(
        Observation.objects.filter(indicator__name="Brandincidenten").values_list("period", "value")
    )
    assert values == {"2024-05": 3, "2024-06": 2}


@pytest.mark.django_db
def test_bad_rows_are_named_and_nothing_is_written(westerveld):
    bad = OVERLAST.replace("feb 2024;Jeugd;9", "feb 2024;Jeugd;veel").replace(
        "maart 2024;Verward gedrag;4", "volgend jaar;Verward gedrag;4"
    )
    before = Observation.objects.count()
    with pytest.raises(ImportFileError) as refused:
        figures_import_mapped(
            file_name="overlast.csv", raw=bad.encode(), municipality=westerveld, mapping=MAPPING
        )
    where = {(p.row, p.column) for p in refused.value.problems}
    assert (3, "Aantal meldingen") in where
    assert (7, "Maand") in where
    assert all(p.file_name == "overlast.csv" for p in refused.value.problems)
    assert Observation.objects.count() == before


@pytest.mark.django_db
def test_a_wijk_of_another_municipality_is_refused(westerveld):
    text = "Maand;Wijk;Aantal\n2024-01;WK170800;4\n"
    mapping = ColumnMapping(period="Maand", value="Aantal", area="Wijk", name="Tips MMA")
    with pytest.raises(ImportFileError) as refused:
        figures_import_mapped(
            file_name="mma.csv", raw=text.encode(), municipality=westerveld, mapping=mapping
        )
    assert refused.value.problems[0].row == 2
    assert refused.value.problems[0].column == "Wijk"


@pytest.mark.django_db
def test_survey_scores_keep_their_margin(westerveld):
    text = "Golf;Score;Marge\n2021;7,8;0,1\n2023;7,6;0,1\n"
    mapping = ColumnMapping(
        period="Golf",
        value="Score",
        margin="Marge",
        name="Rapportcijfer veiligheid buurt",
        kind="enquetescore",
    )
    figures_import_mapped(
        file_name="vm.csv", raw=text.encode(), municipality=westerveld, mapping=mapping
    )
    rows = list(
        Observation.objects.filter(indicator__name="Rapportcijfer veiligheid buurt")
        .order_by("period")
        .values_list("period", "value", "margin")
    )
    assert rows == [("2021", 7.8, 0.1), ("2023", 7.6, 0.1)]


@pytest.mark.django_db
def test_cli_imports_with_a_mapping(tmp_path):
    path = tmp_path / "overlast.csv"
    path.write_text(OVERLAST, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "figures",
        "import",
        str(path),
        "--gemeente",
        "GM1701",
        "--kolommen",
        "periode=Maand",
        "waarde=Aantal meldingen",
        "categorie=Soort overlast",
        "--naam",
        "Meldingen overlast",
        "--soort",
        "overlast",
        "--geen-voortgang",
        stdout=out,
    )
    assert "6 nieuwe waarden" in out.getvalue()


@pytest.mark.django_db
def test_the_coordinator_uploads_maps_and_imports(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client = client_for("coordinator.westerveld")
    response = client.post(
        "/gemeenten/GM1701/cijfers/eigen/",
        {
            "file": SimpleUploadedFile("overlast.csv", OVERLAST.encode()),
            "name": "Meldingen overlast",
            "kind": "overlast",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    mapping_page = client.get(response["Location"]).content.decode()
    assert "Soort overlast" in mapping_page and "Verward gedrag" in mapping_page
    response = client.post(
        response["Location"],
        {
            "period": "Maand",
            "value": "Aantal meldingen",
            "category": "Soort overlast",
            "theme": "jeugdoverlast",
        },
    )
    assert response.status_code == 302
    upload = FiguresUpload.objects.latest("created")
    assert upload.status == FiguresUpload.Status.DONE, upload.problems
    detail = client.get(response["Location"]).content.decode()
    assert "6 nieuwe waarden" in detail
