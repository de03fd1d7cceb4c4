"""`ivp plan import FILE --gemeente GM…`: an existing plan read into a draft; with --dry-run
the draft is printed (JSON in the plan's export format, with a source per element and the
findings, or Markdown) and nothing is written."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ivp.intake.readers.plan_json import PlanFileError, read_plan_json
from ivp.intake.services import plan_draft_save
from ivp.regions.commands import municipality_argument

READABLE = (".json",)


class Command(BaseCommand):
    help = (
        "Lees een bestaand integraal veiligheidsplan in als concept. Nu: het JSON-bestand van "
        "`ivp plan --format json` (exporteren, bewerken, weer inlezen)."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="Het plan: een .json-bestand van ivp.")
        parser.add_argument("--gemeente", required=True, help="CBS-code, bijvoorbeeld GM1701.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon het concept met de vindplaats van elk onderdeel; schrijf niets.",
        )
        parser.add_argument("--format", choices=["json", "md"], default="json")

    def handle(self, *args, bestand, gemeente, dry_run=False, format="json", **options):
        municipality = municipality_argument(gemeente)
        path = Path(bestand)
        if path.suffix.lower() not in READABLE:
            raise CommandError(
                f"{path.name}: ivp leest nu plannen uit zijn eigen JSON-bestand (.json); Word, "
                "PDF en tekst volgen."
            )
        try:
            draft = read_plan_json(path.read_bytes(), path.name)
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}.") from None
        except PlanFileError as error:
            raise CommandError(str(error)) from None
        if dry_run:
            self.stdout.write(_as_text(draft, format))
            return
        try:
            saved = plan_draft_save(municipality=municipality, draft=draft)
        except ValidationError as error:
            raise CommandError(f"{path.name}: " + " ".join(error.messages)) from None
        priorities = saved.plan.priorities.count()
        self.stderr.write(
            f"Concept aangemaakt: {saved.plan.title}, versie {saved.plan.version}, met "
            f"{priorities} prioriteiten en overige thema's."
        )
        for finding in saved.findings:
            self.stderr.write(f"- {finding}")


def _as_text(draft: dict, format: str) -> str:
    if format == "json":
        return json.dumps(draft, ensure_ascii=False, indent=2)
    out = [f"# {draft.get('title', '')}", ""]
    for priority in draft.get("priorities", []) + draft.get("other_themes", []):
        out.append(f"## {priority['title']}  ({_where(priority['source'])})")
        for area in priority.get("focus_areas", []):
            out.append(f"- speerpunt: {area['title']}  ({_where(area['source'])})")
        for objective in priority.get("objectives", []):
            out.append(f"- doelstelling: {objective['text']}  ({_where(objective['source'])})")
        out.append("")
    out += [f"- {finding}" for finding in draft.get("findings", [])]
    return "\n".join(out)


def _where(source: dict) -> str:
    return f"{source['file']}, regel {source['line']}"
