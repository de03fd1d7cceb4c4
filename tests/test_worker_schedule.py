"""The worker's weekly e-mail without cron: the reminder and the digest go out once per weekly
moment however often (or by however many workers) the schedule is asked, a schedule never run
sends when the worker starts, and the digest goes only to who wants it."""

import subprocess
import time
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from ivp.accounts.models import NotificationSettings
from ivp.common.schedule import Weekly
from ivp.planning.execution.models import ScheduledRun
from ivp.planning.execution.reminders import digests, send_weekly_mail
from ivp.planning.execution.services.comments import comment_post
from ivp.planning.models import Action
from tests.conftest import client_for
from tests.live_processes import IVP, environment, own_database, query, stop, wait


def _local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def test_the_weekly_moment_is_the_last_monday_seven_oclock_local_time():
    monday = Weekly.parse("mon 07:00")
    assert monday.last_due(_local(2026, 12, 7, 7, 0)) == _local(2026, 12, 7, 7, 0)
    assert monday.last_due(_local(2026, 12, 7, 6, 59)) == _local(2026, 11, 30, 7, 0)
    assert monday.last_due(_local(2026, 12, 6, 23, 0)) == _local(2026, 11, 30, 7, 0)
    assert Weekly.parse("Friday 16:30").last_due(_local(2026, 12, 7, 9)) == _local(
        2026, 12, 4, 16, 30
    )
    with pytest.raises(ValueError):
        Weekly.parse("maandag 7 uur")


def _batch():
    return sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox)


@pytest.mark.django_db
def test_two_ticks_send_one_batch_and_the_next_week_another(settings):
    settings.IVP_WEEKLY_MAIL = "mon 07:00"
    now = timezone.now()
    assert sorted(send_weekly_mail(now)) == ["weekly-digest", "weekly-reminders"]
    first = _batch()
    recipients = {to for to, _subject in first}
    assert "coordinator.steenwijkerland@example.org" in recipients  # stale actions, and digest
    assert "partner.steenwijkerland@example.org" in recipients  # the police's stale actions
    assert send_weekly_mail(now + timedelta(minutes=1)) == []
    assert _batch() == first  # the second tick sent nothing
    assert ScheduledRun.objects.count() == 2
    next_week = Weekly.parse("mon 07:00").last_due(now) + timedelta(weeks=1, minutes=1)
    assert len(send_weekly_mail(next_week)) == 2
    assert len(mail.outbox) == 2 * len(first)


@pytest.mark.django_db
def test_the_digest_goes_to_who_wants_it_with_the_weeks_comments():
    users = get_user_model().objects
    coordinator = users.get(username="coordinator.steenwijkerland")
    partner = users.get(username="partner.steenwijkerland")
    action = Action.objects.get(
        theme__action_plan__municipality__code="GM1708",
        theme__action_plan__start_year=2026,
        item="Toezicht en handhaving",
    )
    comment_post(action=action, user=coordinator, text="Graag een update voor de raad.")
    now = timezone.now() + timedelta(seconds=1)
    by_default = {d.username for d in digests(now)}
    assert "coordinator.steenwijkerland" in by_default  # on for coordinators
    assert "partner.steenwijkerland" not in by_default  # off for others

    NotificationSettings.objects.create(user=partner, weekly_digest=True)
    NotificationSettings.objects.create(user=coordinator, weekly_digest=False)
    chosen = {d.username: d for d in digests(now)}
    assert "coordinator.steenwijkerland" not in chosen
    part = chosen["partner.steenwijkerland"].parts[0]
    assert part.municipality == "Steenwijkerland"
    assert part.news.items[0].text == "Graag een update voor de raad."  # the newest first
    assert part.stale  # the police's stale actions too

    send_weekly_mail(now)
    digest = next(m for m in mail.outbox if m.to == ["partner.steenwijkerland@example.org"]
                  and "Graag een update" in m.body)  # fmt: skip
    assert "Toezicht en handhaving" in digest.body and "Gemeente Steenwijkerland" in digest.body
    stale_action = part.stale[0].action
    assert f"/uitvoeringsplan/2026/acties/{stale_action.pk}/voortgang/" in digest.body


@pytest.mark.django_db
def test_the_profile_page_turns_the_weekly_summary_on_and_off():
    client = client_for("partner.steenwijkerland")
    page = client.get("/account/").content.decode()
    assert (
        'name="weekly_digest"' in page
        and "checked" not in page.split('name="weekly_digest"')[1][:80]
    )
    response = client.post("/account/", {"weekly_digest": "on"})
    assert response.status_code == 302
    partner = get_user_model().objects.get(username="partner.steenwijkerland")
    assert partner.notification_settings.weekly_digest is True
    client.post("/account/", {})
    partner.notification_settings.refresh_from_db()
    assert partner.notification_settings.weekly_digest is False


@pytest.mark.slow
def test_a_started_worker_sends_the_reminder_once_without_cron(tmp_path, run_folder):
    """A demo database whose schedule never ran: the worker's console shows the reminder at
    its start; a restarted worker sends nothing again that week."""
    with own_database(tmp_path, "demo", shared=run_folder) as database:
        env = environment(tmp_path, database, EMAIL_URL="consolemail://")
        env["LOG_LEVEL"] = "INFO"  # the worker says when it sent the week's e-mail
        console = tmp_path / "first.txt"
        first = _worker(env, console)
        try:
            wait(lambda: "Weekly e-mail sent" in console.read_text(), 120, "the weekly e-mail")
        finally:
            stop(first)
        shown = console.read_text()
        assert "To: coordinator.steenwijkerland@example.org" in shown
        assert "wachten op een update" in shown or "wait for an update" in shown
        runs = query(database, "SELECT name FROM planning_scheduledrun ORDER BY name")
        assert runs == [("weekly-digest",), ("weekly-reminders",)]

        again = tmp_path / "second.txt"
        second = _worker(env, again)
        try:
            time.sleep(5)  # its first tick is at once
        finally:
            stop(second)
        assert "To:" not in again.read_text()


def _worker(env, output):
    with output.open("w") as out:
        return subprocess.Popen(
            [IVP, "worker", "--no-startup-delay", "--interval", "0.2"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
