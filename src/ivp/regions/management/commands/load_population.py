from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ivp.common.importing import ImportFileError
from ivp.regions.services import population_load


class Command(BaseCommand):
    help = (
        "Importeer bevolking per gemeente per jaar uit een StatLine-export van CBS-tabel 37230ned."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.exists():
            raise CommandError(f"Bestand {file} bestaat niet.")
        try:
            summary = population_load(file_name=file.name, raw=file.read_bytes())
        except ImportFileError as error:
            raise CommandError(f"Niets geïmporteerd; fouten:\n{error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.rows_written} bevolkingscijfers opgeslagen; "
                f"{summary.rows_skipped} voormalige gemeenten overgeslagen."
            )
        )
