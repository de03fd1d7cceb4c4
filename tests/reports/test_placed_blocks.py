"""Generated parts about one thing, placed in a chapter of their own: the veiligheidsbeeld of
one safety field in the IVP, one theme (or only its actions) in the uitvoeringsplan, one
theme's progress in the voortgangsrapportage. What is placed on its own is not repeated where
all of them stand."""

import pytest

from ivp.planning.models import ActionPlan, Chapter
from ivp.planning.policy.services.plan import plan_new_version
from ivp.reports import services
from tests.conftest import client_for

from .reading import docx_file, html_tree

pytestmark = pytest.mark.django_db


def _add_chapter(client, code: str, kind: str, address, title: str, block: str, owner) -> None:
    """The coordinator adds a chapter at the end of the outline and places `block` in it."""
    page = f"/gemeenten/{code}/documenten/{kind}/{address}/hoofdstukken/"
    assert client.post(page, {"title": title}).status_code == 302
    chapter = Chapter.objects.get(document=kind, title=title, **owner)
    form = html_tree(client.get(f"{page}{chapter.pk}/").content)
    offered = {o.get("value"): o.text_content() for o in form.iterfind(".//select//option")}
    assert block in offered, sorted(offered)
    answer = client.post(
        f"{page}{chapter.pk}/",
        {"title": title, "included": "on", "block": block, "lock_version": chapter.lock_version},
    )
    assert answer.status_code == 302


def _chapter(html, title: str) -> str:
    """The text of the level-1 chapter `title` up to the next level-1 heading."""
    text, inside = [], False
    for element in html.iter():
        if element.tag == "h2" and "ivp-doc-h1" in element.get("class", ""):
            if inside:
                break
            inside = element.text_content().strip() == title
        elif inside and element.tag in ("p", "li", "td", "th", "h3", "h4", "caption"):
            text.append(element.text_content())
    return " ".join(" ".join(text).split())


def test_a_theme_placed_in_its_own_chapter_leaves_the_themes_chapter():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    client = client_for("coordinator.steenwijkerland")
    owner = {"action_plan": plan}
    _add_chapter(client, "GM1708", "uitvoeringsplan", 2026, "Regionale agenda",
                 "acties:digitale-veiligheid", owner)  # fmt: skip
    _add_chapter(client, "GM1708", "uitvoeringsplan", 2026, "Inbraak in de kernen",
                 "thema:woninginbraak", owner)  # fmt: skip
    plan = ActionPlan.objects.get(pk=plan.pk)
    html = html_tree(services.make("uitvoeringsplan", plan.municipality, 2026, "html",
                                   plan=plan).content)  # fmt: skip
    burglary = plan.themes.get(priority__title="Woninginbraak")
    digital = plan.themes.get(priority__title="Digitale veiligheid")
    own = _chapter(html, "Inbraak in de kernen")
    assert all(a.item in own for a in burglary.actions.all())
    assert f"Acties {plan.period}: Woninginbraak" in own
    agenda = _chapter(html, "Regionale agenda")
    assert all(a.item in agenda for a in digital.actions.all())
    headings = [h.text_content() for h in html.iterfind(".//h3")]
    assert not any(h.endswith(". Woninginbraak") for h in headings)  # not among all themes
    assert any(h.endswith(". Digitale veiligheid") for h in headings)  # its text stays there
    assert html.text_content().count(f"Acties {plan.period}: Digitale veiligheid") == 1

    docx = docx_file(services.make("uitvoeringsplan", plan.municipality, 2026, "docx",
                                   plan=plan).content)  # fmt: skip
    titles = [p.text for p in docx.paragraphs if p.style.name == "Heading 1"]
    assert titles[-3:] == ["Regionale agenda", "Inbraak in de kernen", "Colofon"]


def _ivp_with_a_field_chapter(plan, title: str, block: str):
    """A draft of the IVP with a chapter `title` holding the field's veiligheidsbeeld."""
    draft = plan_new_version(plan=plan)
    client = client_for("coordinator.westerveld")
    _add_chapter(client, "GM1701", "ivp", draft.start_year, title, block, {"policy_plan": draft})
    return html_tree(services.make("ivp", draft.municipality, 2023, "html", plan=draft).content)


def test_the_veiligheidsbeeld_of_one_field_in_a_chapter_of_the_ivp(westerveld_plan):
    html = _ivp_with_a_field_chapter(westerveld_plan, "Veilige woon- en leefomgeving",
                                     "veld:veilige-woon-en-leefomgeving")  # fmt: skip
    own = _chapter(html, "Veilige woon- en leefomgeving")
    assert "Geregistreerde misdrijven, totaal" in own  # the field's indicator, as a heading
    assert "Geregistreerde misdrijven, totaal per periode" in own  # its chart's table
    assert "Dit veld telt" in own


def test_a_field_without_figures_leaves_its_chapter_to_the_coordinators_words(westerveld_plan):
    html = _ivp_with_a_field_chapter(westerveld_plan, "Digitaal", "veld:digitale-veiligheid")
    titles = [h.text_content() for h in html.iterfind(".//h2")]
    assert "Digitaal" not in titles  # no figures, no text: not in the document


def test_one_themes_progress_in_a_chapter_of_its_own():
    plan = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    client = client_for("coordinator.steenwijkerland")
    _add_chapter(client, "GM1708", "voortgang", 2026, "Woninginbraak in beeld",
                 "voortgang:woninginbraak", {"action_plan": plan})  # fmt: skip
    html = html_tree(services.make("voortgang", plan.municipality, 2026, "html",
                                   plan=plan).content)  # fmt: skip
    own = _chapter(html, "Woninginbraak in beeld")
    assert own.startswith("Stand:")
    headings = [h.text_content() for h in html.iterfind(".//h3")]
    assert "Woninginbraak" not in headings
    assert "Verkeersveiligheid" in headings
