"""`ivp figures import PATH…` and `ivp figures synthesize`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ivp.common.importing import ImportFileError
from ivp.common.progress import ProgressBar
from ivp.figures.editions import EditionError, parse_optional_edition
from ivp.figures.formats.mapped import ColumnMapping
from ivp.figures.services import figures_import, figures_import_mapped
from ivp.figures.synthetic import synthesize_47013
from ivp.regions.models import Municipality

ROLES = {
    "periode": "period",
    "waarde": "value",
    "categorie": "category",
    "gebied": "area",
    "marge": "margin",
}


class Command(BaseCommand):
    help = "Cijfers van politie, CBS en de gemeente zelf importeren, of synthetische testbestanden maken."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        load = actions.add_parser("import", help="Importeer een of meer bestanden met cijfers.")
        load.add_argument("paths", nargs="+", type=Path)
        load.add_argument(
            "--editie",
            dest="edition",
            help="Editie van de tabel: een jaar, maand of datum, bv. 2026, 2025-12 of "
            "2025-12-15. Zonder editie: het jaar in de titel van het bestand, anders vandaag.",
        )
        load.add_argument("--tabel", dest="table_id", help="Tabelnummer, bv. 47013NED.")
        load.add_argument("--geen-voortgang", dest="quiet", action="store_true")
        own = load.add_argument_group(
            "eigen registraties en enquêtes",
            "Een eigen CSV- of XLSX-bestand van een gemeente, gelezen via een kolomkoppeling.",
        )
        own.add_argument("--gemeente", help="CBS-code van de gemeente, bv. GM1701.")
        own.add_argument(
            "--kolommen",
            nargs="+",
            metavar="ROL=KOLOM",
            help="Koppeling, bv. periode=Maand waarde=Aantal categorie=Soort "
            "(rollen: periode, waarde, categorie, gebied, marge).",
        )
        own.add_argument("--naam", help="Naam van de cijfers, bv. 'Meldingen overlast'.")
        own.add_argument(
            "--soort",
            default="eigen",
            choices=["overlast", "incidenten", "eigen", "enquetescore", "enquetepercentage"],
        )
        own.add_argument("--bron", default="", help="Bron, als die niet de gemeente zelf is.")
        own.add_argument("--thema", default="", help="Code van het thema, bv. jeugdoverlast.")
        make = actions.add_parser(
            "synthesize",
            help="Maak een SYNTHETISCH bestand in de opmaak van 47013NED, voor tests en benchmarks.",
        )
        make.add_argument("--uitvoer", dest="out_dir", type=Path, default=Path("."))
        make.add_argument("--van", dest="first_year", type=int, default=2012)
        make.add_argument("--tot-en-met", dest="last_year", type=int, default=2025)
        make.add_argument("--gemeenten", nargs="*", dest="codes")

    def handle(self, *args, action: str, **options):
        if action == "import":
            self._import(**options)
        else:
            self._synthesize(**options)

    def _import(self, *, paths, edition, table_id, quiet, gemeente, kolommen, **options):
        try:
            edition = parse_optional_edition(edition)
        except EditionError as error:
            raise CommandError(f"--editie: {error.message}") from None
        progress = None if quiet else ProgressBar(self.stderr)
        kwargs = {"progress": progress} if progress else {}
        mapped = self._mapping(gemeente, kolommen, options) if (gemeente or kolommen) else None
        for path in paths:
            if not path.is_file():
                raise CommandError(f"Bestand {path} bestaat niet.")
            try:
                if mapped:
                    municipality, mapping = mapped
                    result = figures_import_mapped(
                        file_name=path.name,
                        raw=path.read_bytes(),
                        municipality=municipality,
                        mapping=mapping,
                        edition=edition,
                        **kwargs,
                    )
                else:
                    result = figures_import(
                        file_name=path.name,
                        raw=path.read_bytes(),
                        edition=edition,
                        table_id=table_id,
                        **kwargs,
                    )
            except ImportFileError as error:
                raise CommandError(
                    f"Niets geïmporteerd uit {path.name}; fouten:\n{error}"
                ) from error
            for line in result.lines():
                self.stdout.write(line)

    def _mapping(self, code, columns, options):
        municipality = Municipality.objects.filter(code=(code or "").upper()).first()
        if municipality is None:
            raise CommandError("Geef met --gemeente de CBS-code van de gemeente, bv. GM1701.")
        roles = {}
        for item in columns or []:
            role, _sep, column = item.partition("=")
            if role not in ROLES or not column:
                raise CommandError(
                    f"“{item}” is geen koppeling; schrijf rol=kolom met rol een van: "
                    f"{', '.join(ROLES)}."
                )
            roles[ROLES[role]] = column
        if "period" not in roles or "value" not in roles:
            raise CommandError("Koppel minstens periode=… en waarde=….")
        if not options.get("naam"):
            raise CommandError("Geef de cijfers een naam met --naam, bv. 'Meldingen overlast'.")
        mapping = ColumnMapping(
            name=options["naam"],
            kind=options["soort"],
            source=options["bron"],
            theme=options["thema"],
            **roles,
        )
        return municipality, mapping

    def _synthesize(self, *, out_dir, first_year, last_year, codes, **options):
        out_dir.mkdir(parents=True, exist_ok=True)
        path = synthesize_47013(
            out_dir,
            first_year=first_year,
            last_year=last_year,
            municipality_codes=codes or None,
            progress=ProgressBar(self.stderr),
        )
        self.stdout.write(f"SYNTHETISCH bestand geschreven: {path} (geen echte cijfers).")
