import sys

from django.core.management.base import BaseCommand, CommandError

from ivp.planning.execution import export as action_export
from ivp.planning.execution.commands import action_plan_argument, add_plan_arguments
from ivp.regions.commands import municipality_argument

WRITERS = {
    "json": lambda plan: (action_export.as_json(plan) + "\n").encode("utf-8"),
    "csv": action_export.as_csv,
    "xlsx": action_export.as_xlsx,
}


class Command(BaseCommand):
    help = (
        "Exporteer het uitvoeringsplan van een gemeente: elke actie met thema, item, "
        "omschrijving, partijen, planning (zoals geschreven en gelezen), trekker, budget, uren "
        "en status."
    )

    def add_arguments(self, parser):
        parser.add_argument("gemeente", help="CBS-code, bijvoorbeeld GM1708.")
        add_plan_arguments(parser, required=True, year_help="Het (eerste) jaar van het plan.")
        parser.add_argument("--format", choices=sorted(WRITERS), default="json")
        parser.add_argument("-o", "--output", help="Schrijf naar dit bestand in plaats van stdout.")

    def handle(self, *args, gemeente, jaar=None, plan=None, format, output=None, **options):
        plan = action_plan_argument(municipality_argument(gemeente), jaar, plan)
        if format == "xlsx" and not output and sys.stdout.isatty():
            raise CommandError("XLSX is een binair bestand: geef -o BESTAND.xlsx op.")
        raw = WRITERS[format](plan)
        if output:
            with open(output, "wb") as handle:
                handle.write(raw)
            self.stderr.write(f"Geschreven: {output} ({plan})")
        else:
            sys.stdout.buffer.write(raw)
            sys.stdout.flush()
