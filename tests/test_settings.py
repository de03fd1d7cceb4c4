"""Settings come from the environment; production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _ivp(args, **env):
    environment = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS")
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "ivp.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
    )


PRODUCTION = {
    "IVP_ENVIRONMENT": "production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "ivp.example.nl",
}


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = _ivp(
        ["check", "--deploy", "--fail-level", "WARNING"], IVP_VAR_DIR=str(tmp_path), **PRODUCTION
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_secret_key_refuses_to_start(tmp_path):
    env = {**PRODUCTION, "SECRET_KEY": "", "IVP_VAR_DIR": str(tmp_path)}
    result = _ivp(["check"], **env)
    assert result.returncode != 0
    assert "SECRET_KEY is verplicht" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start(tmp_path):
    env = {**PRODUCTION, "ALLOWED_HOSTS": "", "IVP_VAR_DIR": str(tmp_path)}
    result = _ivp(["check"], **env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is verplicht" in result.stderr


def test_local_use_generates_a_secret_key_into_var(tmp_path):
    result = _ivp(["check"], IVP_VAR_DIR=str(tmp_path), IVP_ENVIRONMENT="local")
    assert result.returncode == 0, result.stderr
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_database_url_selects_the_database(tmp_path):
    target = tmp_path / "other.sqlite3"
    result = _ivp(
        [
            "shell",
            "-c",
            "from django.db import connection; print(connection.settings_dict['NAME'])",
        ],
        IVP_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{target}",
    )
    assert result.stdout.strip().endswith("other.sqlite3"), result.stderr


def test_database_connections_are_kept_under_gunicorn_and_not_under_runserver(tmp_path):
    # runserver starts a thread per request: kept connections of ended threads piled up to
    # PostgreSQL's "too many clients" in CI. gunicorn's threads live on, so there they are kept.
    show = "from django.conf import settings; print(settings.DATABASES['default']['CONN_MAX_AGE'])"
    environment = {k: v for k, v in os.environ.items() if k != "IVP_DB_CONNECTION_SECONDS"}
    environment["IVP_VAR_DIR"] = str(tmp_path)
    plain = subprocess.run(
        [sys.executable, "-m", "ivp.cli", "shell", "-c", show],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
    )
    under_gunicorn = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy; runpy.run_path('deploy/gunicorn.conf.py'); "
            "import ivp.conf.wsgi; " + show,
        ],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
    )
    assert plain.stdout.strip().splitlines()[-1] == "0", plain.stderr
    assert under_gunicorn.stdout.strip() == "60", under_gunicorn.stderr
    # what the environment or .env says wins, under gunicorn too
    environment["IVP_DB_CONNECTION_SECONDS"] = "5"
    told = subprocess.run(
        under_gunicorn.args, capture_output=True, text=True, env=environment, cwd=REPO
    )
    assert told.stdout.strip() == "5", told.stderr
