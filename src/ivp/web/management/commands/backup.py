"""`ivp backup PATH`: the database's rows and the media folder in one ZIP file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ivp.web.backup import BackupError, backup_write


class Command(BaseCommand):
    help = "Write every row of the database and the media folder to one archive (ZIP)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. ivp-2026-12-05.zip")
        parser.add_argument("--database", default="default")

    def handle(self, *, path: Path, database: str, **options):
        if path.exists():
            raise CommandError(f"{path} bestaat al; kies een nieuwe naam.")
        try:
            manifest = backup_write(path=path, using=database)
        except BackupError as error:
            path.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        rows = sum(entry["rows"] for entry in manifest["models"].values())
        self.stdout.write(
            f"Back-up geschreven naar {path}: {rows} rijen uit {len(manifest['models'])} "
            f"tabellen en {manifest['media']} bestanden uit de mediamap."
        )
