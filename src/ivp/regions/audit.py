"""Regions' share of a municipality's audit trail: the municipality, the regions it is in, and
population figures a later import replaced."""

from django.utils.translation import gettext as _

from ivp.common.audit_registry import AuditEntry, Change

from .models import ImportRun, Municipality, Region


def region_histories(municipality: Municipality):
    yield Municipality.history.filter(id=municipality.id)
    yield Region.history.filter(id__in=municipality.regions.values("id"))


def population_changes(municipality: Municipality) -> list[AuditEntry]:
    """Population figures a later import replaced, with the old and the new value."""
    entries = []
    runs = ImportRun.objects.filter(kind="bevolking").exclude(changes=[]).select_related("user")
    for run in runs:
        for change in run.changes:
            if change["code"] == municipality.code:
                entries.append(
                    AuditEntry(
                        when=run.started_at,
                        who=run.user.get_username() if run.user else _("system"),
                        action="~",
                        what=_("population"),
                        object_name=f"{municipality.name} {change['year']} ({run.file_name})",
                        changes=[Change(_("inhabitants"), str(change["old"]), str(change["new"]))],
                    )
                )
    return entries
