"""Background work: stalled tasks are given up with the reason, a failed one is tried again
once, a user cannot fill the queue, and old files are removed after the retention period."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ivp.figures.models import FiguresUpload
from ivp.reports.models import GeneratedDocument
from ivp.reports.tasks import PROGRESS, rescue_stalled
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def _document(**fields) -> GeneratedDocument:
    from django.contrib.auth import get_user_model

    from ivp.regions.models import Municipality

    return GeneratedDocument.objects.create(
        municipality=Municipality.objects.get(code="GM1708"),
        kind="uitvoeringsplan",
        year=2026,
        format="pdf",
        requested_by=get_user_model().objects.get(username="coordinator.steenwijkerland"),
        **fields,
    )


def test_a_running_document_without_a_heartbeat_is_marked_failed_with_the_reason():
    silent = _document(status=GeneratedDocument.Status.RUNNING)
    alive = _document(status=GeneratedDocument.Status.RUNNING)
    cache.set(f"ivp:{PROGRESS}:{alive.pk}:heartbeat", time.time(), 60)
    assert rescue_stalled() == 1
    silent.refresh_from_db()
    alive.refresh_from_db()
    assert silent.status == "mislukt" and "gestopt" in silent.problem
    assert alive.status == "bezig"
    page = client_for("coordinator.steenwijkerland").get(f"/documenten/{silent.token}/")
    text = page.content.decode()
    assert "gestopt" in text and f"/documenten/{silent.token}/opnieuw/" in text


def test_trying_again_queues_a_failed_document_once():
    failed = _document(status=GeneratedDocument.Status.FAILED, problem="gestopt")
    client = client_for("coordinator.steenwijkerland")
    before = DBTaskResult.objects.count()
    for _ in range(2):
        response = client.post(f"/documenten/{failed.token}/opnieuw/")
        assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == "wachtrij" and failed.problem == ""
    assert DBTaskResult.objects.count() == before + 1


def test_a_user_cannot_queue_more_documents_than_the_limit(settings):
    settings.IVP_DOCUMENTS_WAITING_PER_USER = 2
    client = client_for("coordinator.steenwijkerland")
    url = "/gemeenten/GM1708/documenten/uitvoeringsplan/2026/maken/"
    for _ in range(2):
        assert client.post(url, {"format": "pdf"})["Location"].startswith("/documenten/")
    count = GeneratedDocument.objects.count()
    refused = client.post(url, {"format": "pdf"}, follow=True)
    assert "2 documenten in de wachtrij" in refused.content.decode()
    assert GeneratedDocument.objects.count() == count


def test_cleanup_removes_what_is_older_than_the_retention_period(settings):
    settings.IVP_RETENTION_DAYS = 30
    old, new = _document(status="klaar"), _document(status="klaar")
    GeneratedDocument.objects.filter(pk=old.pk).update(
        requested_at=timezone.now() - timedelta(days=31)
    )
    waiting = _document(status="wachtrij")
    GeneratedDocument.objects.filter(pk=waiting.pk).update(
        requested_at=timezone.now() - timedelta(days=40)
    )
    upload = FiguresUpload.objects.create(file_name="oud.csv", content=b"x", status="klaar")
    FiguresUpload.objects.filter(pk=upload.pk).update(created=timezone.now() - timedelta(days=31))
    call_command("cleanup", stdout=open("/dev/null", "w"))  # noqa: SIM115
    remaining = set(GeneratedDocument.objects.values_list("pk", flat=True))
    assert old.pk not in remaining and {new.pk, waiting.pk} <= remaining
    assert not FiguresUpload.objects.filter(pk=upload.pk).exists()


def test_the_same_file_cannot_be_imported_twice_at_once():
    from django.core.exceptions import ValidationError

    from ivp.figures.tasks import upload_queue

    raw = b"gemeentecode,jaar,geregistreerde_misdrijven\nGM1701,2024,900\n"  # the tidy format
    first = upload_queue(upload=FiguresUpload(file_name="a.csv", content=raw, size=len(raw)))
    with pytest.raises(ValidationError, match="al geïmporteerd"):
        upload_queue(upload=FiguresUpload(file_name="b.csv", content=raw, size=len(raw)))
    assert FiguresUpload.objects.filter(digest=first.digest).count() == 1
    # Once the first has finished, the file may be imported again.
    FiguresUpload.objects.filter(pk=first.pk).update(status="klaar")
    again = upload_queue(upload=FiguresUpload(file_name="b.csv", content=raw, size=len(raw)))
    assert again.status == "wachtrij"


def test_a_second_upload_of_a_waiting_file_is_refused_on_the_page():
    from django.core.files.uploadedfile import SimpleUploadedFile

    raw = b"gemeentecode,jaar,geregistreerde_misdrijven\nGM1701,2024,900\n"
    client = client_for("beheerder")
    tasks_before = DBTaskResult.objects.count()
    for expected in (302, 200):
        response = client.post(
            "/cijfers/importeren/",
            {"file": SimpleUploadedFile("misdrijven.csv", raw, content_type="text/csv")},
        )
        assert response.status_code == expected
    assert "al geïmporteerd" in response.content.decode()
    assert DBTaskResult.objects.count() == tasks_before + 1


@pytest.mark.parametrize(
    ("status", "fields", "shown", "retry"),
    [
        ("wachtrij", {}, "Wacht op de achtergrondverwerking…", False),
        ("bezig", {}, "Bezig met importeren…", False),
        ("klaar", {"report": ["12 waarden"]}, "12 waarden", False),
        ("geweigerd", {"problems": ["rij 3, kolom jaar: geen jaar"]}, "rij 3, kolom jaar", False),
        ("mislukt", {"problems": ["De schijf is vol."]}, "De schijf is vol.", True),
    ],
)
def test_an_upload_shows_its_state_and_a_failed_one_can_be_tried_again(
    status, fields, shown, retry
):
    from ivp.regions.models import Municipality

    upload = FiguresUpload.objects.create(
        file_name="cijfers.csv",
        status=status,
        municipality=Municipality.objects.get(code="GM1708"),
        **fields,
    )
    page = client_for("coordinator.steenwijkerland").get(
        reverse("figures:upload_detail", args=[upload.pk])
    )
    text = page.content.decode()
    assert page.status_code == 200 and shown in text
    assert ("Opnieuw proberen" in text) is retry
    assert ("hx-trigger" in text) is (status in ("wachtrij", "bezig"))


@pytest.mark.parametrize(
    ("status", "shown", "retry"),
    [
        ("wachtrij", "Wacht op de achtergrondverwerking…", False),
        ("klaar", "Het document is klaar.", False),
        ("mislukt", "Het schrijven liep vast.", True),
    ],
)
def test_a_document_shows_its_state_and_a_failed_one_can_be_tried_again(status, shown, retry):
    document = _document(status=status, problem="Het schrijven liep vast.", file_name="plan.pdf")
    page = client_for("coordinator.steenwijkerland").get(
        reverse("reports:document_detail", args=[document.token])
    )
    text = page.content.decode()
    assert page.status_code == 200 and shown in text
    assert ("Opnieuw proberen" in text) is retry
    assert ("plan.pdf" in text) is (status == "klaar")
