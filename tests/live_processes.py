"""Real `ivp` processes (worker, web server) on a database of their own, for the tests that
kill a worker or load a server: the in-memory test database is invisible to other processes.

On the PostgreSQL run (DATABASE_URL set to postgres://…) each such test gets a fresh database
on that server; otherwise a SQLite file in the test's temporary folder."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

IVP = str(Path(sys.executable).with_name("ivp"))


@contextmanager
def own_database(tmp_path: Path):
    """A database URL nobody else uses, removed afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'ivp.sqlite3'}"
        return
    import psycopg

    name = f"ivp_live_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


def environment(tmp_path: Path, database_url: str, **settings: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "CACHE_URL", "IVP_TASKS_IMMEDIATE")
    }
    env.update(
        # The app's own settings, not the test run's (tests.settings is not importable there).
        DJANGO_SETTINGS_MODULE="ivp.conf.settings",
        IVP_VAR_DIR=str(tmp_path / "var"),
        DATABASE_URL=database_url,
        LOG_LEVEL="WARNING",
        **settings,
    )
    return env


def ivp(env, *args, timeout=600) -> str:
    """Run an `ivp` command to its end; its output (stdout)."""
    done = subprocess.run(
        [IVP, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def ivp_python(env, code: str) -> str:
    return ivp(env, "shell", "--no-imports", "-c", code)


def start(env, *args) -> subprocess.Popen:
    """An `ivp` process in its own process group, so it can be killed with its children."""
    return subprocess.Popen(
        [IVP, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        process.wait(timeout=30)


def query(database_url: str, sql: str) -> list[tuple]:
    """Read the database as it is, outside Django."""
    if database_url.startswith("sqlite"):
        path = database_url.removeprefix("sqlite:///")
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60) as connection:
            return connection.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(sql).fetchall()


def wait(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    pytest.fail(f"waited {seconds} s for {what}")


def queue_synthetic_import(env, tmp_path: Path, first_year: int = 2024) -> tuple[int, Path]:
    """A SYNTHETIC national file from `first_year` to 2025 (about a quarter of a million rows
    a year, some seconds to import) uploaded and queued; its upload's pk and path."""
    ivp(env, "figures", "synthesize", "--uitvoer", str(tmp_path), "--van", str(first_year))
    synthetic = next(tmp_path.glob("47013NED_SYNTHETISCH_*.csv"))
    pk = ivp_python(
        env,
        "from pathlib import Path\n"
        "from ivp.figures.models import FiguresUpload\n"
        "from ivp.figures.tasks import upload_queue\n"
        f"raw = Path({str(synthetic)!r}).read_bytes()\n"
        f"u = upload_queue(upload=FiguresUpload(file_name={synthetic.name!r}, content=raw, "
        "size=len(raw)))\n"
        "print(u.pk)",
    )
    return int(pk.strip()), synthetic


def upload_status(database_url: str, pk: int) -> tuple[str, str, str]:
    """Status, problems and report of an upload (the JSON lists as text)."""
    status, problems, report = query(
        database_url, f"SELECT status, problems, report FROM figures_figuresupload WHERE id={pk}"
    )[0]
    return status, str(problems), str(report)
