"""`ivp worker`: django-tasks' database worker (same options) that records a heartbeat for
/gereed/ and rescues work a killed worker left behind: at its start, and every half stall
timeout while it runs; and sends the weekly e-mail (reminder and digest) on its schedule,
without cron: checked at its start and every IVP_SCHEDULE_CHECK_SECONDS."""

import logging

from django.conf import settings
from django.core.management.base import CommandError
from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from ivp.common.jobs import Repeating, stall_seconds
from ivp.figures import tasks as figures_tasks
from ivp.intake import tasks as intake_tasks
from ivp.planning.execution import reminders
from ivp.reports import tasks as reports_tasks
from ivp.web.health import worker_heartbeat_start

logger = logging.getLogger(__name__)


def rescue_stalled() -> int:
    """Uploads, documents and plan readings whose worker is gone are marked failed, with the
    reason."""
    return (
        figures_tasks.rescue_stalled()
        + reports_tasks.rescue_stalled()
        + intake_tasks.rescue_stalled()
    )


def _rescue_and_log() -> None:
    try:
        if count := rescue_stalled():
            logger.warning("%s taken over from a stopped worker and marked failed", count)
    except Exception:  # the next round tries again; the worker must go on
        logger.exception("Rescuing stalled work failed")
    finally:
        close_old_connections()


def _weekly_mail_and_log() -> None:
    try:
        if ran := reminders.send_weekly_mail():
            logger.info("Weekly e-mail sent: %s", ", ".join(ran))
    except Exception:  # the job is taken for this week; the worker must go on
        logger.exception("Sending the weekly e-mail failed")
    finally:
        close_old_connections()


class Command(DatabaseWorker):
    help = (
        "Run the background worker (django_tasks_db's db_worker, same options), record a "
        "heartbeat for /gereed/ and mark work of a stopped worker failed."
    )

    def handle(self, *args, **options):
        try:
            reminders.weekly_moment()
        except ValueError as error:
            raise CommandError(f"IVP_WEEKLY_MAIL: {error}") from error
        _rescue_and_log()
        rescuing = Repeating(max(stall_seconds() / 2, 1), _rescue_and_log, "ivp-rescue")
        beating = worker_heartbeat_start(interval=settings.IVP_WORKER_HEARTBEAT_SECONDS)
        scheduling = Repeating(
            settings.IVP_SCHEDULE_CHECK_SECONDS, _weekly_mail_and_log, "ivp-schedule", at_once=True
        )
        try:
            return super().handle(*args, **options)
        finally:
            scheduling.stop()
            rescuing.stop()
            beating.stop()
