"""Making, following and downloading documents in the app, and the municipality's template."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx.shared import RGBColor

from ivp.reports.models import GeneratedDocument, HouseStyle

from ..conftest import client_for
from .reading import docx_file

pytestmark = pytest.mark.django_db
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_the_coordinator_makes_a_pdf_and_downloads_it(immediate_tasks):
    client = client_for("coordinator.steenwijkerland")
    response = client.post(
        "/gemeenten/GM1708/documenten/uitvoeringsplan/2026/maken/", {"format": "pdf"}
    )
    assert response.status_code == 302
    record = GeneratedDocument.objects.latest("pk")
    assert response["Location"] == f"/documenten/{record.token}/"
    assert (
        record.status == "klaar" and record.requested_by.username == "coordinator.steenwijkerland"
    )
    page = client.get(response["Location"]).content.decode()
    assert "uitvoeringsplan-steenwijkerland-2026.pdf" in page
    assert "hx-get" not in page  # finished: the page stops polling
    download = client.get(f"/documenten/{record.token}/download/")
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF-")
    assert "uitvoeringsplan-steenwijkerland-2026.pdf" in download["Content-Disposition"]


def test_a_queued_document_shows_progress_and_polls():
    client = client_for("coordinator.steenwijkerland")
    client.post("/gemeenten/GM1708/documenten/voortgang/2026/maken/", {"format": "docx"})
    record = GeneratedDocument.objects.latest("pk")
    assert record.status == "wachtrij"  # the worker has not taken it yet
    fragment = client.get(f"/documenten/{record.token}/voortgang/").content.decode()
    assert "hx-get" in fragment and "<progress" in fragment
    assert client.get(f"/documenten/{record.token}/download/").status_code == 404


def test_an_unknown_format_is_refused_in_dutch():
    client = client_for("coordinator.steenwijkerland")
    response = client.post(
        "/gemeenten/GM1708/documenten/ivp/2026/maken/", {"format": "odt"}, follow=True
    )
    assert "Kies PDF, Word of HTML." in response.content.decode()
    assert not GeneratedDocument.objects.filter(kind="ivp", format="odt").exists()


def test_the_document_page_shows_the_document_in_the_app():
    page = client_for("raad.westerveld").get("/gemeenten/GM1701/documenten/ivp/2026/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Integraal Veiligheidsplan Westerveld 2023–2027" in html
    assert 'id="inhoudsopgave"' in html and "Colofon" in html
    assert "Maak PDF" in html  # a signed-in reader may have files made


def test_the_documents_list_shows_only_what_the_reader_may_read():
    anonymous = client_for(None).get("/gemeenten/GM1708/documenten/").content.decode()
    assert "Veiligheidsanalyse" in anonymous and "Integraal Veiligheidsplan" in anonymous
    assert "Uitvoeringsplan" not in anonymous  # Steenwijkerland's 2026 plan is a draft
    coordinator = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/documenten/")
    assert "Voortgangsrapportage" in coordinator.content.decode()


def _template_with_house_style() -> bytes:
    template = docx.Document()
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x99, 0x00, 0x33)
    template.sections[0].header.paragraphs[0].text = "Gemeente Steenwijkerland · huisstijl"
    template.add_paragraph("Voorbeeldtekst die niet in documenten hoort.")
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


def test_the_municipalitys_template_gives_the_word_documents_their_house_style(
    immediate_tasks,
):
    client = client_for("coordinator.steenwijkerland")
    upload = SimpleUploadedFile("huisstijl.docx", _template_with_house_style(), DOCX)
    response = client.post("/gemeenten/GM1708/huisstijl/", {"template": upload})
    assert response.status_code == 302
    assert HouseStyle.objects.get(municipality__code="GM1708").file_name == "huisstijl.docx"
    client.post("/gemeenten/GM1708/documenten/uitvoeringsplan/2026/maken/", {"format": "docx"})
    made = docx_file(
        client.get(f"/documenten/{GeneratedDocument.objects.latest('pk').token}/download/").content
    )
    assert made.sections[0].header.paragraphs[0].text == "Gemeente Steenwijkerland · huisstijl"
    assert made.styles["Heading 1"].font.color.rgb == RGBColor(0x99, 0x00, 0x33)
    assert "Voorbeeldtekst" not in " ".join(p.text for p in made.paragraphs)
    # Back to ivp's own template.
    client.post("/gemeenten/GM1708/huisstijl/", {"action": "verwijderen"})
    assert not HouseStyle.objects.filter(municipality__code="GM1708").exists()


def test_a_template_that_is_no_word_file_is_refused_naming_the_file():
    client = client_for("coordinator.steenwijkerland")
    upload = SimpleUploadedFile("huisstijl.docx", b"geen word-bestand", DOCX)
    page = client.post("/gemeenten/GM1708/huisstijl/", {"template": upload}).content.decode()
    assert "huisstijl.docx is geen Word-document (.docx) dat te openen is." in page
    assert not HouseStyle.objects.filter(municipality__code="GM1708").exists()


def test_the_template_in_use_can_be_downloaded_to_start_from():
    response = client_for("coordinator.steenwijkerland").get(
        "/gemeenten/GM1708/huisstijl/sjabloon.docx"
    )
    assert response["Content-Type"] == DOCX
    template = docx_file(response.content)
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "Caption", "TOC 1"} <= {
        s.name for s in template.styles
    }
