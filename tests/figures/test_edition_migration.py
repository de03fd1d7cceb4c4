"""The migration that turns stored free-text editions into normalised ones.

The conversion itself is a function; the whole migration runs in a fresh database of the kind the
suite runs on, migrated to just before it and given the odd values people typed before.
"""

import importlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.service.test_backup import empty_database  # noqa: F401  (a fixture)

MIGRATION = importlib.import_module("ivp.figures.migrations.0003_editions_as_dates")
REPO = Path(__file__).resolve().parents[2]
IMPORTED = date(2025, 11, 2)


@pytest.mark.parametrize(
    ("stored", "converted"),
    [
        ("2026", ("2026", True)),
        ("2025-9", ("2025-09", True)),
        ("2025-12-15", ("2025-12-15", True)),
        ("2 december 2026", ("2026-12-02", True)),
        ("dec 2025", ("2025-12", True)),
        # Not an edition: the default, the day it was imported.
        ("herzien", ("2025-11-02", False)),
        ("", ("2025-11-02", False)),
        ("2025-13", ("2025-11-02", False)),
        ("2025 Q3", ("2025-11-02", False)),
    ],
)
def test_a_stored_edition_is_normalised_or_becomes_its_day_of_import(stored, converted):
    assert MIGRATION.converted_edition(stored, imported_on=IMPORTED) == converted


OLD_DATABASE = """
import json
from datetime import date

import django

django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("figures", "0002_one_import_of_a_file_at_a_time")
call_command("migrate", *BEFORE, verbosity=0)
apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
Source = apps.get_model("figures", "Source")
Observation = apps.get_model("figures", "Observation")
Indicator = apps.get_model("figures", "Indicator")
FiguresUpload = apps.get_model("figures", "FiguresUpload")
indicator = Indicator.objects.create(code="misdrijven-totaal", name="Totaal", kind="misdrijven")
STORED = [  # label, edition, synthetic, retrieved, title
    ("zero-padded", "2025-09", False, "2025-10-01", "t"),
    ("same month", "2025-9", False, "2025-10-02", "t"),
    ("same month, other table", "2025-9", False, "2025-10-02", "other"),
    ("label", "herzien", False, "2025-11-02", "t"),
    ("empty, never retrieved", "", False, None, "t"),
    ("year", "2026", False, "2026-01-05", "t"),
    ("same year, synthetic", "2026 ", True, "2026-01-06", "t"),
    ("words", "2 december 2026", False, "2026-12-03", "t"),
]
for year, (label, edition, synthetic, retrieved, title) in enumerate(STORED, start=2010):
    source = Source.objects.create(
        publisher="Politie",
        table_id="47013NED",
        title=title,
        edition=edition,
        synthetic=synthetic,
        retrieved=retrieved and date.fromisoformat(retrieved),
        licence=label,  # to find the row again afterwards
    )
    Observation.objects.create(
        indicator=indicator, area_code="GM1708", period=str(year), year=year, value=1,
        source=source,
    )
FiguresUpload.objects.create(file_name="a.csv", content=b"", edition="2025-9")
FiguresUpload.objects.create(file_name="b.csv", content=b"", edition="najaar 2025")

call_command("migrate", verbosity=0)
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT s.licence, s.edition, COUNT(o.id) FROM figures_source s "
        "LEFT JOIN figures_observation o ON o.source_id = s.id GROUP BY s.id, s.licence, s.edition"
    )
    sources = {label: [edition, count] for label, edition, count in cursor.fetchall()}
    cursor.execute("SELECT file_name, edition FROM figures_figuresupload ORDER BY file_name")
    uploads = dict(cursor.fetchall())
    cursor.execute("SELECT notes FROM regions_importrun WHERE file_name = 'migratie edities'")
    notes = [row[0] for row in cursor.fetchall()]
print(json.dumps({"sources": sources, "uploads": uploads, "notes": notes}))
"""


@pytest.mark.slow
@pytest.mark.django_db
def test_the_migration_converts_what_is_stored(tmp_path, empty_database):  # noqa: F811
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
    converted = json.loads(result.stdout.strip().splitlines()[-1])
    today = date.today().isoformat()
    assert converted["sources"] == {
        # '2025-9' is the same edition as '2025-09': one source with both observations.
        "zero-padded": ["2025-09", 2],
        "same month, other table": ["2025-09", 1],
        "label": ["2025-11-02", 1],
        "empty, never retrieved": [today, 1],
        "year": ["2026", 1],
        # Real and synthetic never share an edition: the synthetic one takes the next day.
        "same year, synthetic": ["2026-01-02", 1],
        "words": ["2026-12-02", 1],
    }
    assert converted["uploads"] == {"a.csv": "2025-09", "b.csv": "najaar 2025"}
    [notes] = converted["notes"]
    assert "Politie 47013NED: editie “herzien” is geen datum; nu 2025-11-02" in notes
    assert "editie “2025-9” is dezelfde als 2025-09; samengevoegd." in notes
