import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from ivp.common.progress import ProgressBar
from ivp.planning.execution.commands import action_plan_argument, add_plan_arguments
from ivp.regions.commands import municipality_argument
from ivp.reports import services
from ivp.reports.builders.analysis import founding_plan
from ivp.reports.document import FORMATS, KINDS, PLAN_KINDS
from ivp.reports.render_docx import TemplateError
from ivp.reports.render_pdf import PdfUnavailable


class Command(BaseCommand):
    help = (
        "Maak een document: de veiligheidsanalyse, het integraal veiligheidsplan, het "
        "uitvoeringsplan of de voortgangsrapportage, als DOCX (in de huisstijl van de gemeente), "
        "toegankelijke PDF of HTML."
    )

    def add_arguments(self, parser):
        parser.add_argument("soort", choices=list(KINDS), help="Welk document.")
        parser.add_argument("--gemeente", required=True, help="CBS-code, bijvoorbeeld GM1708.")
        add_plan_arguments(parser, required=True, year_help="Het jaar, bijvoorbeeld 2026.")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--uitvoer", dest="output", help="Bestand; standaard de naam.")

    def handle(self, *args, soort, gemeente, jaar=None, plan=None, format, output=None, **options):
        municipality = municipality_argument(gemeente)
        source = None
        if soort in PLAN_KINDS:
            source = action_plan_argument(municipality, jaar, plan)
            jaar = source.start_year
        elif plan is not None:
            raise CommandError(
                "--plan noemt een uitvoeringsplan; gebruik --jaar voor dit document."
            )
        elif soort == "analyse" and jaar is not None:
            source = founding_plan(municipality, jaar)  # with the chapters written for it
        try:
            made = services.make(
                soort,
                municipality,
                jaar,
                format,
                plan=source,
                progress=ProgressBar(sys.stderr, unit="stap"),
            )
        except Http404 as error:
            raise CommandError(
                str(error) or f"{municipality.name} heeft geen {KINDS[soort].lower()} voor {jaar}."
            ) from None
        except (PdfUnavailable, TemplateError) as error:
            raise CommandError(str(error)) from None
        path = Path(output or made.file_name)
        path.write_bytes(made.content)
        self.stderr.write(f"{KINDS[soort]} geschreven naar {path} ({len(made.content):,} bytes).")
