"""The migration that gives each element's parties an order: existing links stay (in the order
they were shown, by name), and so does the history of an element's parties. It runs in a fresh
database of the kind the suite runs on (SQLite or PostgreSQL), migrated back to just before it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.service.test_backup import empty_database  # noqa: F401  (a fixture)

REPO = Path(__file__).resolve().parents[2]

OLD_DATABASE = """
import json
from datetime import datetime, timezone

import django

django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("planning", "0010_decision_unstated")
call_command("migrate", *BEFORE, verbosity=0)
apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
Region = apps.get_model("regions", "Region")
Municipality = apps.get_model("regions", "Municipality")
PolicyPlan = apps.get_model("planning", "PolicyPlan")
Priority = apps.get_model("planning", "Priority")
RegionalPriority = apps.get_model("planning", "RegionalPriority")
Party = apps.get_model("planning", "Party")
HistoricalRegionalPriority = apps.get_model("planning", "HistoricalRegionalPriority")
HistoricalLinks = apps.get_model("planning", "HistoricalRegionalPriority_parties")

province = Region.objects.create(code="pv-proef", name="Proefprovincie", kind="provincie")
municipality = Municipality.objects.create(
    code="GM9999", name="Proefdorp", sort_name="Proefdorp", cbs_name="Proefdorp", province=province
)
plan = PolicyPlan.objects.create(
    municipality=municipality, title="IVP", start_year=2027, end_year=2030
)
priority = Priority.objects.create(plan=plan, title="Ondermijning")
parties = {n: Party.objects.create(name=n) for n in ("Politie", "gemeente", "RIEC", "GGD")}
priority.parties.add(parties["RIEC"], parties["Politie"], parties["gemeente"])
shared = RegionalPriority.objects.create(
    region=province, title="Regionaal", start_year=2027, end_year=2030
)
shared.parties.add(parties["GGD"])
record = HistoricalRegionalPriority.objects.create(
    id=shared.pk, region_id=province.pk, title="Regionaal", start_year=2027, end_year=2030,
    order=0, lock_version=0, description="", history_type="+",
    history_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
)
HistoricalLinks.objects.create(
    id=1, history=record, regionalpriority_id=shared.pk, party_id=parties["GGD"].pk
)

call_command("migrate", verbosity=0)
from ivp.planning.models import Priority, RegionalPriority  # the models as they are now

priority = Priority.objects.get(pk=priority.pk)
shared = RegionalPriority.objects.get(pk=shared.pk)
kept = shared.history.get(history_id=record.pk)
print(json.dumps({
    "priority": priority.party_names,
    "orders": [link.order for link in priority.party_links.all()],
    "shared": shared.party_names,
    "history": [row.party_id == parties["GGD"].pk for row in kept.parties.all()],
}))
"""


@pytest.mark.slow
@pytest.mark.django_db
def test_the_migration_keeps_every_link_and_its_history(tmp_path, empty_database):  # noqa: F811
    env = {
        **os.environ,
        "DATABASE_URL": empty_database,
        "IVP_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "ivp.conf.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", OLD_DATABASE],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    migrated = json.loads(result.stdout.strip().splitlines()[-1])
    # shown by name before (case aside), so that is their order now
    assert migrated["priority"] == ["gemeente", "Politie", "RIEC"]
    assert migrated["orders"] == [0, 1, 2]
    assert migrated["shared"] == ["GGD"]
    assert migrated["history"] == [True]
