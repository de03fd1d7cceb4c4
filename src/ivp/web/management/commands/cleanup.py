"""`ivp cleanup`: what cron runs daily. Work a stopped worker left is marked failed; uploads,
documents and finished task results older than IVP_RETENTION_DAYS are removed."""

from django.conf import settings
from django.core.management import BaseCommand, call_command

from ivp.figures.tasks import uploads_expire
from ivp.reports.tasks import documents_expire

from .worker import rescue_stalled


class Command(BaseCommand):
    help = "Ruimt oude uploads, documenten en taakresultaten op (bewaartermijn IVP_RETENTION_DAYS)."

    def handle(self, *args, **options):
        rescued = rescue_stalled()
        uploads = uploads_expire()
        documents = documents_expire()
        call_command(
            "prune_db_task_results",
            queue_name="*",
            min_age_days=settings.IVP_RETENTION_DAYS,
            verbosity=0,
        )
        self.stdout.write(
            f"{rescued} vastgelopen taken als mislukt gemarkeerd; {uploads} uploads en "
            f"{documents} documenten ouder dan {settings.IVP_RETENTION_DAYS} dagen verwijderd; "
            "afgeronde taakresultaten opgeruimd."
        )
