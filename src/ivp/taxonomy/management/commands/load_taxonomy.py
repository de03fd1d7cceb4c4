from django.core.management.base import BaseCommand

from ivp.taxonomy.services import taxonomy_load


class Command(BaseCommand):
    help = "Laad de landelijke versies van de veiligheidsvelden en thema's (Kernbeleid Veiligheid)."

    def handle(self, *args, **options):
        for version in taxonomy_load():
            self.stdout.write(f"{version.name}: {version.fields.count()} velden")
