"""The action list as the coordinator's home: progress per action, theme and plan; filters that
are remembered; notes only for the action's people; an export that carries the progress and,
sent back, changes only what was changed in it."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ivp.planning.execution import stale
from ivp.planning.execution.services.actions import action_save
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import Action, ActionPlan, ProgressUpdate
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PAGE = "/gemeenten/GM1708/uitvoeringsplan/2026/"


def _plan() -> ActionPlan:
    return ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)


def _actions():
    return Action.objects.filter(theme__action_plan=_plan())


def _rows(response) -> list[str]:
    """The items of the actions the page lists."""
    return [row.action.item for row in response.context["rows"]]


def test_the_coordinator_filters_to_stale_actions_of_the_police():
    today = timezone.localdate()
    expected = {
        s.action.item
        for s in stale.stale_actions(_actions(), today)
        if "politie" in [n.casefold() for n in s.action.party_names]
    }
    assert expected, "the demo has stale actions of the police to find"
    response = client_for("coordinator.steenwijkerland").get(
        PAGE, {"stil": "1", "partij": "Politie"}
    )
    assert set(_rows(response)) == expected
    page = response.content.decode()
    assert f"{len(expected)} van 34 acties voldoen aan het filter" in page
    assert page.count("stilgevallen</strong>") == len(expected)


def test_each_row_shows_status_percentage_last_update_and_latest_note():
    action = _actions().get(item="Jeugdnetwerkoverleg")
    day = timezone.localdate() - timedelta(days=2)
    coordinator = client_for("coordinator.steenwijkerland")
    progress_record(
        action=action, status="lopend", percent_done=35, note="Tweede overleg gepland.", on=day
    )
    progress_record(action=action, status="lopend", note="", on=timezone.localdate())
    row = next(r for r in coordinator.get(PAGE).context["rows"] if r.action.pk == action.pk)
    assert row.percent == 35  # a later report without a percentage keeps the last one
    assert row.last_update.date == timezone.localdate()
    assert row.last_note.note == "Tweede overleg gepland." and row.last_note.date == day
    page = coordinator.get(PAGE, {"zoek": "tweede overleg"}).content.decode()
    assert "Tweede overleg gepland." in page and 'value="35"' in page


def test_the_plan_and_each_theme_show_their_progress():
    response = client_for("coordinator.steenwijkerland").get(PAGE)
    overall = response.context["overall"]
    assert overall.total == 34
    assert sum(overall.counts.values()) == 34
    done = _actions().filter(status="afgerond").count()
    assert overall.counts["afgerond"] == done
    page = response.content.decode()
    assert f"{overall.percent:.0f}% gereed" in page
    themes = response.context["grouped"]
    assert sum(len(rows) for _theme, _progress, rows in themes) == 34
    assert all(progress.total == len(rows) for _theme, progress, rows in themes)


def test_a_chosen_filter_is_kept_for_the_next_visit_until_cleared():
    client = client_for("coordinator.steenwijkerland")
    response = client.post(PAGE + "filter/", {"status": "lopend", "sorteer": "gereed"})
    assert response.status_code == 302 and "status=lopend" in response["Location"]
    again = client.get(PAGE)
    assert again.status_code == 302 and "status=lopend" in again["Location"]
    shown = client.get(again["Location"])
    assert {r.action.status for r in shown.context["rows"]} == {"lopend"}
    percents = [r.percent for r in shown.context["rows"]]
    assert percents == sorted(percents)
    # another user's list is their own
    assert client_for("beheerder").get(PAGE).status_code == 200
    client.post(PAGE + "filter/", {"wis": "1"})
    assert client.get(PAGE).status_code == 200


def test_notes_of_other_organisations_actions_are_not_shown_to_a_partner():
    """A partner may read every action, but the reports on others' actions only by their date."""
    theirs = _actions().exclude(party_links__party__name__iexact="Politie").first()
    progress_record(action=theirs, status="lopend", note="Alleen voor de betrokkenen.")
    partner = client_for("partner.steenwijkerland")
    page = partner.get(PAGE, {"alle": "1"}).content.decode()
    assert theirs.item in page
    assert "Alleen voor de betrokkenen." not in page
    assert (
        "Alleen voor de betrokkenen."
        in client_for("coordinator.steenwijkerland").get(PAGE).content.decode()
    )
    export = partner.get(PAGE + "export.csv").content.decode("utf-8-sig")
    assert "Alleen voor de betrokkenen." not in export


