"""Editions stored as free text become normalised editions ('2025-9' → '2025-09').

A stored value that reads as an edition is normalised. One that does not (a label such as
'herzien', or an empty one) gets the default edition, the day of its import (`retrieved`, or
the day of this migration when unknown): it is not kept, because the check constraint of the
next migration admits editions only. Every such mapping is listed in an import record
("migratie edities") so nobody loses sight of the old label.

Two sources of the same table that now have the same edition ('2025-9' and '2025-09') are one
edition: the observations of the later one move to the first and the later one goes. Only when
one is synthetic and the other real are they kept apart: the later one takes the next free day.

Uploads keep an edition that cannot be read; importing one says why.
"""

from datetime import date, timedelta

from django.db import migrations

from ivp.figures.editions import EditionError, default_edition, parse_edition

RECORD_NAME = "migratie edities"


def converted_edition(old: str, *, imported_on: date) -> tuple[str, bool]:
    """The stored edition normalised, and whether it was read as one (else: the default)."""
    try:
        return parse_edition(old), True
    except EditionError:
        return default_edition(today=imported_on), False


def _next_day(edition: str) -> str:
    first_day = date.fromisoformat((edition + "-01-01")[:10])
    return (first_day + timedelta(days=1)).isoformat()


def convert_sources(apps, schema_editor):
    Source = apps.get_model("figures", "Source")
    Observation = apps.get_model("figures", "Observation")
    ImportRun = apps.get_model("regions", "ImportRun")
    sources = list(Source.objects.order_by("pk"))
    # Values already in shape claim their edition first: nothing is renamed onto them.
    sources.sort(
        key=lambda s: converted_edition(s.edition, imported_on=date.today())[0] != s.edition
    )
    taken: dict[tuple, object] = {}
    merged, renamed, notes = [], [], []
    for source in sources:
        new, read = converted_edition(source.edition, imported_on=source.retrieved or date.today())
        table = (source.publisher, source.table_id, source.title)
        name = f"{source.publisher} {source.table_id or source.title}"
        if not read:
            notes.append(
                f"{name}: editie “{source.edition}” is geen datum; nu {new} (dag van import)."
            )
        holder = taken.get((*table, new))
        if holder is not None and holder.synthetic == source.synthetic:
            merged.append((source, holder))
            notes.append(f"{name}: editie “{source.edition}” is dezelfde als {new}; samengevoegd.")
            continue
        while (*table, new) in taken:
            new = _next_day(new)
        taken[(*table, new)] = source
        if new != source.edition:
            source.edition = new
            renamed.append(source)
    for source, holder in merged:
        Observation.objects.filter(source_id=source.pk).update(source_id=holder.pk)
        Source.objects.filter(pk=source.pk).delete()
    for source in renamed:
        Source.objects.filter(pk=source.pk).update(edition=source.edition)
    if notes:
        ImportRun.objects.create(kind="cijfers", file_name=RECORD_NAME, notes="\n".join(notes))


def convert_uploads(apps, schema_editor):
    FiguresUpload = apps.get_model("figures", "FiguresUpload")
    for upload in FiguresUpload.objects.exclude(edition="").only("pk", "edition"):
        try:
            edition = parse_edition(upload.edition)
        except EditionError:
            continue
        if edition != upload.edition:
            FiguresUpload.objects.filter(pk=upload.pk).update(edition=edition)


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0002_one_import_of_a_file_at_a_time"),
        ("regions", "0004_municipality_sort_name"),
    ]

    operations = [
        migrations.RunPython(convert_sources, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(convert_uploads, migrations.RunPython.noop, elidable=False),
    ]
