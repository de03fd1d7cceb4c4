"""`ivp analyse GM1708 --from 2022 --to 2024 --format json|md`: the veiligheidsbeeld on stdout."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ivp.figures import safety_picture
from ivp.figures.picture_export import picture_dict, picture_markdown
from ivp.regions.commands import municipality_argument


class Command(BaseCommand):
    help = (
        "Het veiligheidsbeeld van een gemeente: reeksen, veranderingen met toets, vergelijkingen."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="CBS-code van de gemeente, bv. GM1708.")
        parser.add_argument("--from", dest="first_year", type=int, help="Eerste jaar.")
        parser.add_argument("--to", dest="last_year", type=int, help="Laatste jaar.")
        parser.add_argument("--format", choices=["json", "md"], default="json")

    def handle(self, *args, code, first_year, last_year, format, **options):
        municipality = municipality_argument(code)
        if first_year and last_year and first_year > last_year:
            raise CommandError("--from ligt na --to.")
        with translation.override("nl"):
            picture = safety_picture.build(municipality, first_year=first_year, last_year=last_year)
            if not picture.indicators:
                raise CommandError(
                    f"Er zijn geen cijfers voor {municipality.name} in deze periode; "
                    "importeer ze met `ivp figures import`."
                )
            if format == "json":
                self.stdout.write(json.dumps(picture_dict(picture), ensure_ascii=False, indent=2))
            else:
                self.stdout.write(picture_markdown(picture))
