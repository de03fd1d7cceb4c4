"""A worker killed mid-import: the upload ends failed with the reason, nothing half-imported
stays, and "opnieuw" imports it once.

Real processes on a real database file: `ivp worker` is started, killed with SIGKILL while it
imports a SYNTHETIC national file, and a new worker is started. (A SQLite file of its own, so
the worker processes see the data; the in-memory test database is invisible to them.)
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

IVP = str(Path(sys.executable).with_name("ivp"))
STALL_SECONDS = 3


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "CACHE_URL", "IVP_TASKS_IMMEDIATE")
    }
    env.update(
        IVP_VAR_DIR=str(tmp_path / "var"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'ivp.sqlite3'}",
        IVP_TASK_HEARTBEAT_SECONDS="1",
        IVP_TASK_STALL_SECONDS=str(STALL_SECONDS),
        LOG_LEVEL="WARNING",
    )
    return env


def _ivp(env, *args, timeout=600) -> str:
    done = subprocess.run(
        [IVP, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _query(database: Path, sql: str):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute(sql).fetchall()


def _upload(database: Path, pk: int) -> tuple[str, str]:
    return _query(database, f"SELECT status, problems FROM figures_figuresupload WHERE id={pk}")[0]


def _observations(database: Path) -> int:
    return _query(database, "SELECT count(*) FROM figures_observation")[0][0]


def _wait(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.2)
    pytest.fail(f"waited {seconds} s for {what}")


def _start_worker(env) -> subprocess.Popen:
    return subprocess.Popen(
        [IVP, "worker", "--no-startup-delay", "--interval", "0.2", "-v", "0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)


def test_an_import_whose_worker_is_killed_ends_failed_and_imports_once_when_tried_again(
    tmp_path,
):
    env = _environment(tmp_path)
    database = tmp_path / "ivp.sqlite3"
    _ivp(env, "migrate", "-v", "0")
    _ivp(env, "load_regions")
    _ivp(env, "load_taxonomy")
    _ivp(env, "figures", "synthesize", "--uitvoer", str(tmp_path), "--van", "2024")
    synthetic = next(tmp_path.glob("47013NED_SYNTHETISCH_*.csv"))
    pk = int(
        _ivp(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from pathlib import Path\n"
            "from ivp.figures.models import FiguresUpload\n"
            "from ivp.figures.tasks import import_upload\n"
            f"raw = Path({str(synthetic)!r}).read_bytes()\n"
            f"u = FiguresUpload.objects.create(file_name={synthetic.name!r}, content=raw, "
            "size=len(raw))\n"
            "import_upload.enqueue(u.pk)\n"
            "print(u.pk)",
        ).strip()
    )

    first = _start_worker(env)
    try:
        _wait(lambda: _upload(database, pk)[0] == "bezig", 60, "the import to start")
        time.sleep(1.5)  # well into the import's transaction
        assert _upload(database, pk)[0] == "bezig", "the import finished before it was killed"
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)

    second = _start_worker(env)
    try:
        killed_at = time.monotonic()
        _status, problems = _wait(
            lambda: (row := _upload(database, pk))[0] == "mislukt" and row,
            STALL_SECONDS * 5,
            "the upload to be marked failed",
        )
        assert time.monotonic() - killed_at < STALL_SECONDS * 5
        assert "gestopt" in problems and "opnieuw" in problems.casefold()
        assert _observations(database) == 0  # the killed import's rows were rolled back

        retried = _ivp(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from ivp.figures.models import FiguresUpload\n"
            "from ivp.figures.tasks import upload_retry\n"
            f"u = FiguresUpload.objects.get(pk={pk})\n"
            "print(upload_retry(upload=u), upload_retry(upload=u))",
        )
        assert retried.split() == ["True", "False"]  # a second press does nothing
        _wait(lambda: _upload(database, pk)[0] == "klaar", 180, "the import tried again")
    finally:
        _stop(second)
    report = _query(database, f"SELECT report FROM figures_figuresupload WHERE id={pk}")[0][0]
    imported = _observations(database)
    assert imported > 100_000 and f"{imported} nieuwe waarden" in report  # once, not twice
    runs = _query(database, "SELECT count(*) FROM django_tasks_database_dbtaskresult")[0][0]
    assert runs == 2  # the killed one and the one tried again, nothing in between
