"""How an address names an uitvoeringsplan: its first year, and for a plan of one priority or
speerpunt a short scope after it ("2026", "2026-ondermijning"). Several plans may start in the
same year; their scopes tell them apart."""

from typing import NamedTuple


class PlanAddress(NamedTuple):
    year: int
    scope: str = ""

    def __str__(self) -> str:
        return plan_address(self.year, self.scope)


def plan_address(year: int, scope: str = "") -> str:
    return f"{year}-{scope}" if scope else str(year)


def parse_plan_address(text: str) -> PlanAddress:
    """'2026' or '2026-ondermijning'; ValueError for anything else."""
    year, _, scope = str(text).strip().partition("-")
    if len(year) != 4 or not year.isascii() or not year.isdigit() or text.endswith("-"):
        raise ValueError(text)
    return PlanAddress(int(year), scope)


class PlanAddressConverter:
    """`<plan:address>` in a URL: reversed from `plan.address`, a year or a PlanAddress."""

    regex = r"[0-9]{4}(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?"

    def to_python(self, value: str) -> PlanAddress:
        return parse_plan_address(value)

    def to_url(self, value) -> str:
        return str(value)
