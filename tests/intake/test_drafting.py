"""The structure drafter on real plans: seed 004 (Westerveld's IVP, as text out of its PDF)
drafted against a hand-written expectation, element by element, with precision and recall per
kind reported (var/test-artefacts/intake/); and what it must never do: invent what the
document does not say."""

import json
from pathlib import Path

import pytest

from ivp.intake.blocks import Block, Kind, Place
from ivp.intake.drafting import Register, draft_plan
from ivp.intake.readers.text import read_text
from ivp.intake.selectors import party_register, taxonomy_themes

from .scoring import check_floors as _check

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
EXPECTED = Path(__file__).parent / "expected"


def _expected(name: str) -> tuple[dict, Path]:
    expected = json.loads((EXPECTED / name).read_text(encoding="utf-8"))
    seed = SEEDS / expected["seed"]
    if not seed.exists():
        pytest.skip(f"{seed} is not here: the seeds stand beside the checkout in CI")
    return expected, seed


@pytest.mark.django_db
def test_seed_004_drafts_its_priorities_speerpunten_and_parties_as_expected():
    expected, seed = _expected("004.json")
    blocks = read_text(seed.read_text(encoding="utf-8"), seed.name)
    draft = draft_plan(blocks, register=party_register())
    assert draft["title"] == expected["title"]
    assert [draft["period"]["from"], draft["period"]["to"]] == expected["period"]
    assert [r["region"]["name"] for r in draft["regions"]] == [expected["region"]]
    _check("004-tekst", expected, draft)
    assert [{k: f[k] for k in ("name", "level", "period")} for f in draft["frameworks"]] == (
        expected["frameworks"]
    )


@pytest.mark.django_db
def test_seed_000_drafts_its_themes_objectives_and_parties_as_expected():
    """An uitvoeringsplan: its themes are where its actions tables stand, numbered ones the
    priorities and lettered ones the other themes."""
    expected, seed = _expected("000.json")
    draft = draft_plan(read_text(seed.read_text(encoding="utf-8"), seed.name),
                       register=party_register())  # fmt: skip
    assert [draft["period"]["from"], draft["period"]["to"]] == expected["period"]
    _check("000-markdown", expected, draft)


@pytest.mark.django_db
def test_themes_are_suggested_from_the_taxonomy_with_the_words_that_matched():
    """Seed 000's themes against the themes the demo gave them by hand: the same, but for
    "Zorg en veiligheid", which no single theme covers: then none is suggested."""
    from ivp.planning.models import ActionPlan

    _, seed = _expected("000.json")
    draft = draft_plan(read_text(seed.read_text(encoding="utf-8"), seed.name),
                       themes=taxonomy_themes())  # fmt: skip
    plan = ActionPlan.objects.filter(municipality__code="GM1708", start_year=2026).first()
    by_hand = {
        t.title: t.priority.theme.name for t in plan.themes.select_related("priority__theme")
    }
    suggested = {p["title"]: p["theme"] for p in draft["priorities"] + draft["other_themes"]}
    assert suggested.pop("Zorg en veiligheid") is None
    assert suggested == {title: by_hand[title] for title in suggested}
    burglary = next(p for p in draft["other_themes"] if p["title"] == "Woninginbraak")
    assert "woninginbraak" in burglary["theme_match"]["words"]
    assert any("Woninginbraak: thema „Objectieve veiligheid” voorgesteld" in f
               for f in draft["findings"])  # fmt: skip


@pytest.mark.django_db
def test_seed_001_a_start_memo_drafts_no_priority_at_all():
    expected, seed = _expected("001.json")
    draft = draft_plan(read_text(seed.read_text(encoding="utf-8"), seed.name),
                       register=party_register())  # fmt: skip
    _check("001-tekst", expected, draft)
    assert draft["priorities"] == [] and draft["other_themes"] == []
    assert "Geen prioriteiten gevonden." in draft["findings"]


