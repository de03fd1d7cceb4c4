"""Hostile files offered as a plan to read in (the limits of the hostile-files suite): zip
bombs, nested and unsafe archives, truncated Word files, a PDF of too many pages or none at
all, deep JSON. Each is refused with a Dutch message naming the file; nothing is written and
no page answers 500."""

import io

import pytest
from django.core.management import CommandError, call_command
from weasyprint import HTML

from ivp.intake.drafting import Register
from ivp.intake.readers.plan_json import PlanFileError
from ivp.intake.reading import blocks_of, draft_from_file
from ivp.planning.models import PolicyPlan
from tests import hostile_kit as kit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (lambda: kit.ratio_bomb("docx", 150), "keer ingepakt"),
        (lambda: kit.many_entries("docx", 2000), "delen"),
        (lambda: kit.nested_zip("docx"), "ander archief"),
        (lambda: kit.unsafe_path("docx"), "onveilig pad"),
        (lambda: kit.truncated(kit.TEMPLATE.read_bytes()), "beschadigd"),
        (lambda: b"PK\x03\x04 niets", "beschadigd"),
    ],
    ids=["ratio-bomb", "many-parts", "nested", "unsafe-path", "truncated", "no-archive"],
)
def test_a_hostile_word_file_is_refused_naming_it(content, says):
    with pytest.raises(PlanFileError) as refused:
        blocks_of("plan.docx", content())
    assert "plan.docx" in str(refused.value) and says in str(refused.value)


def test_a_pdf_of_too_many_pages_or_no_pdf_at_all_is_refused(settings):
    settings.IVP_PLAN_MAX_PAGES = 3
    many = HTML(string="".join(f"<p style='break-after: page'>{n}</p>" for n in range(5)))
    with pytest.raises(PlanFileError, match=r"plan\.pdf heeft 5 pagina's; ivp leest plannen tot 3"):
        blocks_of("plan.pdf", many.write_pdf())
    with pytest.raises(PlanFileError, match=r"plan\.pdf is geen PDF die te lezen is"):
        blocks_of("plan.pdf", b"%PDF-1.7\n" + b"\x00" * 200)


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(settings):
    settings.IVP_PLAN_MAX_MB = 1
    with pytest.raises(PlanFileError, match=r"plan\.txt.*groter dan 1 MB"):
        blocks_of("plan.txt", b"a" * (2 * 1024 * 1024))


def test_deep_or_huge_json_is_refused_and_the_command_writes_nothing(tmp_path):
    deep = tmp_path / "diep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    before = PolicyPlan.objects.count()
    with pytest.raises(CommandError, match=r"diep\.json: de JSON is dieper genest"):
        call_command("plan_import", str(deep), "--gemeente", "GM1708", stdout=io.StringIO(),
                     stderr=io.StringIO())  # fmt: skip
    assert PolicyPlan.objects.count() == before


def test_text_that_is_no_plan_gives_an_empty_draft_not_a_crash():
    noise = bytes(range(256)) * 400
    draft = draft_from_file("ruis.txt", noise, register=Register({}))
    assert draft["priorities"] == [] and "Geen prioriteiten gevonden." in draft["findings"]
