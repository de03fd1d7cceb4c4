"""The demo's documents have the chapters of the real ones they follow, in the same order:
Westerveld's IVP those of seed 004, Steenwijkerland's uitvoeringsplan those of seed 000 (the
README maps each source chapter to ivp's)."""

import re

import pytest

from ivp.planning.models import ActionPlan
from ivp.planning.policy.services.plan import plan_new_version
from ivp.reports import services
from ivp.reports.demo import steenwijkerland_uitvoeringsplan, westerveld_ivp
from tests.conftest import SHARED

from .reading import html_tree

pytestmark = pytest.mark.django_db

SEEDS = SHARED / "seeds"


def _chapters(made) -> list[str]:
    html = html_tree(made.content)
    titles = [h.text_content().strip() for h in html.iterfind(".//h2")]
    return [t for t in titles if t not in ("Inhoud", "Colofon")]


def _seed(name: str) -> str:
    if not SEEDS.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def _in_order(text: str, headings: list[str]) -> bool:
    """Each heading stands on a line of its own in the source, after the one before it."""
    found = [re.search(rf"^{heading}\s*$", text, re.M) for heading in headings]
    return all(found) and [m.start() for m in found] == sorted(m.start() for m in found)


def test_westerveld_ivp_has_the_chapters_of_seed_004(westerveld_plan):
    draft = plan_new_version(plan=westerveld_plan)
    westerveld_ivp(draft)
    chapters = _chapters(services.make("ivp", draft.municipality, 2023, "html", plan=draft))
    assert _in_order(
        _seed("004"),
        [
            r" ?1\. Samenvatting",
            r" ?2\. Inleiding",
            r" ?3\. Relevante kaders",
            r" ?4\. Tendensen en ontwikkelingen",
            r" ?5\. Veiligheid in Westerveld",
            r" ?6\. Prioriteiten Zuidwest- Drenthe",
            r" ?7\. Doelstellingen Westerveld",
        ],
    )
    assert chapters == [
        "Voorwoord",
        "Samenvatting",
        "Inleiding",
        "Relevante kaders",
        "Tendensen en ontwikkelingen",
        "Veiligheid in Westerveld",
        "Prioriteiten Zuidwest-Drenthe",
        "Doelstellingen Westerveld",
        "Uitvoering en verantwoording",
    ]


def test_steenwijkerland_uitvoeringsplan_has_the_chapters_of_seed_000():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    steenwijkerland_uitvoeringsplan(plan)
    made = services.make("uitvoeringsplan", plan.municipality, 2026, "html", plan=plan)
    chapters = _chapters(made)
    assert _in_order(
        _seed("000"),
        [
            "# INLEIDING",
            "## Versterken van weerbaarheid en veerkracht",
            "# 1 THEMA'S",
            "## 2 TERUGBLIK EN VOORUITKIJKEN",
        ],
    )
    assert chapters == [
        "Inleiding",
        "Versterken van weerbaarheid en veerkracht",
        "Thema's",
        "Totalen per partij",
        "Terugblik en vooruitkijken",
    ]
    themes = [h.text_content() for h in html_tree(made.content).iterfind(".//h3")][:-1]  # Bronnen
    assert [t.split(" ", 1)[0] for t in themes] == ["1.", "2.", "3.", "A.", "B.", "C.", "D.", "E."]
    text = html_tree(made.content).text_content()
    assert "Het aantal woninginbraken daalt" in text  # a theme's introduction
