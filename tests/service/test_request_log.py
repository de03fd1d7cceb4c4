"""Every log line of a request carries its id; JSON lines when IVP_LOG_FORMAT=json; gunicorn
with deploy/gunicorn.conf.py writes its access log that way too."""

import io
import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

from ivp.common.request_log import RequestIdFilter, json_formatter

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_log():
    """What the root logger writes, as the JSON lines production gets."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


@pytest.mark.django_db
def test_a_request_logs_json_lines_carrying_its_id(json_log):
    response = Client(HTTP_HOST="localhost").get("/gemeenten/GM9999/")

    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    (line,) = [line for line in json_log() if line["logger"] == "django.request"]
    assert line["request_id"] == request_id
    assert line["level"] == "WARNING"
    assert "/gemeenten/GM9999/" in line["message"]


@pytest.mark.django_db
def test_an_offered_request_id_is_kept_and_a_forged_one_replaced(json_log):
    client = Client(HTTP_HOST="localhost")
    assert client.get("/gezond/", HTTP_X_REQUEST_ID="lb-7f3a.1")["X-Request-ID"] == "lb-7f3a.1"

    forged = 'x\n{"level": "CRITICAL"}'
    response = client.get("/gemeenten/GM9999/", HTTP_X_REQUEST_ID=forged)
    assert response["X-Request-ID"] != forged
    assert all("CRITICAL" not in json.dumps(line) for line in json_log())


def _setting(name, **env):
    environment = {k: v for k, v in os.environ.items() if k != "IVP_LOG_FORMAT"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; print(settings.{name})",
        ],
        capture_output=True,
        text=True,
        env={**environment, "DJANGO_SETTINGS_MODULE": "ivp.conf.settings", **env},
        cwd=REPO,
        check=True,
    )
    return result.stdout.strip()


def test_logs_are_json_in_production_and_plain_text_locally(tmp_path):
    production = {"IVP_ENVIRONMENT": "production", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "a.nl"}
    assert _setting("IVP_LOG_FORMAT", IVP_VAR_DIR=str(tmp_path), **production) == "json"
    assert _setting("IVP_LOG_FORMAT", IVP_VAR_DIR=str(tmp_path), IVP_ENVIRONMENT="local") == "text"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_gunicorn_serves_liveness_without_a_database_and_logs_json_access_lines(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "IVP_VAR_DIR": str(tmp_path),
        # Nothing listens there: the database is down.
        "DATABASE_URL": "postgres://ivp@127.0.0.1:9/ivp",
        "IVP_LOG_FORMAT": "json",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "ivp.conf.wsgi"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                # Not the probe itself: a try that times out on a busy machine is logged too.
                _get(f"{base}/gezond/", **{"X-Request-ID": "starting"})
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        status, body = _get(f"{base}/gezond/", **{"X-Request-ID": "probe-1"})
        ready_status, ready_body = _get(f"{base}/gereed/")
    finally:
        server.terminate()
        stdout, _ = server.communicate(timeout=30)

    assert (status, body) == (200, b"ok")
    assert ready_status == 503
    assert "De database antwoordt niet." in json.loads(ready_body)["redenen"]
    lines = [json.loads(line) for line in stdout.splitlines()]
    (access,) = [line for line in lines if line.get("request_id") == "probe-1"]
    assert access["logger"] == "gunicorn.access"
    assert (access["method"], access["path"], access["status"]) == ("GET", "/gezond/", 200)
    assert access["duration_ms"] >= 0
