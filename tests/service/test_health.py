"""/gezond/ (liveness) and /gereed/ (readiness), and the heartbeat `ivp worker` records."""

import time

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from ivp.web.health import HEARTBEAT_KEY, worker_heartbeat_record


@pytest.fixture(autouse=True)
def own_cache(settings):
    """A cache of this test's own, so no other test's or worker's heartbeat counts."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "h"}
    }
    cache.clear()


def _get(path):
    return Client(HTTP_HOST="localhost").get(path)


@pytest.mark.django_db
def test_liveness_answers_ok_without_asking_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = _get("/gezond/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_when_the_database_answers_and_a_worker_beat_recently(django_assert_num_queries):
    worker_heartbeat_record()
    with django_assert_num_queries(1) as queries:
        response = _get("/gereed/")
    assert response.status_code == 200
    assert response.json() == {"status": "gereed"}
    assert queries.captured_queries[0]["sql"] == "SELECT 1"
    assert not response.cookies


@pytest.mark.django_db
def test_not_ready_without_a_worker_says_so_in_dutch():
    response = _get("/gereed/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "niet gereed",
        "redenen": ["Er is geen achtergrondverwerker gezien."],
    }


@pytest.mark.django_db
def test_not_ready_when_the_worker_was_last_seen_too_long_ago(settings):
    cache.set(HEARTBEAT_KEY, time.time() - settings.IVP_WORKER_STALE_SECONDS - 30)
    response = _get("/gereed/")
    assert response.status_code == 503
    (reason,) = response.json()["redenen"]
    assert reason.startswith("De achtergrondverwerker is ")
    assert reason.endswith(" seconden geleden voor het laatst gezien.")


@pytest.mark.django_db
def test_no_worker_is_needed_when_tasks_run_inside_the_request(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert _get("/gereed/").status_code == 200


@pytest.mark.django_db
def test_ivp_worker_records_the_heartbeat_that_makes_the_site_ready():
    assert _get("/gereed/").status_code == 503

    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert _get("/gereed/").status_code == 200
