"""Hostile files against every importer: zip bombs, row bombs, macro templates, formula cells,
truncated workbooks, odd digits, absurd years, deep JSON and overlong text.

For each: no 500, a Dutch message naming the file (and row and column where they apply),
nothing written on refusal, and memory and time stay bounded.
"""

import csv
import hashlib
import io
import json
import resource
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ivp.common.importing import ImportFileError
from ivp.figures.models import FiguresUpload, Indicator, Observation
from ivp.planning.execution.services.actions import action_save
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import Action, ProgressUpdate, ThemeScore
from ivp.regions.models import Population
from ivp.reports.models import HouseStyle
from ivp.reports.render_docx import TemplateError, open_template
from ivp.reports.template_cleaning import clean_template
from tests import hostile_kit as kit
from tests import importer_drivers as drivers
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
MAX_GROWTH_MB = 200
PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"


# --- every importer as (file name, bytes) → result, with a snapshot of what it may write ----


_plan = drivers.action_plan
_prioritisation = drivers.prioritisation
import_own_figures = drivers.import_own_figures
import_survey = drivers.import_survey
import_progress = drivers.import_progress
import_figures = drivers.import_figures
import_population = drivers.import_population
import_template = drivers.import_template


def figures_state():
    return (Observation.objects.count(), Indicator.objects.count())


def survey_state():
    return sorted(
        ThemeScore.objects.values_list("theme_id", "subjective_percentage", "professional_score")
    )


def progress_state():
    return (
        ProgressUpdate.objects.count(),
        sorted(Action.objects.values_list("pk", "status", "lock_version")),
    )


def population_state():
    return (Population.objects.count(), Population.objects.aggregate(Sum("inhabitants")))


def template_state():
    return [
        (s.file_name, hashlib.sha256(bytes(s.content)).hexdigest())
        for s in HouseStyle.objects.all()
    ]


TABULAR = {
    "own figures": (import_own_figures, figures_state),
    "survey": (import_survey, survey_state),
    "progress": (import_progress, progress_state),
}
CSV_ONLY = {
    "national figures": (import_figures, figures_state),
    "population": (import_population, population_state),
}
EVERY_IMPORTER = {**TABULAR, **CSV_ONLY, "house style": (import_template, template_state)}


def refused_without_writing(importer, state, name: str, raw: bytes) -> ImportFileError:
    before = state()
    with pytest.raises(ImportFileError) as refused:
        importer(name, raw)
    assert state() == before
    problems = refused.value.problems
    assert problems and all(p.file_name == name and p.message for p in problems)
    return refused.value


