"""/gezond/ (liveness) and /gereed/ (readiness), and the heartbeat `ivp worker` records."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from ivp.web.health import HEARTBEAT_KEY, worker_heartbeat_record

REPO = Path(__file__).resolve().parents[2]


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
def test_ivp_worker_records_the_heartbeat_that_makes_the_site_ready(tmp_path, settings):
    """A real worker process on its own small database, sharing a file cache with the site."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    assert _get("/gereed/").status_code == 503
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(IVP_VAR_DIR=str(tmp_path), CACHE_URL=f"filecache://{tmp_path / 'cache'}")

    for command in (
        ["migrate", "django_tasks_database", "-v", "0"],
        ["worker", "--batch", "-v", "0"],
    ):
        subprocess.run([sys.executable, "-m", "ivp.cli", *command], env=env, cwd=REPO, check=True)

    assert _get("/gereed/").status_code == 200
