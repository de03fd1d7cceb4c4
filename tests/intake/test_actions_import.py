"""An uitvoeringsplan's actions tables read in: seed 000 (Steenwijkerland 2026, as a
Word-to-Markdown conversion gave it) gives the same 34 actions, under the same themes, with
the same parties and planning as the demo holds (the demo was typed from the same document)."""

import io
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ivp.intake.drafting_actions import party_names
from ivp.intake.readers.text import read_text
from ivp.planning.models import ActionPlan

from .seed_files import as_word

pytestmark = pytest.mark.django_db
SEED = (
    Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / ("000_91dd2a825e35555a.txt")
)


def _rows(plan: ActionPlan) -> dict[str, list[tuple]]:
    """Per theme its actions: item, parties (of the register, whatever the spelling) and
    planning."""
    return {
        theme.title: [
            (a.item, {p.name for p in a.ordered_parties}, a.planning_text)
            for a in theme.actions.order_by("order", "pk")
        ]
        for theme in plan.themes.order_by("order")
    }


def _same_item(imported: str, demo: str) -> bool:
    """The demo typed the items in its own words, typos mended and some shortened
    ("Zelfredzaamheid bevorderen" for "Zelfredzaamheid van de samenleving bevorderen …"): most
    of its words (by their stem) stand in the item read, or the two read nearly alike."""
    stems = {word[:5] for word in re.findall(r"\w{4,}", imported.casefold())}
    wanted = [word[:5] for word in re.findall(r"\w{4,}", demo.casefold())]
    shared = sum(stem in stems for stem in wanted)
    alike = SequenceMatcher(None, imported.casefold(), demo.casefold()).ratio() > 0.6
    return alike or (bool(wanted) and shared >= len(wanted) / 2)


def _import(*options) -> str:
    said = io.StringIO()
    call_command("actions_import", str(SEED), "--gemeente", "GM1708", *options, stdout=said,
                 stderr=said)  # fmt: skip
    return said.getvalue()


def test_seed_000_gives_the_34_actions_the_demo_holds():
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here: the seeds stand beside the checkout in CI")
    plans = ActionPlan.objects.filter(municipality__code="GM1708", start_year=2026)
    demo = _rows(plans.order_by("-version").first())
    with pytest.raises(CommandError, match="heeft al een uitvoeringsplan"):
        _import("--jaar", "2026")
    for plan in plans.order_by("-version"):
        plan.delete()
    said = _import("--jaar", "2026")
    assert "met 34 acties" in said
    imported = _rows(ActionPlan.objects.get(municipality__code="GM1708", start_year=2026))
    assert [t for t, rows in imported.items() if rows] == [t for t, rows in demo.items() if rows]
    for title, rows in demo.items():
        got = imported[title]
        assert len(got) == len(rows), title
        for (item, parties, planning), (want_item, want_parties, want_planning) in zip(
            got, rows, strict=True
        ):
            assert _same_item(item, want_item), (item, want_item)
            assert planning == want_planning
            assert parties == want_parties, item


def test_a_dry_run_shows_themes_and_actions_with_their_lines_and_writes_nothing():
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here: the seeds stand beside the checkout in CI")
    before = ActionPlan.objects.count()
    shown = _import("--jaar", "2027", "--dry-run")
    assert ActionPlan.objects.count() == before
    assert "## WONINGINBRAAK" in shown
    assert "Weerbaarheidsdagen ondernijning · Gemeente, RIEC, Platform Veilig Ondernemen · Q1" \
        in shown  # fmt: skip
    assert "(regel 104)" in shown


def test_party_cells_are_split_as_written():
    assert party_names("Gemeente, RIEC, Platform Veilig Ondernemen (PVO)") == [
        "Gemeente", "RIEC", "Platform Veilig Ondernemen"]  # fmt: skip
    assert party_names("Politie, gemeente en wijk- en buurtverenigingen") == [
        "Politie", "gemeente", "wijk- en buurtverenigingen"]  # fmt: skip
    assert party_names("Halt, Tactus. Sociaal Werk De Kop") == ["Halt", "Tactus",
                                                                 "Sociaal Werk De Kop"]  # fmt: skip


def _demo_rows_then_removed() -> dict:
    plans = ActionPlan.objects.filter(municipality__code="GM1708", start_year=2026)
    demo = _rows(plans.order_by("-version").first())
    for plan in plans.order_by("-version"):
        plan.delete()
    return demo


