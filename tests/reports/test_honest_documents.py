"""Documents for the council say what their figures are: no p-values or period codes in their
sentences, a synthetic figure warned of on the title page and never compared with real ones."""

import json
import re

import pytest

from ivp.common import revisions
from ivp.figures.models import Observation, Source
from ivp.regions.models import Municipality
from ivp.reports import services
from tests.conftest import client_for
from tests.figures.test_analyse_command import analyse, total

from .reading import docx_file, docx_text, pdf_reader, pdf_text, words

pytestmark = pytest.mark.django_db

P_VALUE = re.compile(r"\bp ?[=<] ?\d|p-waarde|\(p ")
PERIOD_CODE = re.compile(r"\b\d{4}(-\d{2}|-Q\d|KW\d{2}|MM\d{2})\b")


def _make(kind, code, fmt, year=2026) -> bytes:
    return services.make(kind, Municipality.objects.get(code=code), year, fmt).content


def _title_page(content: bytes) -> str:
    return words(pdf_reader(content).pages[0].extract_text())


def _made_synthetic(code: str) -> Source:
    """A municipality's registered crimes moved to a synthetic source; every other
    municipality's stay real."""
    real = Source.objects.filter(observations__area_code=code).distinct().first()
    made_up = Source.objects.create(
        publisher=real.publisher,
        table_id=real.table_id,
        title=real.title,
        edition="2000",
        synthetic=True,
    )
    Observation.objects.filter(area_code=code, source=real).update(source=made_up)
    revisions.bump(revisions.FIGURES)
    return made_up


@pytest.fixture
def synthetic_steenwijkerland():
    return _made_synthetic("GM1708")


@pytest.mark.parametrize("kind", ["analyse", "ivp", "voortgang"])
def test_the_council_documents_give_no_p_value_and_no_period_code_in_their_sentences(kind):
    code = "GM1701" if kind == "ivp" else "GM1708"
    document = docx_file(_make(kind, code, "docx"))
    prose = words(" ".join(p.text for p in document.paragraphs))  # the tables may hold codes
    assert not P_VALUE.search(docx_text(document)), P_VALUE.search(docx_text(document))
    assert not PERIOD_CODE.search(prose), PERIOD_CODE.search(prose)


def test_real_figures_get_no_synthetic_warning_on_the_title_page():
    assert "SYNTHETISCH" not in _title_page(_make("analyse", "GM1708", "pdf"))


def test_synthetic_figures_are_warned_of_on_the_title_page(synthetic_steenwijkerland):
    content = _make("analyse", "GM1708", "pdf")
    assert "SYNTHETISCHE CIJFERS" in _title_page(content)
    assert "Geregistreerde misdrijven, totaal (synthetisch)" in pdf_text(content)  # overview
    title_page = docx_file(_make("analyse", "GM1708", "docx")).paragraphs
    before_contents = words(" ".join(p.text for p in title_page[:8]))
    assert "SYNTHETISCHE CIJFERS" in before_contents


def test_a_synthetic_figure_is_not_compared_with_real_ones_in_one_sentence(
    synthetic_steenwijkerland,
):
    text = pdf_text(_make("analyse", "GM1708", "pdf"))
    assert "De vergelijking met andere gebieden is weggelaten" in text
    assert "dan in de rest van" not in text and "vergelijkbaar met" not in text
    assert "Per 1.000 daar" not in text  # no comparison table either


def test_the_ivp_warns_of_synthetic_figures_on_its_title_page():
    assert "SYNTHETISCH" not in _title_page(_make("ivp", "GM1701", "pdf"))
    _made_synthetic("GM1701")
    assert "SYNTHETISCHE CIJFERS" in _title_page(_make("ivp", "GM1701", "pdf"))


def test_the_analysis_of_a_wadden_island_says_visitors_are_not_inhabitants():
    texel = pdf_text(_make("analyse", "GM0448", "pdf"))
    assert "bezoekers en forenzen" in texel and "overschat het risico" in texel
    assert "bezoekers en forenzen" not in pdf_text(_make("analyse", "GM1708", "pdf"))


def test_the_pages_and_the_export_leave_the_comparison_out_too(synthetic_steenwijkerland):
    page = client_for(None).get("/gemeenten/GM1708/veiligheidsbeeld/misdrijven-totaal/")
    text = page.content.decode()
    assert "De vergelijking met andere gebieden is weggelaten" in text
    assert 'id="vergelijking"' not in text  # no comparison table or chart
    crimes = total(json.loads(analyse("GM1708", "--from", "2022", "--to", "2024")))
    assert crimes["comparison_left_out"] is True and crimes["benchmarks"] == []
