"""The audit trail a coordinator sees: every change to their municipality's data, newest first."""

from dataclasses import dataclass
from datetime import datetime
from itertools import chain

from django.utils.translation import gettext as _

from ivp.regions.models import Municipality, Region
from ivp.taxonomy.models import MunicipalTheme

from .models import Membership

LIMIT = 200


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


ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def _histories_for(municipality: Municipality):
    region_ids = municipality.regions.values("id")
    yield Municipality.history.filter(id=municipality.id)
    yield MunicipalTheme.history.filter(municipality=municipality)
    yield Region.history.filter(id__in=region_ids)
    yield Membership.history.filter(municipality=municipality)


def audit_trail(municipality: Municipality, *, limit: int = LIMIT) -> list[AuditEntry]:
    records = sorted(
        chain.from_iterable(
            qs.select_related("history_user").order_by("-history_date")[:limit]
            for qs in _histories_for(municipality)
        ),
        key=lambda r: r.history_date,
        reverse=True,
    )[:limit]
    return [_entry(record) for record in records]


def _entry(record) -> AuditEntry:
    model = record.instance_type
    changes = []
    previous = record.prev_record
    if previous is not None:
        delta = record.diff_against(previous)
        for change in delta.changes:
            field = model._meta.get_field(change.field)
            changes.append(Change(str(field.verbose_name), _show(change.old), _show(change.new)))
    elif record.history_type == "+":
        for field in model._meta.concrete_fields:
            if field.name in ("id",):
                continue
            value = getattr(record, field.attname, None)
            if value not in (None, ""):
                changes.append(Change(str(field.verbose_name), "", _show(value)))
    user = record.history_user
    return AuditEntry(
        when=record.history_date,
        who=user.get_username() if user else _("system"),
        action=record.history_type,
        what=str(model._meta.verbose_name),
        object_name=str(record.history_object),
        changes=changes,
    )


def _show(value) -> str:
    if isinstance(value, list):  # many-to-many: a list of through-row dicts
        names = []
        for row in value:
            municipality_id = row.get("municipality") if isinstance(row, dict) else None
            names.append(str(municipality_id))
        ids = [int(n) for n in names if n.isdigit()]
        lookup = dict(Municipality.objects.filter(pk__in=ids).values_list("pk", "name"))
        return ", ".join(sorted(lookup.get(i, str(i)) for i in ids))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)
