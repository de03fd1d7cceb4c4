"""Liveness and readiness for load balancers and container runtimes, and the worker heartbeat.

django_tasks_db workers do not record themselves, so `ivp worker` (db_worker with a heartbeat)
writes the time it was last alive into the cache every IVP_WORKER_HEARTBEAT_SECONDS; /gereed/
is ready while that time is younger than IVP_WORKER_STALE_SECONDS. The cache is the one the
web processes and the worker already share for task progress (CACHE_URL).

Neither view touches the session, sets a cookie or writes to the database.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ivp.common.access import public
from ivp.common.jobs import Repeating

HEARTBEAT_KEY = "ivp:worker:heartbeat"


def worker_heartbeat_record() -> None:
    """Tell the readiness check that a worker is alive now."""
    cache.set(HEARTBEAT_KEY, time.time(), timeout=settings.IVP_WORKER_STALE_SECONDS * 2)


def worker_last_seen() -> float | None:
    """Seconds since a worker last recorded its heartbeat, or None when none ever did."""
    beat = cache.get(HEARTBEAT_KEY)
    return None if beat is None else max(0.0, time.time() - beat)


def worker_heartbeat_start(*, interval: float) -> Repeating:
    """Record a heartbeat now and then every `interval` seconds until stopped."""
    worker_heartbeat_record()
    return Repeating(interval, worker_heartbeat_record, "ivp-worker-heartbeat")


def _tasks_run_in_a_worker() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@public
@never_cache
def liveness(request):
    """The process answers; nothing else is asked (a database outage must not restart it)."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@public
@never_cache
def readiness(request):
    """Ready to serve: the database answers and, when tasks run in a worker, one is alive."""
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        problems.append(_("The database does not answer."))
    if _tasks_run_in_a_worker():
        try:
            age = worker_last_seen()
        except Exception:  # any cache backend's outage (file system, Redis …)
            age = None
        if age is None:
            problems.append(_("No background worker has been seen."))
        elif age > settings.IVP_WORKER_STALE_SECONDS:
            problems.append(
                _("The background worker was last seen %(seconds)d seconds ago.") % {"seconds": age}
            )
    if problems:
        return JsonResponse({"status": "niet gereed", "redenen": problems}, status=503)
    return JsonResponse({"status": "gereed"})
