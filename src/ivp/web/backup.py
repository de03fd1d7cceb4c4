"""`ivp backup` / `ivp restore`: the whole installation in one ZIP file, on any database.

The archive holds
- `data.jsonl`: every row of every model (Django's JSON-lines serialisation, with natural keys
  for references to content types, permissions and users, whose ids differ between databases),
  models in dependency order and rows in key order, streamed in chunks: a table of millions of
  observations never sits in memory;
- `media/…`: the media folder (MEDIA_ROOT);
- `manifest.json`: format version, applied migrations, and per model the row count and a
  SHA-256 of its lines, which a restore checks against what it wrote.

Left out: content types, permissions (migrate makes them) and sessions (everyone logs in again).
A restore goes into an empty database migrated to the same state; it writes the rows in
batches in one transaction, as they were (no save() side effects: no history rows, no
auto_now), and sets PostgreSQL's sequences after the highest id.
"""

import datetime
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.db import connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT_VERSION = 1
DATA = "data.jsonl"
MANIFEST = "manifest.json"
MEDIA = "media/"
CHUNK = 2000
# Made by migrate itself, or not worth keeping.
LEFT_OUT_APPS = {"contenttypes", "sessions"}
LEFT_OUT_MODELS = {"auth.permission"}


class BackupError(Exception):
    """A Dutch message for the person running the command."""


@dataclass(frozen=True)
class Fingerprint:
    rows: int
    sha256: str


def backup_models() -> list[type[models.Model]]:
    """The models whose rows a backup holds, each after the models it refers to by natural key."""
    app_list = {
        app_config: None
        for app_config in apps.get_app_configs()
        if app_config.label not in LEFT_OUT_APPS and app_config.models_module is not None
    }
    return [
        model
        for model in serializers.sort_dependencies(app_list.items(), allow_cycles=True)
        if model._meta.label_lower not in LEFT_OUT_MODELS
        and model._meta.managed
        and not model._meta.proxy
    ]


class _CountingHasher(io.TextIOBase):
    """Passes text on to `target` (if any) and keeps a SHA-256 and a line count of it."""

    def __init__(self, target=None):
        self.target = target
        self.hash = hashlib.sha256()
        self.lines = 0

    def write(self, text: str) -> int:
        self.hash.update(text.encode())
        self.lines += text.count("\n")
        if self.target is not None:
            self.target.write(text)
        return len(text)

    def fingerprint(self) -> Fingerprint:
        return Fingerprint(rows=self.lines, sha256=self.hash.hexdigest())


def _rows(model, using):
    """Every row in key order, in chunks, with the objects natural keys are read from joined."""
    natural = [
        field.name
        for field in model._meta.concrete_fields
        if field.is_relation and hasattr(field.related_model, "natural_key")
    ]
    queryset = model._base_manager.using(using).order_by(model._meta.pk.name)
    if natural:
        queryset = queryset.select_related(*natural)
    return queryset.iterator(chunk_size=CHUNK)


class _ExactEncoder(DjangoJSONEncoder):
    """Times with their microseconds (DjangoJSONEncoder keeps milliseconds only)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _serialize(model, stream, using) -> None:
    serializers.serialize(
        "jsonl",
        _rows(model, using),
        stream=stream,
        use_natural_foreign_keys=True,
        cls=_ExactEncoder,
    )


def model_fingerprint(model, *, using: str = "default") -> Fingerprint:
    """Row count and hash of a model's rows as a backup writes them."""
    hasher = _CountingHasher()
    _serialize(model, hasher, using)
    return hasher.fingerprint()


def _applied_migrations(using) -> list[str]:
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def backup_write(*, path: Path, using: str = "default") -> dict:
    """Write the archive to `path`; returns its manifest."""
    connection = connections[using]
    manifest = {
        "format_version": FORMAT_VERSION,
        "made": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": _applied_migrations(using),
        "models": {},
        "media": 0,
    }
    outermost = not connection.in_atomic_block
    with (
        transaction.atomic(using=using),
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive,
    ):
        if outermost and connection.vendor == "postgresql":
            # One snapshot for every table, so rows written meanwhile cannot half appear.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        with (
            archive.open(DATA, "w", force_zip64=True) as raw,
            io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as text,
        ):
            for model in backup_models():
                hasher = _CountingHasher(text)
                _serialize(model, hasher, using)
                fingerprint = hasher.fingerprint()
                manifest["models"][model._meta.label] = {
                    "rows": fingerprint.rows,
                    "sha256": fingerprint.sha256,
                }
        media_root = Path(settings.MEDIA_ROOT)
        if media_root.is_dir():
            for file in sorted(media_root.rglob("*")):
                if file.is_file():
                    archive.write(file, MEDIA + file.relative_to(media_root).as_posix())
                    manifest["media"] += 1
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
    return manifest


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError(
            _("%(file)s is not an ivp backup: it has no readable manifest.json.") % {"file": path}
        ) from error
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _("%(file)s has backup format %(found)s; this version of ivp reads format %(wanted)s.")
            % {"file": path, "found": manifest.get("format_version"), "wanted": FORMAT_VERSION}
        )
    return manifest


