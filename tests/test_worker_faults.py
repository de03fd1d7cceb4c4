"""A worker killed mid-import: the upload ends failed with the reason, nothing half-imported
stays, and "opnieuw" imports it once.

Real processes: `ivp worker` is started, killed with SIGKILL while it imports a SYNTHETIC
national file, and a new worker is started (tests/live_processes.py)."""

import signal
import time

import pytest

from tests.live_processes import (
    environment,
    ivp_python,
    own_database,
    query,
    queue_synthetic_import,
    start,
    stop,
    upload_status,
    wait,
)

STALL_SECONDS = 3
WORKER = ("worker", "--no-startup-delay", "--interval", "0.2", "-v", "0")


def _observations(database_url) -> int:
    return query(database_url, "SELECT count(*) FROM figures_observation")[0][0]


@pytest.mark.slow
def test_an_import_whose_worker_is_killed_ends_failed_and_imports_once_when_tried_again(
    tmp_path, run_folder
):
    with own_database(tmp_path, "reference", shared=run_folder) as database:
        env = environment(
            tmp_path,
            database,
            IVP_TASK_HEARTBEAT_SECONDS="1",
            IVP_TASK_STALL_SECONDS=str(STALL_SECONDS),
        )
        pk, _synthetic = queue_synthetic_import(env, tmp_path, first_year=2023)

        first = start(env, *WORKER)
        try:
            wait(lambda: upload_status(database, pk)[0] == "bezig", 60, "the import to start")
            time.sleep(1.5)  # well into the import's transaction
            assert upload_status(database, pk)[0] == "bezig", "finished before it was killed"
        finally:
            stop(first, signal.SIGKILL)

        second = start(env, *WORKER)
        try:
            killed_at = time.monotonic()
            _status, problems, _report = wait(
                lambda: (row := upload_status(database, pk))[0] == "mislukt" and row,
                STALL_SECONDS * 5,
                "the upload to be marked failed",
            )
            assert time.monotonic() - killed_at < STALL_SECONDS * 5
            assert "gestopt" in problems and "opnieuw" in problems.casefold()
            assert _observations(database) == 0  # the killed import's rows were rolled back

            retried = ivp_python(
                env,
                "from ivp.figures.models import FiguresUpload\n"
                "from ivp.figures.tasks import upload_retry\n"
                f"u = FiguresUpload.objects.get(pk={pk})\n"
                "print(upload_retry(upload=u), upload_retry(upload=u))",
            )
            assert retried.split() == ["True", "False"]  # a second press does nothing
            wait(lambda: upload_status(database, pk)[0] == "klaar", 300, "the import again")
        finally:
            stop(second)
        imported = _observations(database)
        assert imported > 100_000
        assert f"{imported} nieuwe waarden" in upload_status(database, pk)[2]  # once, not twice
        tasks = query(database, "SELECT count(*) FROM django_tasks_database_dbtaskresult")[0][0]
        assert tasks == 2  # the killed one and the one tried again, nothing in between