def test_every_drafted_element_keeps_the_line_it_was_read_from():
    _, seed = _expected("004.json")
    lines = seed.read_text(encoding="utf-8").split("\n")
    draft = draft_plan(read_text("\n".join(lines), seed.name))
    elements = [p for p in draft["priorities"]] + [
        a for p in draft["priorities"] for a in p["focus_areas"]
    ]
    assert elements
    for element in elements:
        source = element["source"]
        assert source["file"] == seed.name
        first_words = " ".join(source["quote"].split()[:3])
        assert first_words.split()[-1] in lines[source["line"] - 1], (source, element["title"])


def test_a_priority_without_objectives_or_speerpunten_stays_empty_and_is_named():
    _, seed = _expected("004.json")
    draft = draft_plan(read_text(seed.read_text(encoding="utf-8"), seed.name))
    digital = next(p for p in draft["priorities"] if "digitale" in p["title"])
    assert digital["focus_areas"] == [] and digital["objectives"] == []
    assert f"{digital['title']}: geen doelstelling gevonden." in draft["findings"]
    assert all(p["theme"] is None and p["objectives"] == [] for p in draft["priorities"])


def test_a_document_that_is_no_plan_gives_an_empty_draft_that_says_so():
    said = [Block(Kind.PARAGRAPH, "Boodschappen voor het weekend: melk en brood.",
                  Place("lijst.txt", 1))]  # fmt: skip
    draft = draft_plan(said)
    assert draft["priorities"] == [] and draft["regions"] == []
    assert draft["findings"] == ["Geen planperiode gevonden.", "Geen prioriteiten gevonden."]


def test_priorities_as_sub_headings_with_objectives_approach_and_parties():
    text = """\
Integraal Veiligheidsplan Proefdorp 2027-2030

1. Inleiding
Dit plan is in deze test zelf geschreven en beschrijft twee prioriteiten.
Deze thema's blijven in de reguliere aanpak:
- Verkeersveiligheid
- Brandveiligheid

2. Prioriteiten
2.1 Woninginbraak
Inbraken raken mensen in hun eigen huis. We werken samen met de politie en Buurtpreventie Oost.
Doel: in 2030 is het aantal woninginbraken 20% lager dan in 2024.
Onze aanpak richt zich op:
- voorlichting in de donkere dagen
- inbraakpreventie bij nieuwbouw

2.2 Jeugdoverlast
Overlast van jongeren neemt toe in het centrum; Halt en het jongerenwerk zijn erbij.
- het aantal meldingen daalt tot onder 150 per jaar

3. Financiën
Het budget staat in de begroting.
"""
    register = Register.of({"Politie": [], "Halt": ["Bureau Halt"], "Inwoners": []})
    draft = draft_plan(read_text(text, "plan.txt"), register=register)
    assert draft["title"] == "Integraal Veiligheidsplan Proefdorp 2027–2030"
    assert [p["title"] for p in draft["priorities"]] == ["Woninginbraak", "Jeugdoverlast"]
    burglary, youth = draft["priorities"]
    assert [o["text"] for o in burglary["objectives"]] == [
        "in 2030 is het aantal woninginbraken 20% lager dan in 2024."
    ]
    assert burglary["approach"] == ["voorlichting in de donkere dagen",
                                    "inbraakpreventie bij nieuwbouw"]  # fmt: skip
    assert burglary["parties"] == ["politie", "Buurtpreventie Oost"]  # as the text writes them
    assert [o["text"] for o in youth["objectives"]] == [
        "het aantal meldingen daalt tot onder 150 per jaar"
    ]
    assert youth["parties"] == ["Halt"]  # the register's party, named in the prose
    assert [c["title"] for c in draft["chapters"]] == ["Inleiding", "Prioriteiten", "Financiën"]
    assert draft["going_concern"] == ["Verkeersveiligheid", "Brandveiligheid"]
    assert draft["findings"] == []