def test_a_partner_lands_on_their_own_actions():
    response = client_for("partner.steenwijkerland").get(PAGE)
    items = set(_rows(response))
    own = {a.item for a in _actions() if "politie" in [n.casefold() for n in a.party_names]}
    assert items == own


def test_the_page_costs_the_same_queries_with_more_actions():
    client = client_for("coordinator.steenwijkerland")
    client.get(PAGE)

    def queries() -> int:
        with CaptureQueriesContext(connection) as seen:
            assert client.get(PAGE).status_code == 200
        return len(seen)

    before = queries()
    theme = _plan().themes.first()
    for number in range(20):
        saved = action_save(
            theme=theme, item=f"Extra actie {number}", parties=["Politie", "Gemeente"]
        )
        progress_record(
            action=saved, status="lopend", percent_done=number, note=f"notitie {number}"
        )
    assert queries() == before


def _export_rows(client) -> list[dict]:
    text = client.get(PAGE + "export.csv").content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_export_carries_percentage_last_note_and_its_date():
    action = _actions().get(item="Jeugdnetwerkoverleg")
    coordinator = get_user_model().objects.get(username="coordinator.steenwijkerland")
    progress_record(
        action=action, status="lopend", percent_done=45, note="Derde overleg.", user=coordinator
    )
    rows = _export_rows(client_for("coordinator.steenwijkerland"))
    row = next(r for r in rows if r["Actie-id"] == str(action.pk))
    assert row["% gereed"] == "45"
    assert row["Toelichting"] == "Derde overleg."
    assert row["Datum toelichting"] == timezone.localdate().strftime("%d-%m-%Y")
    assert row["Gemeld door"] == "Gemeente Steenwijkerland"


def _upload(client, rows: list[dict]):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    upload = io.BytesIO(out.getvalue().encode("utf-8"))
    upload.name = "voortgang.csv"
    return client.post(PAGE + "voortgang-uploaden/", {"file": upload})


def test_an_export_sent_back_unchanged_changes_nothing():
    client = client_for("coordinator.steenwijkerland")
    before = ProgressUpdate.objects.count()
    preview = _upload(client, _export_rows(client))
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "verandert niets" in page
    assert preview.context["changes"] == []
    assert ProgressUpdate.objects.count() == before


def test_an_export_sent_back_with_one_change_saves_only_that_row():
    client = client_for("coordinator.steenwijkerland")
    rows = _export_rows(client)
    target = next(r for r in rows if r["Status"] == "lopend")
    target["% gereed"] = "90"
    target["Toelichting"] = "Bijna klaar."
    before = ProgressUpdate.objects.count()
    preview = _upload(client, rows)
    changes = preview.context["changes"]
    assert [c.action.pk for c in changes] == [int(target["Actie-id"])]
    assert preview.context["unchanged"] == len(rows) - 1
    token = preview.context["token"]
    client.post(PAGE + "voortgang-uploaden/", {"preview": token, "confirm": "ja"})
    assert ProgressUpdate.objects.count() == before + 1
    saved = ProgressUpdate.objects.latest("pk")
    assert (saved.percent_done, saved.note) == (90, "Bijna klaar.")


@pytest.mark.parametrize("query", ["status=onzin", "thema=abc", "sorteer=;drop", "stil=ja"])
def test_a_malformed_filter_shows_the_whole_list(query):
    response = client_for("coordinator.steenwijkerland").get(f"{PAGE}?{query}")
    assert response.status_code == 200
    assert len(response.context["rows"]) == 34