def _check_target(manifest: dict, using: str) -> list[type[models.Model]]:
    applied = _applied_migrations(using)
    if applied != manifest["migrations"]:
        missing = sorted(set(manifest["migrations"]) - set(applied))
        extra = sorted(set(applied) - set(manifest["migrations"]))
        raise BackupError(
            _(
                "The database is not migrated to the state of the backup. Missing: %(missing)s. "
                "Not in the backup: %(extra)s. Run `ivp migrate` with the ivp version that made "
                "the backup."
            )
            % {"missing": ", ".join(missing) or "-", "extra": ", ".join(extra) or "-"}
        )
    try:
        targets = [apps.get_model(label) for label in manifest["models"]]
    except LookupError as error:
        raise BackupError(
            _("The backup holds a table this version of ivp does not know: %(error)s")
            % {"error": error}
        ) from error
    for model in targets:
        rows = model._base_manager.using(using).count()
        if rows:
            raise BackupError(
                _(
                    "The database is not empty: %(table)s holds %(rows)d rows. Restore only "
                    "into an empty database that `ivp migrate` has just made."
                )
                % {"table": model._meta.db_table, "rows": rows}
            )
    return targets


def _insert(batch: list, using: str) -> None:
    """Write deserialised rows of one model as they are (raw: no auto_now, no signals)."""
    model = type(batch[0].object)
    fields = model._meta.local_concrete_fields
    objects = [item.object for item in batch]
    size = connections[using].ops.bulk_batch_size(fields, objects) or len(objects)
    for start in range(0, len(objects), size):
        model._base_manager.using(using)._insert(
            objects[start : start + size], fields=fields, raw=True, using=using
        )
    # Links of many-to-many fields straight into their tables: .set() would send signals
    # (django-simple-history would record new history rows).
    links: dict = {}
    for item in batch:
        for name, values in (item.m2m_data or {}).items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            links.setdefault(through, []).extend(
                through(**{source: item.object.pk, target: value}) for value in values
            )
    for through, rows in links.items():
        through._base_manager.using(using).bulk_create(rows, batch_size=CHUNK)


def _media_target(name: str, media_root: Path) -> Path | None:
    relative = PurePosixPath(name[len(MEDIA) :])
    if not relative.parts or relative.is_absolute() or ".." in relative.parts:
        return None
    return media_root.joinpath(*relative.parts)


def restore_read(*, path: Path, using: str = "default") -> dict:
    """Restore the archive at `path` into the empty, migrated database; returns its manifest."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise BackupError(
            _("%(file)s cannot be read as an ivp backup: %(error)s")
            % {"file": path, "error": error}
        ) from error
    with archive:
        manifest = _read_manifest(archive, path)
        targets = _check_target(manifest, using)
        with transaction.atomic(using=using):
            _restore_rows(archive, using)
            sequences = connections[using].ops.sequence_reset_sql(no_style(), targets)
            with connections[using].cursor() as cursor:
                for sql in sequences:
                    cursor.execute(sql)
            _verify(manifest, targets, using)
        media_root = Path(settings.MEDIA_ROOT)
        for name in archive.namelist():
            if not name.startswith(MEDIA) or name.endswith("/"):
                continue
            target = _media_target(name, media_root)
            if target is None:
                raise BackupError(
                    _("%(file)s holds a media file outside the media folder: %(name)s")
                    % {"file": path, "name": name}
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(name) as source, target.open("wb") as destination:
                shutil.copyfileobj(source, destination)
    return manifest


def _restore_rows(archive: zipfile.ZipFile, using: str) -> None:
    """Rows of one model at a time: natural keys refer to rows of earlier models, so those
    must be written before the next model's rows are read."""
    with (
        archive.open(DATA) as raw,
        io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as text,
    ):
        chunk: list[dict] = []
        for line in text:
            row = json.loads(line)
            if chunk and (row["model"] != chunk[0]["model"] or len(chunk) >= CHUNK):
                _insert(list(PythonDeserializer(chunk, using=using)), using)
                chunk = []
            chunk.append(row)
        if chunk:
            _insert(list(PythonDeserializer(chunk, using=using)), using)


def _verify(manifest: dict, targets: list, using: str) -> None:
    """Every model's rows, written out again, must hash as they did in the backup."""
    for model in targets:
        wanted = manifest["models"][model._meta.label]
        found = model_fingerprint(model, using=using)
        if (found.rows, found.sha256) != (wanted["rows"], wanted["sha256"]):
            raise BackupError(
                _(
                    "After restoring, %(table)s differs from the backup (%(found)d rows, "
                    "%(wanted)d in the backup); nothing has been restored."
                )
                % {"table": model._meta.db_table, "found": found.rows, "wanted": wanted["rows"]}
            )
