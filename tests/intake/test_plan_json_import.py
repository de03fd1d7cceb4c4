"""ivp's own plan JSON read back: export, edit, import gives the plan again as a concept
version; a dry run shows the draft with the line each element came from and writes nothing;
what ivp does not know is said, not filled in; a file that is no plan is refused in Dutch."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from ivp.cli import command_words
from ivp.planning.models import PolicyPlan

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


def test_word_and_pdf_are_not_read_yet_and_say_so(tmp_path):
    path = tmp_path / "ivp.docx"
    path.write_bytes(b"PK")
    with pytest.raises(CommandError, match=r"ivp\.docx: ivp leest nu plannen uit zijn eigen JSON"):
        _import(path)


def test_two_words_name_the_import_command():
    assert command_words(["plan", "import", "f.json"]) == ["plan_import", "f.json"]
    assert command_words(["plan", "GM1701"]) == ["plan", "GM1701"]
