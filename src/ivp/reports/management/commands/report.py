import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from ivp.common.progress import ProgressBar
from ivp.regions.commands import municipality_argument
from ivp.reports import services
from ivp.reports.document import FORMATS, KINDS
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
        parser.add_argument("--jaar", type=int, required=True, help="Het jaar, bijvoorbeeld 2026.")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--uitvoer", dest="output", help="Bestand; standaard de naam.")

    def handle(self, *args, soort, gemeente, jaar, format, output=None, **options):
        municipality = municipality_argument(gemeente)
        try:
            made = services.make(
                soort, municipality, jaar, format, progress=ProgressBar(sys.stderr, unit="stap")
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
