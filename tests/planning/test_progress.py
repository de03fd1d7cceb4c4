"""Progress on actions: partners touch only their party's actions, bulk uploads are checked
whole, stale actions are flagged and reminded."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from ivp.common.importing import ImportFileError
from ivp.planning.execution import stale
from ivp.planning.execution.services.progress import progress_import, progress_record
from ivp.planning.models import Action, ActionPlan, ProgressUpdate
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PLAN = "/gemeenten/GM1708/uitvoeringsplan/2026/"


def _plan():
    return ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)


def _action(item):
    return Action.objects.get(theme__action_plan=_plan(), item=item)


def test_a_partner_reports_progress_on_an_action_of_its_party():
    action = _action("Toezicht en handhaving")  # Politie
    client = client_for("partner.steenwijkerland")
    page = client.get(PLAN).content.decode()
    assert f"{PLAN}acties/{action.pk}/voortgang/" in page
    response = client.post(
        f"{PLAN}acties/{action.pk}/voortgang/",
        {"status": "lopend", "percent_done": "80", "on": timezone.localdate().isoformat(),
         "note": "Vier controles gehouden.", "lock_version": action.lock_version},
    )  # fmt: skip
    assert response.status_code == 302
    update = action.updates.first()
    assert (update.status, update.percent_done, update.user.username) == (
        "lopend", 80, "partner.steenwijkerland"
    )  # fmt: skip


def test_a_partner_cannot_touch_an_action_without_its_party():
    action = _action("Borging Bibob-proces")  # Gemeente only
    client = client_for("partner.steenwijkerland")
    page = client.get(PLAN).content.decode()
    assert f"{PLAN}acties/{action.pk}/voortgang/" not in page
    before = ProgressUpdate.objects.count()
    response = client.post(
        f"{PLAN}acties/{action.pk}/voortgang/",
        {"status": "afgerond", "on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 403
    assert ProgressUpdate.objects.count() == before
    # nor another municipality's partner on the same party name
    other = client_for("partner.westerveld").post(
        f"{PLAN}acties/{_action('Toezicht en handhaving').pk}/voortgang/",
        {"status": "afgerond", "on": timezone.localdate().isoformat()},
    )
    assert other.status_code == 403


def test_progress_refuses_a_future_date_and_a_bad_percentage():
    action = _action("Toezicht en handhaving")
    with pytest.raises(ValidationError):
        progress_record(action=action, status="lopend", on=timezone.localdate() + timedelta(days=2))
    with pytest.raises(ValidationError):
        progress_record(action=action, status="lopend", percent_done=120)
    with pytest.raises(ValidationError):
        progress_record(action=action, status="klaar")


def _upload(text: str, user="coordinator.steenwijkerland", name="voortgang.csv"):
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = get_user_model().objects.get(username=user)
    return progress_import(
        action_plan=_plan(),
        file_name=name,
        raw=text.encode("utf-8"),
        user=request.user,
        may_update=lambda action: request.user.has_perm("planning.update_progress", action),
    )


def test_bulk_upload_updates_every_row():
    count = _upload(
        "actie-id;actie;status;percentage;toelichting;datum\n"
        ";Toezicht en handhaving;lopend;75%;Op schema;01-11-2026\n"
        f"{_action('Buurtbemiddeling').pk};;Afgerond;100;;\n"
    )
    assert count == 2
    assert _action("Buurtbemiddeling").status == "afgerond"
    update = _action("Toezicht en handhaving").updates.get(note="Op schema")
    assert (update.date, update.percent_done, update.status) == (date(2026, 11, 1), 75, "lopend")


def test_bulk_upload_with_bad_rows_names_each_and_writes_nothing():
    before = ProgressUpdate.objects.count()
    with pytest.raises(ImportFileError) as refused:
        _upload(
            "actie;status;percentage\n"
            "Toezicht en handhaving;lopend;50\n"
            "Bestaat niet;lopend;10\n"
            "Buurtbemiddeling;klaar;10\n"
            "Jaarwisseling;lopend;veel\n"
        )
    assert [str(p) for p in refused.value.problems] == [
        "voortgang.csv, rij 3, kolom “actie”: geen actie „Bestaat niet” in "
        "Uitvoeringsplan integrale veiligheid 2026.",
        "voortgang.csv, rij 4, kolom “status”: „klaar” is geen status; gebruik gepland, lopend, "
        "afgerond, vertraagd of geschrapt.",
        "voortgang.csv, rij 5, kolom “percentage”: Het percentage gereed is een heel getal van 0 "
        "tot 100.",
    ]
    assert ProgressUpdate.objects.count() == before


def test_a_partner_uploading_for_another_partys_action_is_refused():
    with pytest.raises(ImportFileError, match="geen partij"):
        _upload("actie;status\nBorging Bibob-proces;afgerond\n", user="partner.steenwijkerland")


def test_stale_actions_are_open_and_overdue_or_silent():
    plan = _plan()
    today = date(2026, 11, 23)
    items = stale.stale_actions(Action.objects.filter(theme__action_plan=plan), today)
    by_item = {s.action.item: s for s in items}
    # the demo's Q3 action still running in November: its period passed
    assert by_item["Strategisch communicatieplan ondermijning"].overdue
    # done or dropped actions are never stale
    assert "Weerbaarheidsdagen ondermijning" not in by_item
    assert "VR-brillen mensenhandel" not in by_item
    assert set(stale.by_party(items)) >= {"Gemeente", "RIEC"}


def test_reminders_go_to_the_coordinator_and_the_partner_of_the_party(settings):
    settings.IVP_SITE_URL = "http://ivp.test"
    mail.outbox.clear()
    call_command("reminders", "--gemeente", "GM1708")
    to = {message.to[0]: message for message in mail.outbox}
    assert set(to) >= {"coordinator.steenwijkerland@example.org"}
    coordinator = to["coordinator.steenwijkerland@example.org"]
    assert "Strategisch communicatieplan ondermijning" in coordinator.body
    assert "http://ivp.test/gemeenten/GM1708/uitvoeringsplan/2026/acties/" in coordinator.body
    partner = to["partner.steenwijkerland@example.org"]  # Politie: only its own stale actions
    assert "Samenwerking in de donkere dagen" in partner.body
    assert "Strategisch communicatieplan ondermijning" not in partner.body


def test_a_partner_lands_on_its_own_actions_and_may_read_the_others():
    client = client_for("partner.steenwijkerland")
    mine = client.get(PLAN).content.decode()
    assert "U ziet de acties waarbij uw organisatie (Politie) partij is." in mine
    assert "Toezicht en handhaving" in mine and "Borging Bibob-proces" not in mine
    everything = client.get(PLAN + "?alle=1").content.decode()
    assert "Borging Bibob-proces" in everything
    assert f"{PLAN}acties/{_action('Borging Bibob-proces').pk}/voortgang/" not in everything


def test_a_bare_number_is_an_item_not_a_database_id():
    """A number in the item column is looked up as an item, never as an id."""
    number = _action("Buurtbemiddeling").pk
    with pytest.raises(ImportFileError, match=f"geen actie „{number}”"):
        _upload(f"actie;status\n{number};afgerond\n")
    assert _action("Buurtbemiddeling").status != "afgerond"


def test_an_item_two_actions_share_is_refused_with_both_named():
    from ivp.planning.execution.services.actions import action_save

    theme = _plan().themes.last()
    twin = action_save(theme=theme, item="Toezicht en handhaving", planning_text="Q4")
    original = Action.objects.exclude(pk=twin.pk).get(
        item="Toezicht en handhaving", theme__action_plan=_plan()
    )
    with pytest.raises(ImportFileError) as refused:
        _upload("item;status\nToezicht en handhaving;afgerond\n")
    message = str(refused.value)
    assert f"id {original.pk}" in message and f"id {twin.pk}" in message
    assert "actie-id" in message
    assert not ProgressUpdate.objects.filter(action__in=[original, twin], status="afgerond")


def test_an_id_whose_item_differs_from_the_row_is_refused():
    action = _action("Buurtbemiddeling")
    with pytest.raises(ImportFileError, match="is „Buurtbemiddeling”"):
        _upload(f"actie-id;item;status\n{action.pk};Toezicht en handhaving;afgerond\n")


def test_without_a_percentage_column_the_last_percentage_stays():
    action = _action("Toezicht en handhaving")
    progress_record(action=action, status="lopend", percent_done=60)
    _upload("item;status;toelichting\nToezicht en handhaving;vertraagd;Later\n")
    latest = action.updates.order_by("-pk").first()
    assert (latest.status, latest.percent_done, latest.note) == ("vertraagd", 60, "Later")


def _page_upload(client, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("voortgang.csv", text.encode(), content_type="text/csv")
    return client.post(PLAN + "voortgang-uploaden/", {"file": upload})


def test_the_page_shows_what_changes_and_saves_only_on_confirmation():
    client = client_for("partner.steenwijkerland")
    action = _action("Toezicht en handhaving")
    before = action.updates.count()
    preview = _page_upload(client, "item;status;percentage\nToezicht en handhaving;afgerond;100\n")
    page = preview.content.decode()
    assert preview.status_code == 200 and "Controleer de voortgang" in page
    assert "<strong>afgerond</strong>" in page and "<strong>100%</strong>" in page
    assert action.updates.count() == before  # nothing saved yet
    token = page.split('name="preview" value="')[1].split('"')[0]
    cancelled = client.post(PLAN + "voortgang-uploaden/", {"preview": token, "confirm": "nee"})
    assert cancelled.status_code == 302 and action.updates.count() == before
    # A cancelled preview cannot be confirmed afterwards.
    again = client.post(PLAN + "voortgang-uploaden/", {"preview": token, "confirm": "ja"})
    assert again.status_code == 302 and action.updates.count() == before
    preview = _page_upload(client, "item;status;percentage\nToezicht en handhaving;afgerond;100\n")
    token = preview.content.decode().split('name="preview" value="')[1].split('"')[0]
    saved = client.post(PLAN + "voortgang-uploaden/", {"preview": token, "confirm": "ja"})
    assert saved.status_code == 302
    assert action.updates.count() == before + 1
    assert _action("Toezicht en handhaving").status == "afgerond"


def test_a_change_between_preview_and_confirmation_is_not_overwritten():
    client = client_for("partner.steenwijkerland")
    preview = _page_upload(client, "item;status\nToezicht en handhaving;afgerond\n")
    token = preview.content.decode().split('name="preview" value="')[1].split('"')[0]
    progress_record(action=_action("Toezicht en handhaving"), status="vertraagd")
    refused = client.post(
        PLAN + "voortgang-uploaden/", {"preview": token, "confirm": "ja"}, follow=True
    )
    assert "door iemand anders gewijzigd" in refused.content.decode()
    assert _action("Toezicht en handhaving").status == "vertraagd"


def test_someone_elses_preview_cannot_be_confirmed():
    preview = _page_upload(
        client_for("partner.steenwijkerland"), "item;status\nToezicht en handhaving;afgerond\n"
    )
    token = preview.content.decode().split('name="preview" value="')[1].split('"')[0]
    other = client_for("coordinator.steenwijkerland")
    other.post(PLAN + "voortgang-uploaden/", {"preview": token, "confirm": "ja"})
    assert _action("Toezicht en handhaving").status != "afgerond"


def test_a_file_that_no_longer_fits_when_confirmed_saves_nothing_and_says_why():
    client = client_for("partner.steenwijkerland")
    preview = _page_upload(client, "item;status\nToezicht en handhaving;afgerond\n")
    token = preview.content.decode().split('name="preview" value="')[1].split('"')[0]
    Action.objects.filter(pk=_action("Toezicht en handhaving").pk).update(item="Toezicht")
    before = ProgressUpdate.objects.count()
    page = client.post(
        PLAN + "voortgang-uploaden/", {"preview": token, "confirm": "ja"}, follow=True
    ).content.decode()
    assert "geen actie „Toezicht en handhaving”" in page
    assert ProgressUpdate.objects.count() == before
