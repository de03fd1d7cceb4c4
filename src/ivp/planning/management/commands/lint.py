from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ivp.planning.execution import lint as action_plan_lint
from ivp.planning.execution.commands import action_plan_argument, add_plan_arguments
from ivp.planning.policy import lint as policy_plan_lint
from ivp.planning.policy import selectors as policy_selectors
from ivp.planning.workflow.lint import FAULT, summary
from ivp.regions.commands import municipality_argument


class Command(BaseCommand):
    help = (
        "Controleer het integraal veiligheidsplan en het uitvoeringsplan van een jaar: "
        "prioriteiten, doelstellingen, acties, planning, totalen en stijgende thema's zonder "
        "aanpak. Elke bevinding noemt het onderdeel en hoe het te herstellen. Eindigt met "
        "status 1 als er fouten zijn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", required=True, help="CBS-code, bijvoorbeeld GM1708.")
        add_plan_arguments(parser, required=False, year_help="Het jaar van het uitvoeringsplan.")

    def handle(self, *args, gemeente, jaar=None, plan=None, **options):
        municipality = municipality_argument(gemeente)
        action_plan = None
        if jaar is not None or plan is not None:
            action_plan = action_plan_argument(municipality, jaar, plan)
        policy_plan = (
            action_plan.policy_plan
            if action_plan
            else policy_selectors.plan_in_force(municipality)
            or policy_selectors.current_plan(municipality)
        )
        if policy_plan is None:
            raise CommandError(f"{municipality.name} heeft geen integraal veiligheidsplan in ivp.")
        with translation.override("nl"):
            findings = (
                action_plan_lint.lint(action_plan)
                if action_plan
                else policy_plan_lint.lint(policy_plan)
            )
            for finding in findings:
                self.stdout.write(str(finding))
            self.stderr.write(summary(findings))
        if any(f.level == FAULT for f in findings):
            raise SystemExit(1)
