"""One small plan written with the "#" levels that Word-to-Markdown and PDF-to-Markdown
conversions give (levels skipped, the title as a heading, every heading at one level with the
numbering saying the depth, sub-headings set only in bold, a level skipped in one chapter):
each drafts to the same title, chapters and priorities as the plan written with matching
levels."""

import pytest

from ivp.intake.drafting import draft_plan
from ivp.intake.readers.text import read_text

COVER = "Integraal Veiligheidsplan Proefdorp 2027-2030"
BURGLARY = ("Inbraken raken mensen in hun eigen huis. We werken samen met de politie en "
            "Buurtpreventie Oost.")  # fmt: skip
YOUTH = "Overlast van jongeren neemt toe in het centrum."
# the plan in reading order: headings as (depth, number, title), then its lines
PLAN = (
    (1, "1", "Inleiding"),
    "Dit plan beschrijft hoe Proefdorp de komende jaren aan veiligheid werkt. Het is voor deze "
    "test zelf geschreven.",
    (2, "1.1", "Aanleiding"),
    "Het vorige plan liep af in 2026.",
    (1, "2", "Prioriteiten"),
    "De gemeenteraad koos twee prioriteiten.",
    (2, "2.1", "Woninginbraak"),
    BURGLARY,
    "In onze strategie richten we ons op twee speerpunten:",
    "- Preventie: inwoners sluiten hun huis beter af.",
    "- Opsporing: de politie pakt een reeks inbraken snel op.",
    "Doel: in 2030 is het aantal woninginbraken 20% lager dan in 2026.",
    (3, "2.1.1", "Aanpak"),
    "Onze aanpak richt zich op:",
    "- voorlichting in de donkere dagen",
    "- inbraakpreventie bij nieuwbouw",
    (2, "2.2", "Jeugdoverlast"),
    YOUTH,
    "Doel: het aantal meldingen van jeugdoverlast daalt tot onder 150 per jaar.",
    (3, "2.2.1", "Aanpak"),
    "Onze aanpak richt zich op:",
    "- jongerenwerk op vrijdagavond",
    "- gesprekken met ouders",
    (1, "3", "Financiën"),
    "Het budget staat in de begroting.",
)
PRIORITIES = [
    ("Woninginbraak", BURGLARY, ["Preventie", "Opsporing"],
     ["voorlichting in de donkere dagen", "inbraakpreventie bij nieuwbouw"],
     ["in 2030 is het aantal woninginbraken 20% lager dan in 2026."]),
    ("Jeugdoverlast", YOUTH, [], ["jongerenwerk op vrijdagavond", "gesprekken met ouders"],
     ["het aantal meldingen van jeugdoverlast daalt tot onder 150 per jaar."]),
]  # fmt: skip


def _written(cover: str, heading) -> str:
    """The plan as Markdown: `heading(depth, number, title)` gives a heading's line, or None
    where the scheme leaves the heading out."""
    lines = [cover]
    for part in PLAN:
        line = heading(*part) if isinstance(part, tuple) else part
        if line is None:
            continue
        together = line.startswith("- ") and lines[-1].startswith("- ")
        lines.append(("\n" if together else "\n\n") + line)
    return "".join(lines) + "\n"


def _priority_chapter_deeper(depth: int, number: str, title: str) -> str:
    """The priorities as "###" straight under "# Prioriteiten"; "Inleiding" has its "##"."""
    return "#" * (depth + (depth > 1 and number.startswith("2."))) + f" {title}"


SCHEMES = {
    "levels as the depth": (COVER, lambda d, n, t: "#" * d + f" {t}"),
    "levels skipped: chapters ##, sections ####": (COVER, lambda d, n, t: "#" * (2 * d) + f" {t}"),
    "the title as # and the chapters as # too": (f"# {COVER}", lambda d, n, t: "#" * d + f" {t}"),
    "the title as # above chapters as ##": (f"# {COVER}", lambda d, n, t: "#" * (d + 1) + f" {t}"),
    "every heading ##, numbered": (COVER, lambda d, n, t: f"## {n} {t}"),
    "sections in bold under ## chapters": (
        COVER, lambda d, n, t: f"## {t}" if d == 1 else f"**{t}**" if d == 2 else None),
    "sub-sections in bold under ## sections": (
        COVER, lambda d, n, t: "#" * d + f" {t}" if d < 3 else f"**{t}**"),
    "### straight after # in one chapter": (COVER, _priority_chapter_deeper),
}  # fmt: skip


def _drafted(markdown: str) -> dict:
    draft = draft_plan(read_text(markdown, "plan.md"))
    return {
        "title": draft["title"],
        "chapters": [c["title"] for c in draft["chapters"]],
        "priorities": [_essence(priority) for priority in draft["priorities"]],
    }


def _essence(priority: dict) -> tuple:
    return (priority["title"], priority["description"],
            [a["title"] for a in priority["focus_areas"]], priority["approach"],
            [o["text"] for o in priority["objectives"]])  # fmt: skip


def test_the_plan_with_matching_levels_drafts_what_it_says():
    cover, heading = SCHEMES["levels as the depth"]
    drafted = _drafted(_written(cover, heading))
    assert drafted["title"] == COVER.replace("-", "–")
    assert drafted["chapters"] == [t for d, _, t in (p for p in PLAN if isinstance(p, tuple))
                                   if d == 1]  # fmt: skip
    assert drafted["priorities"] == PRIORITIES


@pytest.mark.parametrize("scheme", list(SCHEMES)[1:])
def test_a_plan_drafts_the_same_whatever_its_markdown_levels(scheme):
    reference = _drafted(_written(*SCHEMES["levels as the depth"]))
    assert _drafted(_written(*SCHEMES[scheme])) == reference


def test_an_unnumbered_appendix_after_a_numbered_outline_is_a_chapter_and_a_vision_is_no_cover():
    from ivp.intake.readers.text import read_text

    text = (
        "## 1 Inleiding\n\nDit plan.\n\n## 2 Prioriteiten\n\n## 2.1 Woninginbraak\n\n"
        "## 2.1.1 Aanpak\n\n- buurtpreventie\n\n## Bijlagen\n\n- lijst van partners\n"
    )
    depths = {b.text: b.level for b in read_text(text, "plan.md") if b.kind.name == "HEADING"}
    assert depths == {"Inleiding": 1, "Prioriteiten": 1, "Woninginbraak": 2, "Aanpak": 3,
                      "Bijlagen": 1}  # fmt: skip
    visie = "# Visie en missie\n\nVeilig wonen.\n\n# Prioriteiten\n\nDrie.\n"
    headings = [b.text for b in read_text(visie, "plan.md") if b.kind.name == "HEADING"]
    assert headings == ["Visie en missie", "Prioriteiten"]
    cover = "# Integraal Veiligheidsplan 2027-2030\n\n# Inleiding\n\nTekst.\n"
    headings = [b.text for b in read_text(cover, "plan.md") if b.kind.name == "HEADING"]
    assert headings == ["Inleiding"]
