"""`ivp actions import FILE --gemeente GM… --jaar N`: the actions tables of an uitvoeringsplan
read into a concept uitvoeringsplan under the IVP in force; with --dry-run the drafted themes
and actions are printed (with the line of each row) and nothing is written."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from ivp.intake.drafting_actions import draft_actions
from ivp.intake.reading import blocks_of
from ivp.intake.services import actions_draft_save
from ivp.regions.commands import municipality_argument

from ._reading import drafted, said, saved


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
        draft = drafted(path, lambda name, content: draft_actions(blocks_of(name, content)))
        if dry_run:
            self.stdout.write(_as_text(draft, format))
            return
        result = saved(
            path, lambda: actions_draft_save(municipality=municipality, year=jaar, draft=draft)
        )
        said(
            self,
            f"Concept aangemaakt: {result.action_plan.title}, met {result.saved} acties.",
            result.findings,
        )


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
