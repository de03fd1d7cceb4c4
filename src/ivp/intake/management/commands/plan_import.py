"""`ivp plan import FILE --gemeente GM…`: an existing plan read into a draft; with --dry-run
the draft is printed (JSON in the plan's export format, with a source per element and the
findings, or Markdown) and nothing is written."""

import json
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ivp.intake.reading import draft_from_file
from ivp.intake.selectors import party_register, taxonomy_themes
from ivp.intake.services import plan_draft_save
from ivp.regions.commands import municipality_argument

from ._reading import drafted, said, saved


class Command(BaseCommand):
    help = (
        "Lees een bestaand integraal veiligheidsplan in als concept: uit Word, PDF, tekst of "
        "Markdown, of uit het JSON-bestand van `ivp plan --format json` (exporteren, bewerken, "
        "weer inlezen)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bestand", help="Het plan: .docx, .pdf, .txt, .md of een .json-bestand van ivp."
        )
        parser.add_argument(
            "--periode", help="De planperiode als het document die niet noemt, bijv. 2027-2030."
        )
        parser.add_argument("--gemeente", required=True, help="CBS-code, bijvoorbeeld GM1701.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Toon het concept met de vindplaats van elk onderdeel; schrijf niets.",
        )
        parser.add_argument("--format", choices=["json", "md"], default="json")

    def handle(
        self, *args, bestand, gemeente, dry_run=False, format="json", periode=None, **options
    ):
        municipality = municipality_argument(gemeente)
        path = Path(bestand)
        draft = drafted(
            path,
            lambda name, content: draft_from_file(
                name, content, register=party_register(), themes=taxonomy_themes()
            ),
        )
        if periode:
            years = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", periode)
            if not years:
                raise CommandError(f"--periode {periode}: schrijf de jaren als 2027-2030.")
            draft["period"] = {"from": int(years.group(1)), "to": int(years.group(2))}
        if dry_run:
            self.stdout.write(_as_text(draft, format))
            return
        if draft["period"]["from"] is None:
            raise CommandError(
                f"{path.name}: het document noemt geen planperiode; geef die met --periode."
            )
        result = saved(path, lambda: plan_draft_save(municipality=municipality, draft=draft))
        said(
            self,
            f"Concept aangemaakt: {result.plan.title}, versie {result.plan.version}, met "
            f"{result.plan.priorities.count()} prioriteiten en overige thema's.",
            result.findings,
        )


def _as_text(draft: dict, format: str) -> str:
    if format == "json":
        return json.dumps(draft, ensure_ascii=False, indent=2)
    out = [f"# {draft.get('title', '')}", ""]
    for priority in draft.get("priorities", []) + draft.get("other_themes", []):
        out.append(f"## {priority['title']}{_where(priority.get('source'))}")
        for area in priority.get("focus_areas", []):
            out.append(f"- speerpunt: {area['title']}{_where(area.get('source'))}")
        for objective in priority.get("objectives", []):
            out.append(f"- doelstelling: {objective['text']}{_where(objective.get('source'))}")
        if priority.get("parties"):
            out.append(f"- partijen: {', '.join(priority['parties'])}")
        out.append("")
    for context in draft.get("regions", []):
        out.append(f"## Prioriteiten van {context['region']['name']}")
        out += [f"- {p['title']}{_where(p.get('source'))}" for p in context["priorities"]]
        out.append("")
    out += [f"- {finding}" for finding in draft.get("findings", [])]
    return "\n".join(out)


def _where(source: dict | None) -> str:
    """Where an element was read, after it: "  (plan.pdf, pagina 4, regel 12)"."""
    if not source:
        return ""
    page = f"pagina {source['page']}, " if source.get("page") else ""
    return f"  ({source['file']}, {page}regel {source['line']})"