def measured(action):
    """(result, peak RSS growth in MB, seconds) of `action()`."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return result, growth, seconds


# --- bombs -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def xlsx_bombs():
    return {
        "unpacks to 155 MB (1.1 million rows)": kit.row_bomb(1_100_000),
        "packed 700 times": kit.ratio_bomb("xlsx", 200),
        "2,000 parts": kit.many_entries("xlsx", 2000),
        "a zip inside": kit.nested_zip("xlsx"),
        "a path outside the archive": kit.unsafe_path("xlsx"),
        "truncated": kit.truncated(kit.xlsx([["thema", "percentage"]] * 200)),
        "no sheet": kit.sheetless(),
        "zip version 11.5": kit.future_zip_version(kit.xlsx([["thema", "percentage"]])),
        "broken sheet XML": kit.broken_sheet_xml(),
        "PK and noise": b"PK\x03\x04" + bytes(range(256)) * 4,
    }


@pytest.mark.parametrize("importer", TABULAR)
def test_xlsx_bombs_are_refused_before_openpyxl_unpacks_them(importer, xlsx_bombs):
    run, state = TABULAR[importer]
    for label, raw in xlsx_bombs.items():
        refusal, growth, seconds = measured(
            lambda raw=raw: refused_without_writing(run, state, "bom.xlsx", raw)
        )
        assert growth < MAX_GROWTH_MB, (label, growth)
        assert seconds < 5, (label, seconds)
        assert str(refusal).startswith("bom.xlsx"), (label, str(refusal))


@pytest.mark.parametrize("importer", TABULAR)
def test_a_row_bomb_within_the_size_limits_stops_at_the_row_cap(importer, settings):
    settings.IVP_TABLE_MAX_ROWS = 10_000
    raw = kit.row_bomb(60_000)  # ~1 MB that passes every zip check
    run, state = TABULAR[importer]
    refusal, growth, seconds = measured(
        lambda: refused_without_writing(run, state, "rijen.xlsx", raw)
    )
    assert [p.row for p in refusal.problems] == [10_001]
    assert "meer dan 10.000 rijen" in str(refusal)
    assert growth < MAX_GROWTH_MB and seconds < 5, (growth, seconds)


def test_a_sheet_that_claims_16384_columns_is_read_only_as_wide_as_its_header():
    raw = kit.wide_dimension()
    _result, growth, seconds = measured(
        lambda: refused_without_writing(*TABULAR["survey"], "breed.xlsx", raw)
    )
    assert growth < MAX_GROWTH_MB and seconds < 5


@pytest.mark.parametrize("importer", CSV_ONLY)
def test_national_files_stop_at_the_row_cap(importer, settings):
    settings.IVP_IMPORT_MAX_ROWS = 500
    run, state = CSV_ONLY[importer]
    if importer == "population":
        rows = "".join(f'"Gemeente {n}";"";"";"{n}"\n' for n in range(2000))
        raw = ('"Bevolking";;;\n"Regio\'s";"Onderwerp";"";"2024"\n' + rows).encode()
    else:
        rows = "".join(f"GM{n:04d},Plaats,Provincie,2024,{n}\n" for n in range(2000))
        raw = (
            "gemeentecode,gemeentenaam,provincie,jaar,geregistreerde_misdrijven\n" + rows
        ).encode()
    refusal = refused_without_writing(run, state, "groot.csv", raw)
    assert "meer dan 500 rijen" in str(refusal)


@pytest.fixture(scope="module")
def docx_bombs():
    return {
        "331 KB unpacking to 102 MB": kit.ratio_bomb("docx", 102),
        "2,000 parts": kit.many_entries("docx", 2000),
        "a zip inside": kit.nested_zip("docx"),
        "a path outside the archive": kit.unsafe_path("docx"),
        "truncated": kit.truncated(kit.TEMPLATE.read_bytes()),
        "zip version 11.5": kit.future_zip_version(kit.TEMPLATE.read_bytes()),
    }


def test_docx_bombs_are_refused_before_python_docx_opens_them(docx_bombs):
    for label, raw in docx_bombs.items():
        refusal, growth, seconds = measured(
            lambda raw=raw: refused_without_writing(
                import_template, template_state, "huisstijl.docx", raw
            )
        )
        assert growth < MAX_GROWTH_MB, (label, growth)
        assert seconds < 5, (label, seconds)
        assert str(refusal).startswith("huisstijl.docx: "), (label, str(refusal))


def test_the_issues_template_bomb_is_refused_by_its_packing():
    """331 KB that expanded to 102 MB and once took the web process to 3 GB."""
    raw = kit.ratio_bomb("docx", 102)
    assert len(raw) < 400 * 1024
    refusal = refused_without_writing(import_template, template_state, "bom.docx", raw)
    assert "keer ingepakt; ten hoogste 200 keer" in str(refusal)


def test_a_stored_bomb_from_before_the_checks_cannot_reach_python_docx():
    raw = kit.ratio_bomb("docx", 102)

    def render_with_it():
        with pytest.raises(TemplateError):
            open_template(raw)

    _result, growth, _seconds = measured(render_with_it)
    assert growth < MAX_GROWTH_MB


# --- every upload form: size limit, Dutch message, nothing written --------------------------


def _form_posts():
    big = b"a;b\n" + b"1;2\n" * 300_000  # 1.2 MB
    return {
        "national figures": (
            "beheerder",
            reverse("figures:upload_create"),
            {"file": SimpleUploadedFile("groot.csv", big)},
        ),
        "own figures": (
            "coordinator.westerveld",
            reverse("figures:own_upload", args=["GM1701"]),
            {"file": SimpleUploadedFile("groot.csv", big), "name": "x", "kind": "overlast"},
        ),
        "survey": (
            "coordinator.westerveld",
            reverse("planning:prioritisation_import", args=["GM1701"]),
            {"file": SimpleUploadedFile("groot.csv", big)},
        ),
        "progress": (
            "coordinator.steenwijkerland",
            reverse("planning:progress_upload", args=["GM1708", 2026]),
            {"file": SimpleUploadedFile("groot.csv", big)},
        ),
        "population": (
            "beheerder",
            reverse("regions:population_import"),
            {"file": SimpleUploadedFile("groot.csv", big)},
        ),
        "house style": (
            "coordinator.steenwijkerland",
            reverse("reports:house_style", args=["GM1708"]),
            {"template": SimpleUploadedFile("groot.docx", big)},
        ),
    }


def uploads_state():
    return FiguresUpload.objects.count()


STATES = {
    "national figures": uploads_state,
    "own figures": uploads_state,
    "survey": survey_state,
    "progress": progress_state,
    "population": population_state,
    "house style": template_state,
}


@pytest.mark.parametrize("form", list(STATES))
def test_every_upload_form_refuses_a_file_over_its_limit_in_dutch(form, settings):
    settings.IVP_UPLOAD_MAX_MB = 1
    user, url, data = _form_posts()[form]
    before = STATES[form]()
    response = client_for(user).post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "groot." in page and "de grens is 1 MB" in page, page[-3000:]
    assert STATES[form]() == before


# --- house-style templates: macros and external relationships -------------------------------


def test_a_macro_template_with_an_external_attached_template_is_cleaned_and_told():
    client = client_for("coordinator.steenwijkerland")
    upload = SimpleUploadedFile("huisstijl.docm", kit.hostile_template())
    response = client.post(reverse("reports:house_style", args=["GM1708"]), {"template": upload})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Voor de veiligheid heeft ivp uit huisstijl.docx verwijderd" in page
    assert "macro&#x27;s (vbaProject.bin)" in page
    assert "attachedTemplate → file://aanvaller.example/Normal.dotm" in page
    stored = bytes(HouseStyle.objects.get(municipality__code="GM1708").content)
    archive = zipfile.ZipFile(io.BytesIO(stored))
    assert "word/vbaProject.bin" not in archive.namelist()
    every_part = b"".join(archive.read(name) for name in archive.namelist())
    assert b"macroEnabled" not in every_part and b"vbaProject" not in every_part
    assert b'TargetMode="External"' not in every_part and b"aanvaller.example" not in every_part
    assert b"attachedTemplate" not in every_part
    open_template(stored)  # python-docx opens what was stored
    # a Word document made with it carries none of it either
    from ivp.reports.render_docx import render
    from ivp.reports.services import build

    made = render(build("uitvoeringsplan", _plan().municipality, 2026), template=stored)
    made_archive = zipfile.ZipFile(io.BytesIO(made))
    assert not any("vba" in name.lower() for name in made_archive.namelist())


def test_template_uploads_and_removals_are_in_the_coordinators_audit_trail():
    client = client_for("coordinator.steenwijkerland")
    url = reverse("reports:house_style", args=["GM1708"])
    client.post(url, {"template": SimpleUploadedFile("eigen.docm", kit.hostile_template())})
    client.post(url, {"action": "verwijderen"})
    page = client.get("/gemeenten/GM1708/audit/").content.decode()
    assert page.count("eigen.docx") >= 2  # the upload and the removal
    assert "Verwijderd: macro&#x27;s (vbaProject.bin)" in page
    assert "coordinator.steenwijkerland" in page
    other = client_for("coordinator.westerveld").get("/gemeenten/GM1701/audit/").content.decode()
    assert "eigen.docx" not in other


def test_a_template_with_only_external_links_keeps_its_macro_free_look():
    cleaned = clean_template("links.docx", kit.hostile_template(macros=False))
    assert cleaned.file_name == "links.docx"
    assert [r.split(" (")[0] for r in cleaned.removed] == ["een externe koppeling"]


# --- exports: formula-like text is text, numbers stay numbers -----------------------------


FORMULAS = ['=HYPERLINK("http://x";"klik")', "+31 6 cmd", "-2+3", "@SUM(A1)", "\tgeheim", "\rx"]


def _formula_actions():
    theme = _plan().themes.first()
    for text in FORMULAS:
        action_save(theme=theme, item=f"Actie {text!r}", parties=[text], owner=text, hours=12)


def test_csv_export_writes_formula_like_text_as_text():
    _formula_actions()
    raw = client_for("coordinator.steenwijkerland").get(f"{PLAN}export.csv").content
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    for text in FORMULAS:
        assert "'" + text in cells, text
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_xlsx_export_writes_formula_like_text_as_string_cells_and_numbers_as_numbers():
    _formula_actions()
    raw = client_for("coordinator.steenwijkerland").get(f"{PLAN}export.xlsx").content
    sheet = load_workbook(io.BytesIO(raw)).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    formula_like = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@\t\r"]
    assert {c.value for c in formula_like} >= set(FORMULAS)
    assert all(c.data_type == "s" and c.quotePrefix for c in formula_like)
    assert not any(c.data_type == "f" for c in cells)
    assert any(c.value == 12 and c.data_type == "n" for c in cells)  # hours stay a number


def test_negative_numbers_stay_numbers():
    from openpyxl import Workbook

    from ivp.common.spreadsheet_cells import csv_cell, xlsx_append

    assert csv_cell("-150,00", original=-150) == "-150,00"
    assert csv_cell("-150,00", original="-150,00") == "'-150,00"
    book = Workbook()
    xlsx_append(book.active, [-3.5, "-3.5"])
    number, text = book.active[1]
    assert (number.value, number.data_type) == (-3.5, "n")
    assert (text.value, text.data_type, text.quotePrefix) == ("-3.5", "s", True)


# --- odd input: a Dutch message with file, row and column, never a 500 --------------------


ODD = [
    (
        "survey",
        "thema;percentage\nOndermijning;٤٩\n",
        (2, "percentage"),
    ),
    ("survey", "thema;percentage\nOndermijning;4²\n", (2, "percentage")),
    ("progress", "actie;status;percentage\nToezicht en handhaving;lopend;²\n", (2, "percentage")),
    ("progress", "actie;status;datum\nToezicht en handhaving;lopend;01-01-0001\n", (2, "datum")),
    ("progress", "actie;status;datum\nToezicht en handhaving;lopend;01-01-99999\n", (2, "datum")),
    ("own figures", "periode;aantal\n2024;١٢\n", (2, "aantal")),
    ("own figures", "periode;aantal\n٢٠٢٤;12\n", (2, "periode")),
    ("own figures", "periode;aantal\n0000;12\n", (2, "periode")),
    ("own figures", "periode;aantal\n99999;12\n", (2, "periode")),
    (
        "population",
        '"Bevolking";;;\n"Regio\'s";"Onderwerp";"";"0000"\n"Westerveld";"";"";"19000"\n',
        (2, "0000"),
    ),
    (
        "population",
        '"Bevolking";;;\n"Regio\'s";"Onderwerp";"";"2024"\n"Westerveld";"";"";"1²"\n',
        (3, "2024"),
    ),
    (
        "national figures",
        "gemeentecode,gemeentenaam,provincie,jaar,geregistreerde_misdrijven\n"
        "GM1701,Westerveld,Drenthe,٢٠٢٤,12\n",
        (2, "jaar"),
    ),
    (
        "national figures",
        "gemeentecode,gemeentenaam,provincie,jaar,geregistreerde_misdrijven\n"
        "GM1701,Westerveld,Drenthe,99999,12\n",
        (2, "jaar"),
    ),
    ("progress", 'actie;status\n"' + "x" * 200_000 + '";lopend\n', (2, None)),
    (
        "own figures",
        "Maand;Soort;Aantal\njan 2024;Jeugd!;12\njan 2024;jeugd;9\n",
        (3, "Soort"),
    ),
    (
        "national figures",
        "Onderwerp,Perioden,Waarde_Drenthe (PV)_2017\n",
        (None, None),
    ),
    ("national figures", 'incident_type_code,year,incident_count\n"' + "x" * 200_000, (2, None)),
]


@pytest.mark.parametrize(("importer", "text", "where"), ODD)
def test_odd_input_is_refused_naming_row_and_column(importer, text, where):
    run, state = EVERY_IMPORTER[importer]
    refusal = refused_without_writing(run, state, "vreemd.csv", text.encode())
    assert where in [(p.row, p.column) for p in refusal.problems], refusal.problems


def test_a_docx_that_is_no_zip_is_refused_naming_the_file():
    refused_without_writing(import_template, template_state, "geen.docx", b"PK no zip at all")
    response = client_for("coordinator.steenwijkerland").post(
        reverse("reports:house_style", args=["GM1708"]),
        {"template": SimpleUploadedFile("geen.docx", kit.truncated(kit.TEMPLATE.read_bytes()))},
    )
    assert response.status_code == 200
    assert "geen.docx: het bestand is beschadigd of onvolledig" in response.content.decode()


def _progress_api(client, payload: str):
    action = Action.objects.get(theme__action_plan=_plan(), item="Toezicht en handhaving")
    return client.post(
        f"/api/v1/acties/{action.pk}/voortgang/", payload, content_type="application/json"
    )


def test_json_nested_thousands_deep_is_refused_in_dutch():
    client = client_for("coordinator.steenwijkerland")
    before = progress_state()
    for depth in (5_000, 100_000):
        response = _progress_api(client, "[" * depth + "]" * depth)
        assert response.status_code == 400
        assert "niveaus diep genest" in response.json()["detail"]
    # nesting inside strings does not count
    version = Action.objects.get(theme__action_plan=_plan(), item="Toezicht en handhaving")
    ok = _progress_api(
        client,
        json.dumps(
            {"status": "lopend", "note": "[[[[" * 100, "lock_version": version.lock_version}
        ),
    )
    assert ok.status_code == 201, ok.content
    assert progress_state()[0] == before[0] + 1


# --- text lengths ------------------------------------------------------------------------


def test_a_megabyte_note_is_refused_by_form_api_service_and_import():
    client = client_for("coordinator.steenwijkerland")
    action = Action.objects.get(theme__action_plan=_plan(), item="Toezicht en handhaving")
    before = progress_state()
    huge = "x" * 1_000_000
    page = client.post(
        f"{PLAN}acties/{action.pk}/voortgang/",
        {"status": "lopend", "on": "2026-01-05", "note": huge, "lock_version": action.lock_version},
    ).content.decode()
    assert "5000" in page.replace(".", "") and "tekens" in page
    response = _progress_api(client, json.dumps({"status": "lopend", "note": "x" * 5_001}))
    assert response.status_code == 400 and "5000" in json.dumps(response.json())
    with pytest.raises(ValidationError, match=r"5\.000"):
        progress_record(action=action, status="lopend", note=huge)
    refusal = refused_without_writing(
        import_progress,
        progress_state,
        "lang.csv",
        f"actie;status;toelichting\nToezicht en handhaving;lopend;{'x' * 6000}\n".encode(),
    )
    assert [(p.row, p.column) for p in refusal.problems] == [(2, "toelichting")]
    assert progress_state() == before


def test_an_overlong_description_is_refused_by_the_service():
    theme = _plan().themes.first()
    with pytest.raises(ValidationError, match=r"10\.000"):
        action_save(theme=theme, item="Lang", description="x" * 10_001)
    with pytest.raises(ValidationError, match="250"):
        action_save(theme=theme, item="x" * 251)


# --- generated content (hypothesis) ------------------------------------------------------


CELLS = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(
        [
            "Toezicht en handhaving",
            "lopend",
            "Ondermijning",
            "2024",
            "jan 2024",
            "12",
            "49%",
            "=1+1",
            "²",
            "٤٩",
            "１２",
            "99999",
            "0000",
            "-5",
            '"',
            "NaN",
            "1e999",
            "01-01-0001",
            "GM1701",
            "Westerveld",
            ".",
            "x" * 300,
        ]
    ),
)
HEADERS = st.sampled_from(
    [
        ["actie", "status", "percentage", "toelichting", "datum"],
        ["thema", "percentage", "score"],
        ["periode", "aantal"],
        ["gemeentecode", "gemeentenaam", "provincie", "jaar", "geregistreerde_misdrijven"],
        ["incident_type_code", "year", "incident_count"],
    ]
)


@st.composite
def csv_files(draw) -> bytes:
    separator = draw(st.sampled_from([";", ",", "\t"]))
    header = draw(st.one_of(HEADERS, st.lists(CELLS, min_size=1, max_size=5)))
    rows = draw(st.lists(st.lists(CELLS, max_size=6), max_size=8))
    text = "\n".join(separator.join(row) for row in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp1252"]))
    return text.encode(encoding, errors="replace")


@st.composite
def xlsx_files(draw) -> bytes:
    header = draw(st.one_of(HEADERS, st.lists(CELLS, min_size=1, max_size=5)))
    values = st.one_of(
        CELLS,
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False),
        st.none(),
    )
    rows = draw(st.lists(st.lists(values, max_size=6), max_size=8))
    return kit.xlsx([[_legal(v) for v in row] for row in [header, *rows]])


def _legal(value):
    """Only what openpyxl can write: control characters are no cell text."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _survives(importer: str, name: str, raw: bytes) -> None:
    """Accepted or refused with an ImportFileError; a refusal writes nothing."""
    run, state = EVERY_IMPORTER[importer]
    with transaction.atomic():
        before = state()
        try:
            run(name, raw)
        except ImportFileError as error:
            assert error.problems and all(p.file_name == name for p in error.problems)
            assert state() == before
        transaction.set_rollback(True)


HYPOTHESIS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("importer", [*TABULAR, *CSV_ONLY])
@HYPOTHESIS
@given(raw=csv_files())
def test_generated_csv_is_accepted_or_refused_never_a_crash(importer, raw):
    _survives(importer, "gegenereerd.csv", raw)


@pytest.mark.parametrize("importer", TABULAR)
@HYPOTHESIS
@given(raw=xlsx_files())
def test_generated_xlsx_is_accepted_or_refused_never_a_crash(importer, raw):
    _survives(importer, "gegenereerd.xlsx", raw)


@HYPOTHESIS
@given(raw=st.binary(max_size=2000), cut=st.integers(0, 40_000))
def test_generated_templates_are_accepted_or_refused_never_a_crash(raw, cut):
    real = kit.TEMPLATE.read_bytes()
    _survives("house style", "sjabloon.docx", real[:cut] + raw)