def test_a_list_sorted_across_themes_comes_in_pages():
    client = client_for("coordinator.steenwijkerland")
    first = client.get(PAGE, {"sorteer": "bijgewerkt"})
    second = client.get(PAGE, {"sorteer": "bijgewerkt", "pagina": "2"})
    one, two = first.context["page"].object_list, second.context["page"].object_list
    assert len(one) == 25 and len(two) == 9
    dates = [r.last_update.date if r.last_update else date.min for r in [*one, *two]]
    assert dates == sorted(dates)
    assert "pagina 1 van 2" in first.content.decode()


def test_above_a_hundred_actions_each_theme_is_a_link_to_its_own_list():
    theme = _plan().themes.first()
    for number in range(80):
        action_save(theme=theme, item=f"Extra actie {number}", parties=["Politie"])
    client = client_for("coordinator.steenwijkerland")
    page = client.get(PAGE)
    assert page.context["linked"]
    text = page.content.decode()
    assert f"?thema={theme.pk}#acties" in text
    assert "Extra actie 7" not in text  # the rows wait behind their theme's link
    chosen = client.get(PAGE, {"thema": theme.pk})
    assert not chosen.context["linked"]
    assert "Extra actie 7" in chosen.content.decode()


def test_a_partner_reading_every_action_sees_no_figures_of_others_reports():
    """Reports, percentages included, are for the action's people (planning.view_progress)."""
    theirs = _actions().exclude(party_links__party__name__iexact="Politie").first()
    progress_record(action=theirs, status="lopend", percent_done=37)
    partner = client_for("partner.steenwijkerland")
    response = partner.get(PAGE, {"alle": "1", "sorteer": "gereed"})
    assert not response.context["progress_open"]
    assert response.context["wanted"].sorteer == "plan"  # the sort would give them away
    assert "gereed" not in [value for value, _label in response.context["sorts"]]
    page = response.content.decode()
    assert "% gereed" not in page.split('id="acties"')[0]  # no plan-wide percentage
    row = next(r for r in _export_rows(partner) if r["Actie-id"] == str(theirs.pk))
    assert (row["% gereed"], row["Laatste voortgang"], row["Toelichting"]) == ("", "", "")
    own = client_for("coordinator.steenwijkerland").get(PAGE)
    assert own.context["progress_open"]


def test_a_report_without_a_percentage_keeps_the_last_one_everywhere():
    from ivp.planning.execution.dashboard import build

    action = _actions().get(item="Jeugdnetwerkoverleg")
    progress_record(action=action, status="lopend", percent_done=60)
    progress_record(action=action, status="vertraagd")
    row = next(
        r
        for r in client_for("coordinator.steenwijkerland").get(PAGE).context["rows"]
        if r.action.pk == action.pk
    )
    assert row.percent == 60
    board = next(b for b in build(_plan(), timezone.localdate()) if b.theme.pk == action.theme_id)
    theme_rows = [
        r
        for r in client_for("coordinator.steenwijkerland").get(PAGE).context["rows"]
        if r.action.theme_id == action.theme_id
    ]
    from ivp.planning.execution.action_list import progress_of

    assert board.progress == pytest.approx(progress_of(theme_rows, _plan().rollup_weight).percent)


def test_a_note_that_looks_like_a_formula_comes_back_unchanged():
    action = _actions().get(item="Jeugdnetwerkoverleg")
    coordinator = get_user_model().objects.get(username="coordinator.steenwijkerland")
    progress_record(
        action=action, status="lopend", percent_done=40, note="- overleg gehad", user=coordinator
    )
    client = client_for("coordinator.steenwijkerland")
    rows = _export_rows(client)
    assert (
        next(r for r in rows if r["Actie-id"] == str(action.pk))["Toelichting"]
        == "'- overleg gehad"
    )
    preview = _upload(client, rows)
    assert preview.context["changes"] == []


def test_two_rows_for_one_action_are_each_judged_against_the_row_before():
    client = client_for("coordinator.steenwijkerland")
    rows = _export_rows(client)
    target = next(r for r in rows if r["Status"] == "lopend")
    there_and_back = [{**target, "Status": "vertraagd"}, dict(target)]
    preview = _upload(client, there_and_back)
    assert [c.status for c in preview.context["changes"]] == ["vertraagd", "lopend"]
