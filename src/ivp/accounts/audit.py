"""The audit trail a coordinator sees: every change to their municipality's data, newest first.

Each app shares its part through `ivp.common.audit_registry` (registered in its
`AppConfig.ready()`); this module reads the registry and imports no app above accounts.
Accounts' own part is the municipality's memberships and invitations.
"""

from django.utils.translation import gettext as _

from ivp.common.audit_registry import AuditEntry, Change, entries_for, histories_for
from ivp.regions.models import Municipality

from .models import ApiKey, Invitation, Membership

LIMIT = 200


def account_histories(municipality: Municipality):
    yield Membership.history.filter(municipality=municipality)
    yield Invitation.history.filter(municipality=municipality)
    # API keys made and revoked by the people working for it (they act with their rights here)
    yield ApiKey.history.filter(user__memberships__municipality=municipality).distinct()


def audit_trail(municipality: Municipality, *, limit: int = LIMIT) -> list[AuditEntry]:
    """A fixed number of queries per kind of record, however long the trail (no N+1)."""
    entries = []
    for history in histories_for(municipality):
        records = list(_with_relations(history).order_by("-history_date")[:limit])
        previous = _previous_records(history.model, records)
        entries += [_entry(record, previous.get(record.history_id)) for record in records]
    entries += entries_for(municipality)
    return sorted(entries, key=lambda e: e.when, reverse=True)[:limit]


def _with_relations(history):
    return history.select_related(*[f.name for f in history.model._meta.fields if f.is_relation])


def _previous_records(history_model, records) -> dict:
    """history_id → the record before it of the same object, from one query."""
    ids = {r.id for r in records}
    ordered = _with_relations(history_model.objects.filter(id__in=ids)).order_by(
        "id", "history_date", "history_id"
    )
    previous, last_of = {}, {}
    for record in ordered:
        if record.id in last_of:
            previous[record.history_id] = last_of[record.id]
        last_of[record.id] = record
    return previous


def _instance(record):
    """The object as it was, with related objects taken from the record (no extra queries)."""
    instance = record.instance
    for field in record.instance_type._meta.concrete_fields:
        if field.is_relation and field.is_cached(record):
            field.set_cached_value(instance, field.get_cached_value(record))
    return instance


def _entry(record, previous) -> AuditEntry:
    model = record.instance_type
    changes = []
    if previous is not None:
        # many-to-many fields (parties, frameworks) would cost a query per record here
        many = [f.name for f in model._meta.many_to_many]
        for change in record.diff_against(previous, excluded_fields=many).changes:
            field = model._meta.get_field(change.field)
            changes.append(Change(str(field.verbose_name), _show(change.old), _show(change.new)))
    elif record.history_type == "+":
        for field in model._meta.concrete_fields:
            if field.name == "id":
                continue
            value = getattr(record, field.name if field.is_relation else field.attname, None)
            if value not in (None, ""):
                changes.append(Change(str(field.verbose_name), "", _show(value)))
    reason = getattr(record, "history_change_reason", None)
    if reason:  # e.g. what cleaning removed from a house-style template
        changes.append(Change(_("note"), "", reason))
    user = record.history_user
    return AuditEntry(
        when=record.history_date,
        who=user.get_username() if user else _("system"),
        action=record.history_type,
        what=str(model._meta.verbose_name),
        object_name=str(_instance(record)),
        changes=changes,
    )


def _show(value) -> str:
    if isinstance(value, list):  # many-to-many: a list of through-row dicts
        names = []
        for row in value:
            municipality_id = row.get("municipality") if isinstance(row, dict) else None
            names.append(str(municipality_id))
        ids = [int(n) for n in names if n.isascii() and n.isdigit()]
        lookup = dict(Municipality.objects.filter(pk__in=ids).values_list("pk", "name"))
        return ", ".join(sorted(lookup.get(i, str(i)) for i in ids))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)
