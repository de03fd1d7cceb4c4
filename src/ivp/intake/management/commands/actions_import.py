"""`ivp actions import FILE --gemeente GM… --jaar N`: the actions tables of an uitvoeringsplan
read into a concept uitvoeringsplan under the IVP in force; with --dry-run the drafted themes
and actions are printed (with the line of each row) and nothing is written."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ivp.intake.drafting_actions import draft_actions
from ivp.intake.readers.plan_json import PlanFileError
from ivp.intake.reading import blocks_of
from ivp.intake.services import actions_draft_save
from ivp.regions.commands import municipality_argument


class Command(BaseCommand):
    help = (
        "Lees de actietabellen van een bestaand uitvoeringsplan (Word, PDF, tekst, Markdown of "
        "een werkblad) in als concept-uitvoeringsplan onder het geldende integraal "
        "veiligheidsplan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bestand",
            help="Het uitvoeringsplan: .docx, .pdf, .txt, .md, of een werkblad (.xlsx, .csv) met "
            "kolommen als Item, Maatregelen, Partijen, Planning en eventueel Thema.",
        )
        parser.add_argument("--gemeente", required=True, help="CBS-code, bijvoorbeeld GM1708.")
        parser.add_argument("--jaar", required=True, type=int, help="Het jaar van het plan.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon de thema's en acties met hun vindplaats; schrijf niets.",
        )
        parser.add_argument("--format", choices=["json", "md"], default="md")

    def handle(self, *args, bestand, gemeente, jaar, dry_run=False, format="md", **options):
        municipality = municipality_argument(gemeente)
        path = Path(bestand)
        try:
            draft = draft_actions(blocks_of(path.name, path.read_bytes()))
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}.") from None
        except PlanFileError as error:
            raise CommandError(str(error)) from None
        if dry_run:
            self.stdout.write(_as_text(draft, format))
            return
        try:
            saved = actions_draft_save(municipality=municipality, year=jaar, draft=draft)
        except ValidationError as error:
            raise CommandError(f"{path.name}: " + " ".join(error.messages)) from None
        self.stderr.write(
            f"Concept aangemaakt: {saved.action_plan.title}, met {saved.saved} acties."
        )
        for finding in saved.findings:
            self.stderr.write(f"- {finding}")


def _as_text(draft: dict, format: str) -> str:
    if format == "json":
        return json.dumps(draft, ensure_ascii=False, indent=2)
    out = []
    for theme in draft["themes"]:
        out.append(f"## {theme['title']}  (regel {theme['source']['line']})")
        for action in theme["actions"]:
            parties = ", ".join(action["parties"]) or "—"
            out.append(f"- {action['item']} · {parties} · {action['planning'] or '—'}  "
                       f"(regel {action['source']['line']})")  # fmt: skip
        out.append("")
    out += [f"- {finding}" for finding in draft["findings"]]
    return "\n".join(out)
