"""How a command names an uitvoeringsplan: `--jaar 2026`, or `--plan 2026-ondermijning` when
several plans start in one year (one per priority or speerpunt)."""

import argparse

from django.core.management.base import CommandError

from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.address import PlanAddress, parse_plan_address


def _address(text: str) -> PlanAddress:
    try:
        return parse_plan_address(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"“{text}” is geen adres van een uitvoeringsplan; schrijf 2026 of 2026-ondermijning."
        ) from None


def add_plan_arguments(parser, *, required: bool, year_help: str) -> None:
    named = parser.add_mutually_exclusive_group(required=required)
    named.add_argument("--jaar", type=int, help=year_help)
    named.add_argument(
        "--plan",
        type=_address,
        help="Het uitvoeringsplan zoals zijn adres het noemt, als er in één jaar meer beginnen "
        "(een per prioriteit): bijvoorbeeld 2026-ondermijning.",
    )


def action_plan_argument(municipality, jaar: int | None, plan: PlanAddress | str | None):
    """The newest version of the plan named; `plan` is a string when given by call_command."""
    try:
        address = _address(plan) if isinstance(plan, str) else plan or PlanAddress(int(jaar))
    except argparse.ArgumentTypeError as error:
        raise CommandError(str(error)) from None
    try:
        return execution_selectors.action_plan_addressed(municipality, address)
    except execution_selectors.NoSuchActionPlan as error:
        raise CommandError(str(error)) from None
