"""`ivp restore PATH`: an `ivp backup` archive into an empty, migrated database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ivp.web.backup import BackupError, restore_read


class Command(BaseCommand):
    help = (
        "Restore an archive made by `ivp backup` into an empty database that `ivp migrate` "
        "has just made (the same ivp version), and its media folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive `ivp backup` wrote")
        parser.add_argument("--database", default="default")

    def handle(self, *, path: Path, database: str, **options):
        try:
            manifest = restore_read(path=path, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(entry["rows"] for entry in manifest["models"].values())
        self.stdout.write(
            f"Teruggezet uit {path} (gemaakt {manifest['made']}): {rows} rijen in "
            f"{len(manifest['models'])} tabellen, gecontroleerd, en {manifest['media']} "
            "bestanden in de mediamap."
        )
