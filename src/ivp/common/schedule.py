"""The worker's weekly schedule, without cron: a job is due at its weekly moment (local time),
and a record in the database says which moment was taken last, so that several workers, or
one restarted, run each week's job once. A job never run is due at once: a new installation
(the demo) sends its first batch when the worker starts.

A job is taken before it runs: should it fail halfway, it waits for the next week rather than
sending half a batch twice."""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MOMENT = re.compile(r"^\s*([a-z]{3})\w*\s+(\d{1,2}):(\d{2})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Weekly:
    weekday: int  # Monday is 0
    at: time

    @classmethod
    def parse(cls, text: str) -> "Weekly":
        """ "mon 07:00", "Monday 7:00": a weekday in English and a local time."""
        found = _MOMENT.match(text)
        if not found or found[1].lower() not in WEEKDAYS:
            raise ValueError(f"not a weekly moment (e.g. mon 07:00): {text!r}")
        return cls(WEEKDAYS.index(found[1].lower()), time(int(found[2]), int(found[3])))

    def last_due(self, now: datetime) -> datetime:
        """The latest weekly moment at or before `now`, in the current (local) time zone."""
        local = timezone.localtime(now)
        day = local.date() - timedelta(days=(local.weekday() - self.weekday) % 7)
        moment = timezone.make_aware(datetime.combine(day, self.at))
        return moment if moment <= local else moment - timedelta(weeks=1)


def take(record_model, name: str, due: datetime, now: datetime) -> bool:
    """True for exactly one caller per `due` moment of the job `name` (a record with `name`,
    `last_due` and `ran_at`): a conditional update, or the first record of a job never run."""
    taken = record_model.objects.filter(name=name, last_due__lt=due).update(
        last_due=due, ran_at=now
    )
    if taken:
        return True
    if record_model.objects.filter(name=name).exists():
        return False
    try:
        with transaction.atomic():
            record_model.objects.create(name=name, last_due=due, ran_at=now)
    except IntegrityError:  # another worker made it first
        return False
    return True


def run_due(record_model, jobs: dict, weekly: Weekly, now: datetime | None = None) -> list[str]:
    """Run each job (name → callable taking `now`) whose weekly moment has come and was not
    taken yet; the names of those run here."""
    now = now or timezone.now()
    due = weekly.last_due(now)
    ran = []
    for name, job in jobs.items():
        if take(record_model, name, due, now):
            job(now)
            ran.append(name)
    return ran
