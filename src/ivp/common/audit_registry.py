"""Each app's share of a municipality's audit trail, registered in the app's `AppConfig.ready()`.

The trail (`ivp.accounts.audit`) asks this registry instead of importing the apps whose changes
it shows, so no app has to sit below accounts to be in it. An app shares either:
- histories: querysets of django-simple-history records for one municipality, which the trail
  compares with the record before; or
- entries: changes the app keeps in its own way (population figures a later import replaced),
  already as `AuditEntry`.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    when: datetime
    who: str
    action: str
    what: str
    object_name: str
    changes: list[Change]


HistorySource = Callable[..., Iterable[QuerySet]]
EntrySource = Callable[..., Iterable[AuditEntry]]

_history_sources: list[HistorySource] = []
_entry_sources: list[EntrySource] = []


def register_histories(source: HistorySource) -> None:
    """`source(municipality)` yields history querysets; registering twice counts once
    (Django may call `ready()` more than once)."""
    if source not in _history_sources:
        _history_sources.append(source)


def register_entries(source: EntrySource) -> None:
    """`source(municipality)` returns ready-made entries; registering twice counts once."""
    if source not in _entry_sources:
        _entry_sources.append(source)


def histories_for(municipality) -> Iterator[QuerySet]:
    for source in _history_sources:
        yield from source(municipality)


def entries_for(municipality) -> list[AuditEntry]:
    return [entry for source in _entry_sources for entry in source(municipality)]
