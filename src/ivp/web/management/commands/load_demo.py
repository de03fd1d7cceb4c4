from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from ivp.accounts.demo import DEMO_PASSWORD, demo_load
from ivp.figures.demo import demo_figures_load
from ivp.planning.demo import actions_demo_load, planning_demo_load
from ivp.regions.services import national_base_loaded
from ivp.reports.demo import steenwijkerland_uitvoeringsplan, westerveld_ivp


class Command(BaseCommand):
    help = "Laad de publieke data en de demo-accounts (alleen voor lokaal gebruik)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-if-loaded",
            action="store_true",
            help="Sla de landelijke data over als die al volledig geladen is.",
        )

    def handle(self, *args, skip_if_loaded=False, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo-accounts worden niet geladen in productie.")
        if not (skip_if_loaded and national_base_loaded()):
            call_command("load_regions", stdout=self.stdout, stderr=self.stderr)
        call_command("load_taxonomy", stdout=self.stdout)
        for result in demo_figures_load():
            self.stdout.write(" ".join(result.lines()[:3]))
        users = demo_load()
        planning_demo_load(write_document=westerveld_ivp)
        actions_demo_load(write_document=steenwijkerland_uitvoeringsplan)
        self.stdout.write(
            "Beleid: IVP Westerveld 2023–2027 met de gedeelde prioriteiten van Zuidwest-Drenthe, "
            "en van Steenwijkerland de beleidscyclus, het IVP 2023–2026 en het uitvoeringsplan 2026."
        )
        self.stdout.write(
            self.style.SUCCESS("\nDemo-accounts (wachtwoord voor allemaal: %s):" % DEMO_PASSWORD)
        )
        for demo in users:
            self.stdout.write(f"  {demo.username:<30} {demo.description}")
