"""Background work that can die: a heartbeat while a task runs, and finding tasks whose worker
is gone (killed, machine restarted) so their upload or document can say so.

The heartbeat lives in the cache, like progress: the task may hold a database transaction
open (on SQLite, the write lock) for as long as it runs, so a beat written to the database
would wait for the very work it vouches for."""

import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache


def beat_seconds() -> int:
    return settings.IVP_TASK_HEARTBEAT_SECONDS


def stall_seconds() -> int:
    return settings.IVP_TASK_STALL_SECONDS


def _key(kind: str, pk) -> str:
    return f"ivp:{kind}:{pk}:heartbeat"


@contextmanager
def heartbeat(kind: str, pk):
    """While the block runs, a thread tells the cache every few seconds that it still does."""
    key = _key(kind, pk)
    stop = threading.Event()

    def beat():
        while not stop.wait(beat_seconds()):
            cache.set(key, time.time(), stall_seconds() * 4)
        cache.close()

    cache.set(key, time.time(), stall_seconds() * 4)
    thread = threading.Thread(target=beat, name=f"heartbeat-{kind}-{pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        cache.delete(key)


def is_stalled(kind: str, pk, *, now: float | None = None) -> bool:
    """No beat for longer than the stall timeout: the worker that ran it is gone."""
    last = cache.get(_key(kind, pk))
    return last is None or (now or time.time()) - last > stall_seconds()


def stalled(kind: str, records) -> list:
    """The records (running, by their status) whose worker stopped beating."""
    now = time.time()
    return [record for record in records if is_stalled(kind, record.pk, now=now)]


def fail_stalled(kind: str, running, **failed) -> int:
    """Of `running` (a queryset of records still marked running), those whose worker stopped
    beating get the `failed` fields (status, reason, time); returns how many."""
    from .progress import clear_cached

    lost = [record.pk for record in stalled(kind, running.only("pk"))]
    for pk in lost:
        running.filter(pk=pk).update(**failed)  # only if still running: a late finish wins
        clear_cached(kind, pk)
    return len(lost)
