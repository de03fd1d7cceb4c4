"""ivp's own plan JSON read back: export, edit, import gives the plan again as a concept
version; a dry run shows the draft with the line each element came from and writes nothing;
what ivp does not know is said, not filled in; a file that is no plan is refused in Dutch."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ivp.cli import command_words
from ivp.planning.models import Chapter, PolicyPlan

pytestmark = pytest.mark.django_db
HEAD = ("version", "status", "adopted")


def _export(tmp_path, code: str = "GM1701", version: int | None = None):
    out = tmp_path / f"plan-{code}-{version or 'geldend'}.json"
    arguments = ["--versie", str(version)] if version else []
    call_command("plan", code, "--format", "json", "-o", str(out), *arguments)
    return out


def _import(path, code: str = "GM1701", *options) -> str:
    printed, said = io.StringIO(), io.StringIO()
    call_command("plan_import", str(path), "--gemeente", code, *options, stdout=printed,
                 stderr=said)  # fmt: skip
    return printed.getvalue() + said.getvalue()


def test_an_exported_plan_comes_back_as_its_next_concept_version(tmp_path):
    exported = _export(tmp_path)
    said = _import(exported)
    assert "Concept aangemaakt" in said and "versie 2" in said
    again = json.loads(_export(tmp_path, version=2).read_text())
    original = json.loads(exported.read_text())
    assert again["status"] == "concept" and again["version"] == 2
    assert {k: v for k, v in again.items() if k not in HEAD} == {
        k: v for k, v in original.items() if k not in HEAD
    }
    copy = PolicyPlan.objects.get(municipality__code="GM1701", version=2)
    assert copy.previous.version == 1  # a version of the plan in force, in its history
    assert copy.priorities.first().history.exists()


def test_a_dry_run_shows_each_element_with_its_line_and_writes_nothing(tmp_path):
    exported = _export(tmp_path)
    lines = exported.read_text().split("\n")
    before = PolicyPlan.objects.count()
    draft = json.loads(_import(exported, "GM1701", "--dry-run"))
    assert PolicyPlan.objects.count() == before
    for priority in draft["priorities"]:
        source = priority["source"]
        assert source["file"] == exported.name
        assert json.dumps(priority["title"], ensure_ascii=False) in lines[source["line"] - 1]
        for area in priority["focus_areas"]:
            assert area["source"]["line"] > source["line"]
    assert draft["findings"] == []
    markdown = _import(exported, "GM1701", "--dry-run", "--format", "md")
    assert f"({exported.name}, regel " in markdown


def test_what_ivp_does_not_know_stays_empty_and_is_said(tmp_path):
    data = json.loads(_export(tmp_path).read_text())
    data["priorities"][0]["theme"] = "Kermisveiligheid"
    data["frameworks"].append({"name": "Dorpsvisie Havelte 2030"})
    edited = tmp_path / "bewerkt.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    said = _import(edited)
    assert "Thema „Kermisveiligheid”" in said and "Kader „Dorpsvisie Havelte 2030”" in said
    copy = PolicyPlan.objects.get(municipality__code="GM1701", version=2)
    assert copy.priorities.order_by("order").first().theme is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"priorities": [', "regel 1, kolom 17: geen geldige JSON"),
        (b'{"titel": "Plan"}', "is geen plan van ivp"),
        (b'{"format_version": 9, "priorities": []}', "format_version 9 ken ik niet"),
        (b'{"format_version": 2, "period": {"from": 2027, "to": 2030}, '
         b'"priorities": [{"title": " "}]}', "priorities[0].title moet een titel zijn"),
        (b"\xff\xfe{", "is geen UTF-8-tekst"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_plan_is_refused_in_dutch_and_nothing_is_written(
    tmp_path, content, message
):
    path = tmp_path / "plan.json"
    path.write_bytes(content)
    before = PolicyPlan.objects.count()
    with pytest.raises(CommandError, match=r"plan\.json") as refused:
        _import(path)
    assert message in str(refused.value)
    assert PolicyPlan.objects.count() == before


def test_a_damaged_word_file_or_another_kind_is_refused_naming_it(tmp_path):
    path = tmp_path / "ivp.docx"
    path.write_bytes(b"PK")
    with pytest.raises(CommandError, match=r"ivp\.docx: het bestand is beschadigd"):
        _import(path)
    odt = tmp_path / "ivp.odt"
    odt.write_bytes(b"PK")
    with pytest.raises(CommandError, match=r"ivp\.odt: ivp leest plannen uit Word \(\.docx\)"):
        _import(odt)


def test_two_words_name_the_import_command():
    assert command_words(["plan", "import", "f.json"]) == ["plan_import", "f.json"]
    assert command_words(["plan", "GM1701"]) == ["plan", "GM1701"]


SEED_004 = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / ("004_287127905622fb8b.txt")
)


def test_a_plan_as_text_is_drafted_shown_and_saved_with_what_was_not_found(tmp_path):
    if not SEED_004.exists():
        pytest.skip(f"{SEED_004} is not here: the seeds stand beside the checkout in CI")
    shown = _import(SEED_004, "GM1701", "--dry-run", "--format", "md")
    assert "## Prioriteiten van Zuidwest-Drenthe" in shown
    assert f"({SEED_004.name}, regel 1110)" in shown  # the line the priority was read from
    assert PolicyPlan.objects.filter(municipality__code="GM1701").count() == 1
    said = _import(SEED_004, "GM1701")
    assert "versie 2" in said and "geen doelstelling gevonden" in said
    draft = PolicyPlan.objects.get(municipality__code="GM1701", version=2)
    assert draft.status == PolicyPlan.Status.CONCEPT
    counts = [p.focus_areas.count() for p in draft.priorities.order_by("order")]
    assert counts == [3, 3, 0, 4]
    # its own words in the IVP's chapters: the voorwoord with its signer, the chapters by name;
    # the priorities' chapter keeps the generated part, not the text it was read from
    chapters = {c.key: c for c in Chapter.objects.filter(policy_plan=draft, document="ivp")}
    assert chapters["voorwoord"].body.startswith("Veiligheid is een belangrijk onderwerp")
    assert chapters["voorwoord"].signer_function == "Burgemeester van Westerveld"
    assert chapters["kaders"].title == "Relevante kaders" and chapters["kaders"].body
    assert chapters["tendensen"].body and not chapters["prioriteiten"].body
    # the four frameworks the document names, linked to the ones ivp knows by their years
    assert sorted(f.code for f in draft.frameworks.all()) == sorted(
        f.code
        for f in PolicyPlan.objects.get(municipality__code="GM1701", version=1).frameworks.all()
    )
    assert not any(o for p in draft.priorities.all() for o in p.objectives.all())  # none said


def test_a_text_without_a_period_asks_for_one(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("Veiligheid in het dorp\n\nWe werken samen met de politie.\n", "utf-8")
    with pytest.raises(CommandError, match="noemt geen planperiode; geef die met --periode"):
        _import(path, "GM0118")
    said = _import(path, "GM0118", "--periode", "2027-2030")
    assert "Concept aangemaakt" in said and "Geen prioriteiten gevonden." in said
