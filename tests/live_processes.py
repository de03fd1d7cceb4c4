"""Real `ivp` processes (worker, web server) on a database of their own, for the tests that
kill a worker or load a server: the in-memory test database is invisible to other processes.

On the PostgreSQL run (DATABASE_URL set to postgres://…) each such test gets a fresh database
on that server; otherwise a SQLite file in the test's temporary folder."""

import fcntl
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

IVP = str(Path(sys.executable).with_name("ivp"))
# What a prepared database holds: a copy of the prepared database it builds on (or nothing),
# then the `ivp` commands run on it, in order. Each is made once per test run (shared by the
# pytest-xdist workers) and copied for every test that needs it, instead of every test
# migrating and loading for twenty seconds of its own; the 80 migrations run once.
PREPARED = {
    "migrated": (None, [("migrate", "--no-input", "-v", "0")]),
    "reference": ("migrated", [("load_regions",), ("load_taxonomy",)]),
    "demo": ("migrated", [("load_demo",)]),
}


def _on_postgres() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


def _server_url(name: str) -> str:
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name


def _postgres(statement: str) -> None:
    import psycopg

    with psycopg.connect(os.environ["DATABASE_URL"], autocommit=True) as connection:
        connection.execute(statement)


@contextmanager
def own_database(tmp_path: Path, prepared: str | None = None, *, shared: Path | None = None):
    """A database URL nobody else uses, removed afterwards: empty, or a copy of the `prepared`
    database (see PREPARED; `shared` is the folder the test run's workers share)."""
    database, url = _new_database(tmp_path, "live", prepared, shared)
    try:
        yield url
    finally:
        if _on_postgres():  # a SQLite file goes with tmp_path
            _drop(database)


def _new_database(folder: Path, kind: str, prepared: str | None, shared: Path) -> tuple[str, str]:
    """A database of its own, empty or a copy of `prepared`: its name (PostgreSQL) or file
    (SQLite, in `folder`), and its URL."""
    if _on_postgres():
        name = f"ivp_{kind}_{uuid.uuid4().hex[:10]}"
        if prepared:
            template = _template(prepared, shared)
            with _locked(shared, prepared):  # a template may serve one copy at a time
                _postgres(f"CREATE DATABASE {name} TEMPLATE {template}")
        else:
            _postgres(f"CREATE DATABASE {name}")
        return name, _server_url(name)
    path = folder / "ivp.sqlite3"
    if prepared:
        _sqlite_copy(_template(prepared, shared), path)
    return str(path), f"sqlite:///{path}"


def shared_folder(tmp_path_factory) -> Path:
    """The folder all pytest-xdist workers of this run share (the run's own without xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def _locked(shared: Path, prepared: str):
    """One lock per prepared database, so two workers can make two of them at once."""
    with (shared / f"template-{prepared}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _template(prepared: str, shared: Path) -> str:
    """The prepared database's file (SQLite) or name (PostgreSQL), made on first use. Its
    name is written once it is filled; a failed making leaves nothing behind."""
    listed = shared / f"template-{prepared}.name"
    with _locked(shared, prepared):
        if listed.exists():
            return listed.read_text()
        folder = shared / f"template-{prepared}"
        folder.mkdir(exist_ok=True)
        base, commands = PREPARED[prepared]
        template, url = _new_database(folder, "template", base, shared)
        try:
            env = environment(folder, url)
            for command in commands:
                ivp(env, *command)
        except BaseException:
            _drop(template)
            raise
        listed.write_text(template)
        return template


def _sqlite_copy(template: str, path: Path) -> None:
    """A consistent copy of a SQLite database (its write-ahead log included)."""
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)


def _drop(template: str) -> None:
    if template.startswith("/"):
        shutil.rmtree(Path(template).parent, ignore_errors=True)
    else:
        _postgres(f"DROP DATABASE IF EXISTS {template} WITH (FORCE)")


def prepare_in_background(shared: Path) -> threading.Thread:
    """Makes every prepared database in a thread of this process, while the test workers set
    up their own databases, so that no worker waits for another to make one. A kind that
    fails here is made again, and fails visibly, by the first test that needs it."""

    def prepare():
        for prepared in PREPARED:
            try:
                _template(prepared, shared)
            except Exception:  # the test that needs it makes it again and reports the failure
                return

    thread = threading.Thread(target=prepare, name="prepared-databases", daemon=True)
    thread.start()
    return thread


def drop_templates(shared: Path) -> None:
    """Removes the prepared databases of a test run (called once, at its very end)."""
    for listed in shared.glob("template-*.name"):
        _drop(listed.read_text())
        listed.unlink()


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
