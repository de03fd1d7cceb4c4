import sys
import time

from django.core.management.base import BaseCommand, CommandError

from ivp.common.importing import ImportFileError
from ivp.common.progress import ProgressBar
from ivp.regions.services import regions_load_all


class Command(BaseCommand):
    help = "Laad alle gemeenten, wijken, buurten, provincies, bevolking en kerncijfers uit data/."

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            summaries = regions_load_all(progress=ProgressBar(sys.stderr))
        except ImportFileError as error:
            raise CommandError(f"Niets geladen; fouten in de bestanden:\n{error}") from error
        for s in summaries:
            note = f" ({s.notes})" if s.notes else ""
            self.stdout.write(f"{s.kind}: {s.rows_written} rijen uit {s.file_name}{note}")
        self.stdout.write(self.style.SUCCESS(f"Klaar in {time.perf_counter() - started:.1f} s."))
