from django.core.management.base import BaseCommand, CommandError

from ivp.planning.models import PolicyPlan
from ivp.planning.policy import export
from ivp.planning.policy import selectors as policy_selectors
from ivp.regions.commands import municipality_argument


class Command(BaseCommand):
    help = (
        "Exporteer het integraal veiligheidsplan van een gemeente: periode, status, prioriteiten "
        "met doelstellingen, aanpak en partijen, en de overgenomen regionale prioriteiten."
    )

    def add_arguments(self, parser):
        parser.add_argument("gemeente", help="CBS-code, bijvoorbeeld GM1701.")
        parser.add_argument("--format", choices=["json", "md"], default="md")
        parser.add_argument(
            "--versie",
            type=int,
            help="Een bepaalde versie; zonder: het vastgestelde plan dat geldt, of anders het "
            "nieuwste concept.",
        )
        parser.add_argument("-o", "--output", help="Schrijf naar dit bestand in plaats van stdout.")

    def handle(self, *args, gemeente, format, versie=None, output=None, **options):
        municipality = municipality_argument(gemeente)
        if versie is not None:
            plan = policy_selectors.plans_of(municipality).filter(version=versie).first()
        else:
            plan = policy_selectors.plan_in_force(municipality) or policy_selectors.current_plan(
                municipality
            )
        if plan is None:
            raise CommandError(
                f"{municipality.name} heeft geen integraal veiligheidsplan in ivp"
                + (f" met versie {versie}." if versie is not None else ".")
            )
        text = export.plan_json(plan) + "\n" if format == "json" else export.plan_markdown(plan)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(
                f"Geschreven: {output} ({plan}, {PolicyPlan.Status(plan.status).label})"
            )
        else:
            self.stdout.write(text, ending="")
