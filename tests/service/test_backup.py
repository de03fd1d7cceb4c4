"""`ivp backup` and `ivp restore`: a restore into an empty database finds every row again.

The backup is made from the test database (the national data and the demo, see conftest); the
restore runs as `ivp migrate` + `ivp restore` in a new database of the same kind (a SQLite file,
or a database on the PostgreSQL server the suite runs against), copied from one migrated once
per run.
"""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from ivp.figures.models import Observation
from ivp.planning.models import Action
from ivp.web.backup import backup_models, model_fingerprint
from tests.live_processes import own_database

REPO = Path(__file__).resolve().parents[2]

FINGERPRINTS = """
import json, django
django.setup()
from ivp.web.backup import backup_models, model_fingerprint
from tests.live_processes import own_database
print(json.dumps({
    m._meta.label: [m._base_manager.count(), model_fingerprint(m).sha256] for m in backup_models()
}))
"""


def _ivp(*args, env):
    result = subprocess.run(
        [sys.executable, "-m", "ivp.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def empty_database(tmp_path, run_folder):
    """The DATABASE_URL of a new database of the kind the suite runs on, migrated and without
    rows of ours: a copy of the one made once per run (tests/live_processes.py)."""
    with own_database(tmp_path, "migrated", shared=run_folder) as url:
        yield url


def _more_kinds_of_rows(user_named):
    """Rows whose references a restore must translate: permissions, content types, users."""
    group = Group.objects.create(name="Back-uptest")
    group.permissions.add(*Permission.objects.filter(codename__startswith="view_")[:5])
    user = user_named("coordinator.westerveld")
    user.groups.add(group)
    LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Action),
        object_id="1",
        object_repr="Een actie met é en “aanhalingstekens”",
        action_flag=ADDITION,
    )


@pytest.mark.slow
@pytest.mark.django_db
def test_restore_into_an_empty_database_finds_every_row_and_file_again(
    tmp_path, settings, user_named, empty_database
):
    _more_kinds_of_rows(user_named)
    media = tmp_path / "source" / "media"
    (media / "uploads").mkdir(parents=True)
    (media / "uploads" / "cijfers.csv").write_bytes(b"periode;waarde\n2024;12\n")
    settings.MEDIA_ROOT = media
    archive = tmp_path / "ivp-backup.zip"

    call_command("backup", str(archive))

    source = {
        model._meta.label: [model._base_manager.count(), model_fingerprint(model).sha256]
        for model in backup_models()
    }
    assert source["figures.Observation"][0] == Observation.objects.count() > 1000
    assert source["auth.Group"][0] >= 1

    target_var = tmp_path / "target"
    env = {
        **os.environ,
        "DATABASE_URL": empty_database,
        "IVP_VAR_DIR": str(target_var),
        "IVP_LOG_FORMAT": "text",
    }
    _ivp("migrate", "--no-input", "-v", "0", env=env)
    output = _ivp("restore", str(archive), env=env)
    assert "gecontroleerd" in output

    fingerprints = subprocess.run(
        [sys.executable, "-c", FINGERPRINTS],
        capture_output=True,
        text=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "ivp.conf.settings"},
        cwd=REPO,
        check=True,
    )
    restored = json.loads(fingerprints.stdout)
    differing = {
        label: (source[label], restored.get(label))
        for label in source
        if source[label] != restored.get(label)
    }
    assert differing == {}
    assert (target_var / "media" / "uploads" / "cijfers.csv").read_bytes() == (
        b"periode;waarde\n2024;12\n"
    )
    # New rows after a restore get new ids (PostgreSQL's sequences were moved on).
    _ivp(
        "shell",
        "-c",
        "from django.contrib.auth.models import Group; Group.objects.create(name='Nieuw')",
        env=env,
    )


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "ivp-backup.zip"
    call_command("backup", str(archive))

    with pytest.raises(CommandError, match=r"De database is niet leeg: \S+ bevat \d+ rijen"):
        call_command("restore", str(archive))


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_no_backup(tmp_path):
    not_a_backup = tmp_path / "foto.zip"
    with zipfile.ZipFile(not_a_backup, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8")

    with pytest.raises(CommandError, match=r"foto\.zip is geen back-up van ivp"):
        call_command("restore", str(not_a_backup))


@pytest.mark.django_db
def test_backup_will_not_overwrite_a_file(tmp_path):
    existing = tmp_path / "oud.zip"
    existing.write_bytes(b"iets")

    with pytest.raises(CommandError, match="bestaat al"):
        call_command("backup", str(existing))
    assert existing.read_bytes() == b"iets"
