"""The seeds as the files municipalities have: set again as Word (headings, numbered and
bulleted lists, tables) and as PDF (WeasyPrint: the IVP in two hyphenated columns with a
running header and page numbers, the uitvoeringsplan with its ruled tables split over pages),
read back by ivp's readers and drafted; the draft must meet the same floors as from text."""

import json
from pathlib import Path

import pytest

from ivp.intake.blocks import Block
from ivp.intake.drafting import draft_plan
from ivp.intake.readers.docx import read_docx
from ivp.intake.readers.pdf import read_pdf
from ivp.intake.readers.text import read_text
from ivp.intake.selectors import party_register

from .scoring import check_floors
from .seed_files import as_pdf, as_word

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
EXPECTED = Path(__file__).parent / "expected"


def _seed(name: str) -> tuple[dict, list[Block]]:
    expected = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    path = SEEDS / expected["seed"]
    if not path.exists():
        pytest.skip(f"{path} is not here: the seeds stand beside the checkout in CI")
    return expected, read_text(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("seed", ["004", "000", "001"])
def test_a_seed_as_word_drafts_as_well_as_from_text(seed):
    expected, blocks = _seed(seed)
    read = read_docx(as_word(blocks), f"seed-{seed}.docx")
    check_floors(f"{seed}-word", expected, draft_plan(read, register=party_register()))


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "columns"), [("004", 2), ("000", 1), ("001", 2)])
def test_a_seed_as_pdf_drafts_as_well_as_from_text(seed, columns):
    expected, blocks = _seed(seed)
    read = read_pdf(as_pdf(blocks, columns=columns), f"seed-{seed}.pdf")
    check_floors(f"{seed}-pdf", expected, draft_plan(read, register=party_register()))