def test_seed_000_as_a_word_file_gives_the_same_34_actions(tmp_path):
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here: the seeds stand beside the checkout in CI")
    word = tmp_path / "uitvoeringsplan-2026.docx"
    word.write_bytes(as_word(read_text(SEED.read_text(encoding="utf-8"), SEED.name)))
    demo = _demo_rows_then_removed()
    said = io.StringIO()
    call_command("actions_import", str(word), "--gemeente", "GM1708", "--jaar", "2026",
                 stdout=said, stderr=said)  # fmt: skip
    assert "met 34 acties" in said.getvalue()
    imported = _rows(ActionPlan.objects.get(municipality__code="GM1708", start_year=2026))
    assert {t: len(r) for t, r in imported.items()} == {t: len(r) for t, r in demo.items()}
    assert [r[1:] for rows in imported.values() for r in rows] == [
        r[1:] for rows in demo.values() for r in rows
    ]  # parties and planning, action by action


def test_a_spreadsheet_with_a_theme_column_in_any_order_and_merged_theme_cells(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Planning", "Thema", "Item", "Partijen", "Maatregelen/ activiteiten"])
    sheet.append(["Q1", "Woninginbraak", "Buurtpreventie", "Gemeente, politie", "Appgroepen."])
    sheet.append(["Q4", "", "Donkere dagen", "politie", "Extra surveillance."])  # merged cell
    sheet.append(["2026", "Verkeersveiligheid", "Schoolroutes", "Gemeente, scholen", "Veilig."])
    path = tmp_path / "acties.xlsx"
    book.save(path)
    _demo_rows_then_removed()
    said = io.StringIO()
    call_command("actions_import", str(path), "--gemeente", "GM1708", "--jaar", "2026",
                 stdout=said, stderr=said)  # fmt: skip
    assert "met 3 acties" in said.getvalue()
    imported = _rows(ActionPlan.objects.get(municipality__code="GM1708", start_year=2026))
    assert imported["Woninginbraak"] == [
        ("Buurtpreventie", {"Gemeente", "Politie"}, "Q1"),
        ("Donkere dagen", {"Politie"}, "Q4"),
    ]
    assert imported["Verkeersveiligheid"] == [("Schoolroutes", {"Gemeente", "Scholen"}, "2026")]


def test_a_csv_with_theme_rows_above_its_actions(tmp_path):
    path = tmp_path / "acties.csv"
    path.write_text(
        "Item;Partijen;Planning\nWoninginbraak;;\nBuurtpreventie;Gemeente;Q1\n"
        "Woonoverlast;;\nBuurtbemiddeling;Gemeente, Sociaal Werk De Kop;2026\n",
        encoding="utf-8",
    )
    shown = io.StringIO()
    call_command("actions_import", str(path), "--gemeente", "GM1708", "--jaar", "2027",
                 "--dry-run", stdout=shown, stderr=shown)  # fmt: skip
    text = shown.getvalue()
    assert "## Woninginbraak" in text and "- Buurtpreventie · Gemeente · Q1" in text
    assert "## Woonoverlast" in text and "Buurtbemiddeling · Gemeente, Sociaal Werk De Kop" in text


def test_a_table_is_never_put_under_the_theme_of_the_table_before_it():
    """Steenwijkerland's "3 DIGITALE VEILIGHEID" stands a level below "2 ZORG EN VEILIGHEID"
    in its Markdown; a plan without a digital theme must not get its actions under care."""
    if not SEED.exists():
        pytest.skip(f"{SEED} is not here: the seeds stand beside the checkout in CI")
    from ivp.intake.drafting_actions import draft_actions, theme_named

    drafted = draft_actions(read_text(SEED.read_text(encoding="utf-8"), SEED.name))["themes"]
    titles = ["Ondermijnende factoren verminderen", "Zorg en veiligheid samen laten werken"]
    matched = {theme["title"]: theme_named(theme["candidates"], titles) for theme in drafted}
    assert matched["ZORG EN VEILIGHEID"] == "Zorg en veiligheid samen laten werken"
    assert matched["DIGITALE VEILIGHEID"] is None
    assert all("ZORG EN VEILIGHEID" not in t["candidates"] for t in drafted[2:])
