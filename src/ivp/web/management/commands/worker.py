"""`ivp worker`: django_tasks_db's db_worker that also records a heartbeat for /gereed/."""

from django.conf import settings
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from ivp.web.health import worker_heartbeat_start


class Command(DbWorkerCommand):
    help = (
        "Run the background worker (django_tasks_db's db_worker, same options) and record "
        "a heartbeat every IVP_WORKER_HEARTBEAT_SECONDS so /gereed/ knows a worker is alive."
    )

    def handle(self, *args, **options):
        stop = worker_heartbeat_start(interval=settings.IVP_WORKER_HEARTBEAT_SECONDS)
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
