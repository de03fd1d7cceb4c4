"""`ivp worker`: the background worker (django-tasks' database worker) that also rescues work
a killed worker left behind: at its start, and every half stall timeout while it runs."""

import logging
import threading

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from ivp.common.jobs import stall_seconds
from ivp.figures import tasks as figures_tasks
from ivp.reports import tasks as reports_tasks

logger = logging.getLogger(__name__)


def rescue_stalled() -> int:
    """Uploads and documents whose worker is gone are marked failed, with the reason."""
    return figures_tasks.rescue_stalled() + reports_tasks.rescue_stalled()


def _keep_rescuing(stop: threading.Event) -> None:
    while not stop.wait(max(stall_seconds() / 2, 1)):
        try:
            if count := rescue_stalled():
                logger.warning("%s taken over from a stopped worker and marked failed", count)
        except Exception:  # the next round tries again; the worker must go on
            logger.exception("Rescuing stalled work failed")
        finally:
            close_old_connections()


class Command(DatabaseWorker):
    help = "Voert achtergrondtaken uit en redt werk van een gestopte worker."

    def handle(self, *args, **options):
        if count := rescue_stalled():
            logger.warning("%s taken over from a stopped worker and marked failed", count)
        stop = threading.Event()
        threading.Thread(target=_keep_rescuing, args=(stop,), daemon=True).start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
