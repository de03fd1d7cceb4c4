from django.core.management.base import BaseCommand
from django.utils import timezone

from ivp.planning.execution.reminders import reminders, send_reminders
from ivp.regions.commands import municipality_argument


class Command(BaseCommand):
    help = (
        "Stuur de herinneringen over stilgevallen acties (periode voorbij, of te lang geen "
        "voortgang) naar de coördinatoren en de partners van de partijen. Draai dit "
        "periodiek, bijvoorbeeld wekelijks vanuit cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", help="Alleen deze gemeente (CBS-code).")
        parser.add_argument(
            "--droog", action="store_true", help="Toon wie wat zou krijgen, verstuur niets."
        )

    def handle(self, *args, gemeente=None, droog=False, **options):
        municipality = municipality_argument(gemeente) if gemeente else None
        today = timezone.localdate()
        if droog:
            for reminder in reminders(today, municipality):
                self.stdout.write(
                    f"{reminder.email}: {len(reminder.actions)} acties ({reminder.municipality})"
                )
            return
        sent = send_reminders(today, municipality)
        self.stderr.write(f"{sent} herinneringen verstuurd.")
