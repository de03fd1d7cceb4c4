"""The drafted look-back: deterministic sentences, each traced to an action or a figure."""

import pytest

from ivp.common import revisions
from ivp.figures.models import Indicator, Observation
from ivp.planning.execution import lookback
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.models import Action, ActionPlanTheme
from ivp.regions.models import Municipality

from ..conftest import client_for

pytestmark = pytest.mark.django_db


def _steenwijkerland_theme(title: str) -> ActionPlanTheme:
    plan = execution_selectors.current_action_plans().get(
        municipality__code="GM1708", start_year=2026
    )
    return plan.themes.select_related("priority__plan__municipality").get(priority__title=title)


def test_the_draft_states_every_actions_final_status_with_its_source():
    theme = _steenwijkerland_theme("Ondermijnende criminaliteit")
    actions = list(theme.actions.all())
    lines = lookback.draft(theme.priority, 2026)
    done = [a for a in actions if a.status == Action.Status.AFGEROND]
    assert lines[0].text == f"Van de {len(actions)} acties in 2026 zijn er {len(done)} afgerond."
    text = lookback.as_text(lines)
    for action in actions:
        assert f"‘{action.item}’" in text
    for action in actions:
        if action.status in ("vertraagd", "geschrapt"):
            line = next(line for line in lines if f"‘{action.item}’" in line.text)
            assert line.source.endswith(f"actie ‘{action.item}’")
            assert action.updates.first().note.rstrip(".") in line.text
    assert lookback.draft(theme.priority, 2026) == lines  # deterministic


def _burglaries(municipality_code: str) -> None:
    """Registered house burglaries (1.1.1) for three years: the demo has only all crimes."""
    indicator = Indicator.objects.get(code="misdrijven-1-1-1")
    total = Observation.objects.filter(indicator__code="misdrijven-totaal").first()
    revisions.bump(revisions.FIGURES)
    Observation.objects.bulk_create(
        Observation(indicator=indicator, area_code=municipality_code,
                    municipality=Municipality.objects.get(code=municipality_code),
                    period=str(year), year=year, value=value, source=total.source)
        for year, value in ((2022, 61), (2023, 48), (2024, 52))
    )  # fmt: skip


def test_figures_sentences_name_their_source_and_period():
    _burglaries("GM1708")
    theme = _steenwijkerland_theme("Woninginbraak")
    lines = lookback.draft(theme.priority, 2026)
    figures = [line for line in lines if line.source.startswith("Bron:")]
    assert figures, [line.text for line in lines]
    assert all(any(ch.isdigit() for ch in line.text) for line in figures)


def test_a_themes_figures_are_its_own_never_the_total_of_all_crimes():
    """Woninginbraak sits under the taxonomy's "Objectieve veiligheid", which holds all crimes
    too: the look-back cites burglaries, and without them says so to the coordinator only."""
    theme = _steenwijkerland_theme("Woninginbraak")
    without = lookback.draft(theme.priority, 2026)
    assert "Geregistreerde misdrijven" not in lookback.as_text(without)
    assert [line.gap for line in without if line.source == "Cijfers in ivp"] == [True]
    _burglaries("GM1708")
    text = lookback.as_text(lookback.draft(theme.priority, 2026))
    assert "Diefstal/inbraak woning" in text
    assert "Geregistreerde misdrijven" not in text


def test_a_year_without_an_uitvoeringsplan_says_so():
    theme = _steenwijkerland_theme("Woninginbraak")
    lines = lookback.draft(theme.priority, 2025)
    assert lines[0].text == "Voor 2025 is in ivp geen uitvoeringsplan met dit thema vastgelegd."


def test_the_coordinator_drafts_edits_and_saves_the_lookback():
    theme = _steenwijkerland_theme("Woninginbraak")
    url = f"/gemeenten/GM1708/uitvoeringsplan/2026/thema/{theme.pk}/terugblik/"
    client = client_for("coordinator.steenwijkerland")
    before = theme.lookback
    page = client.post(
        url, {"action": "concept", "lookback": before, "lock_version": theme.lock_version}
    ).content.decode()
    assert "Voor 2025 is in ivp geen uitvoeringsplan met dit thema vastgelegd." in page
    theme.refresh_from_db()
    assert theme.lookback == before  # a draft is not saved until the coordinator saves
    response = client.post(
        url, {"lookback": "Eigen tekst over 2025.", "lock_version": theme.lock_version}
    )
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.lookback == "Eigen tekst over 2025."


def test_a_stale_edit_of_the_lookback_is_refused_and_overwrites_nothing():
    theme = _steenwijkerland_theme("Woonoverlast")
    url = f"/gemeenten/GM1708/uitvoeringsplan/2026/thema/{theme.pk}/terugblik/"
    client = client_for("coordinator.steenwijkerland")
    old_version = theme.lock_version
    client.post(url, {"lookback": "Eerste.", "lock_version": old_version})
    page = client.post(url, {"lookback": "Tweede.", "lock_version": old_version})
    assert page.status_code == 200
    theme.refresh_from_db()
    assert theme.lookback == "Eerste."
    assert "Eerste." in page.content.decode()  # the other person's text, beside the field
