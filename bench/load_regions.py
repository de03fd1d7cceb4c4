"""Benchmark: loading the national base (all regions) and bulk writes against one save per row.

Run on demand: `make bench` (SQLite and PostgreSQL, one after the other).
Prints, side by side, the bulk path and a baseline of one ORM save per row on the same rows,
and the time per row at growing sizes (it must stay flat: linear growth).
"""

import sys
import time

from scratch import use_scratch_database

scratch = use_scratch_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from ivp.regions import cbs_files  # noqa: E402
from ivp.regions.models import Area, Municipality  # noqa: E402
from ivp.regions.services import _bulk_upsert_areas, data_file, regions_load_all  # noqa: E402

SAMPLE = 2000


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main() -> None:
    call_command("migrate", verbosity=0)
    Area.objects.all().delete()
    print(f"database: {connection.vendor}")
    full = timed(regions_load_all)
    print(
        f"regions_load_all (342 gemeenten, 17,967 wijken+buurten, bevolking, kerncijfers): {full:.2f} s"
    )

    path = data_file("politie-47018-buurt-metadata-2024", "47018NED_WijkenEnBuurten.csv")
    buurten = [
        r
        for r in cbs_files.wijken_en_buurten(path.name, cbs_files.read_text(path))
        if r.code.startswith("BU")
    ]
    municipality_ids = dict(Municipality.objects.values_list("code", "id"))
    wijk_ids = dict(Area.objects.filter(kind=Area.Kind.WIJK).values_list("code", "id"))

    def reset():
        Area.objects.filter(kind=Area.Kind.BUURT).delete()

    def bulk(rows):
        with transaction.atomic():
            _bulk_upsert_areas(rows, Area.Kind.BUURT, municipality_ids, wijk_ids, lambda *a: None)

    def one_by_one(rows):
        with transaction.atomic():
            for r in rows:
                Area.objects.update_or_create(
                    code=r.code,
                    defaults={
                        "name": r.title,
                        "kind": Area.Kind.BUURT,
                        "municipality_id": municipality_ids[r.municipality_code],
                        "parent_id": wijk_ids.get("WK" + r.code[2:8]),
                    },
                )

    reset()
    baseline = timed(lambda: one_by_one(buurten[:SAMPLE]))
    reset()
    ours = timed(lambda: bulk(buurten[:SAMPLE]))
    print(
        f"\n{SAMPLE} buurten   one save per row (baseline) {baseline:7.3f} s   bulk {ours:7.3f} s   ratio {baseline / ours:5.1f}x"
    )

    print("\nlinearity of the bulk path (time per row should stay flat):")
    for fraction in (0.25, 0.5, 1.0):
        rows = buurten[: int(len(buurten) * fraction)]
        reset()
        seconds = timed(lambda rows=rows: bulk(rows))
        print(f"  {len(rows):6d} rows  {seconds:6.3f} s  {seconds / len(rows) * 1e6:6.1f} µs/row")


if __name__ == "__main__":
    sys.exit(main())
