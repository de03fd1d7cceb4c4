"""Background work that can die: a heartbeat while a task runs, and finding tasks whose worker
is gone (killed, machine restarted) so their upload or document can say so.

The heartbeat lives in the cache, like progress: the task may hold a database transaction
open (on SQLite, the write lock) for as long as it runs, so a beat written to the database
would wait for the very work it vouches for."""

import threading
import time
from contextlib import contextmanager
from functools import wraps

from django.conf import settings
from django.core.cache import cache


def beat_seconds() -> int:
    return settings.IVP_TASK_HEARTBEAT_SECONDS


def stall_seconds() -> int:
    return settings.IVP_TASK_STALL_SECONDS


def _key(kind: str, pk) -> str:
    return f"ivp:{kind}:{pk}:heartbeat"


class Repeating:
    """Calls `action` every `seconds` in a daemon thread until `stop()` (first at once, given
    `at_once`): the heartbeats, the worker's rescue rounds and its schedule."""

    def __init__(self, seconds: float, action, name: str, *, at_once: bool = False):
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(seconds, action, at_once), name=name, daemon=True
        )
        self._thread.start()

    def _run(self, seconds: float, action, at_once: bool) -> None:
        if at_once:
            action()
        while not self._stop.wait(seconds):
            action()
        cache.close()  # this thread's cache connections

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


@contextmanager
def heartbeat(kind: str, pk):
    """While the block runs, a thread tells the cache every few seconds that it still does."""
    key = _key(kind, pk)

    def beat():
        cache.set(key, time.time(), stall_seconds() * 4)

    beat()
    beating = Repeating(beat_seconds(), beat, f"heartbeat-{kind}-{pk}")
    try:
        yield
    finally:
        beating.stop()
        cache.delete(key)


def beating(kind: str):
    """A task (taking its record's id) that runs inside `heartbeat(kind, id)`."""

    def decorator(work):
        @wraps(work)
        def run(pk):
            with heartbeat(kind, pk):
                return work(pk)

        return run

    return decorator


def is_stalled(kind: str, pk, *, now: float | None = None) -> bool:
    """No beat for longer than the stall timeout: the worker that ran it is gone."""
    last = cache.get(_key(kind, pk))
    return last is None or (now or time.time()) - last > stall_seconds()


def fail_stalled(kind: str, record_class, **failed) -> int:
    """Of the records (uploads, documents) still marked running, those whose worker stopped
    beating end failed, with the `failed` fields (reason, time); returns how many."""
    from .progress import clear_cached

    running = record_class.objects.filter(status=record_class.Status.RUNNING)
    failed["status"] = record_class.Status.FAILED
    now = time.time()
    lost = [r.pk for r in running.only("pk") if is_stalled(kind, r.pk, now=now)]
    for pk in lost:
        running.filter(pk=pk).update(**failed)  # only if still running: a late finish wins
        clear_cached(kind, pk)
    return len(lost)


def claim(record_class, pk, **also) -> bool:
    """Mark a queued record running (with the `also` fields); False when another worker took
    it, or it finished or was given up on: a task never does its work twice."""
    status = record_class.Status
    return bool(
        record_class.objects.filter(pk=pk, status=status.QUEUED).update(
            status=status.RUNNING, **also
        )
    )
