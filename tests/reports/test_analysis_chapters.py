"""The veiligheidsanalyse in chapters: written by the coordinator as part of the IVP it is the
foundation of (the IVP starting in the analysis' year), read by whoever may read that IVP
version; anyone else reads the figures alone, so a draft's words never reach the public."""

import pytest

from ivp.planning.models import Chapter
from ivp.planning.policy.services.plan import plan_new_version
from ivp.reports import services
from tests.conftest import client_for

from .adopting import adopt
from .reading import docx_file, html_tree

pytestmark = pytest.mark.django_db
PAGE = "/gemeenten/GM1701/documenten/analyse/2023/"
SUMMARY = "De woninginbraken daalden, de **overlast** bleef gelijk.^[Bron: politie, 2022.]"


def _levels_one(content: bytes) -> list[str]:
    tree = html_tree(content)
    return [h.text_content() for h in tree.iterfind(".//h2") if "ivp-doc-h1" in h.get("class", "")]


@pytest.fixture
def written_analysis(westerveld_plan):
    """A draft of Westerveld's IVP 2023–2027 whose analysis the coordinator summarised."""
    draft = plan_new_version(plan=westerveld_plan)
    client = client_for("coordinator.westerveld")
    assert client.post(f"{PAGE}hoofdstukken/", {"overnemen": "1"}).status_code == 302
    summary = Chapter.objects.get(policy_plan=draft, document="analyse", key="samenvatting")
    answer = client.post(
        f"{PAGE}hoofdstukken/{summary.pk}/",
        {
            "title": "Samenvatting",
            "included": "on",
            "body": SUMMARY,
            "lock_version": summary.lock_version,
        },
    )
    assert answer.status_code == 302
    return draft


def test_the_analysis_has_the_chapters_of_its_outline_with_the_coordinators_text(
    written_analysis,
):
    made = services.make("analyse", written_analysis.municipality, 2023, "html",
                         plan=written_analysis)  # fmt: skip
    assert _levels_one(made.content) == [
        "Samenvatting",
        "Inleiding",
        "Overzicht",
        "Het veiligheidsbeeld per veld",
        "Colofon",
    ]  # "Duiding en aandachtspunten" has no text yet: not in the document
    text = html_tree(made.content).text_content()
    assert "De woninginbraken daalden, de overlast bleef gelijk." in text
    docx = docx_file(services.make("analyse", written_analysis.municipality, 2023, "docx",
                                   plan=written_analysis).content)  # fmt: skip
    assert [p.text for p in docx.paragraphs if p.style.name == "Heading 1"][:2] == [
        "Samenvatting",
        "Inleiding",
    ]


def test_a_drafts_words_stay_with_those_preparing_it_until_adoption(written_analysis):
    preparing = client_for("coordinator.westerveld").get(PAGE)
    assert "De woninginbraken daalden" in preparing.content.decode()
    visitor = client_for(None)
    public = visitor.get(PAGE)
    assert public.status_code == 200
    assert "De woninginbraken daalden" not in public.content.decode()
    assert "Het veiligheidsbeeld per veld" in public.content.decode()  # the figures, for all
    assert visitor.get(f"{PAGE}hoofdstukken/").status_code in (302, 403, 404)
    adopt(written_analysis)
    assert "De woninginbraken daalden" in visitor.get(PAGE).content.decode()


def test_an_analysis_no_ivp_starts_with_has_no_chapters_to_write():
    client = client_for("coordinator.westerveld")
    assert client.get("/gemeenten/GM1701/documenten/analyse/2025/").status_code == 200
    assert client.get("/gemeenten/GM1701/documenten/analyse/2025/hoofdstukken/").status_code == 403


def test_the_documents_page_offers_the_analysis_the_ivp_was_founded_on(westerveld_plan):
    page = client_for("coordinator.westerveld").get("/gemeenten/GM1701/documenten/")
    assert f"{PAGE}hoofdstukken/" in page.content.decode()
