"""Benchmark: importing a national 47013NED file against how an analyst would load it.

Run on demand: `make bench` (SQLite and PostgreSQL, one after the other), or one database:

    .venv/bin/python bench/import_figures.py [--gemeenten N]
    scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$DATABASE_URL .venv/bin/python bench/import_figures.py'

The file is the SYNTHETIC national 47013NED typed CSV (`ivp.figures.synthetic`): every crime
type, municipality and month/year of 2012-2025, about 3.6 million rows and 180 MB for all 342
municipalities; `--gemeenten N` takes the first N municipality codes for a quick run.
Side by side on the same file and database, each in a subprocess of its own so that the peak
RSS is that method's alone (the parent stays small: a child started by fork and exec inherits
the parent's peak in ru_maxrss):

  ivp            figures_import() of the file, on an empty observations table
  ivp again      the same file once more: every value unchanged (idempotent re-import)
  pandas way     pandas.read_csv(sep=';') + DataFrame.to_sql(if_exists='replace', index=False)
  polars parse   polars.read_csv(separator=';', infer_schema=False): the floor of reading it

and ivp at a quarter of the municipalities, for the time per row (linear growth).
Prints the measured numbers and the targets (ivp >= 5x faster than the pandas way, ivp <= 2x
the parse floor, peak RSS < 2 GiB) with PASS or FAIL; it fails no build. ivp's time is also
split in its phases: reading and checking the file, comparing with the stored values, writing
the rows, and the commit (on PostgreSQL that is where the foreign keys of every written row are
checked: Django makes them DEFERRABLE INITIALLY DEFERRED). Mind what is compared: pandas writes
the file as it is into a new table without key, index or foreign key; ivp validates every row
and writes into the observations table with its unique key, indexes and foreign keys.

Like bench/load_regions.py it only ever runs on a database of its own: a throw-away SQLite file,
or the server of scripts/with-postgres.sh (IVP_BENCH_DATABASE_URL). pandas' to_sql needs
SQLAlchemy for anything but sqlite3: on PostgreSQL the pandas row needs `pip install sqlalchemy`
(without it that row is reported as skipped).
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from scratch import use_scratch_database

scratch = use_scratch_database()

MUNICIPALITIES = 342
GIB = 1024**3
TARGET_VERSUS_PANDAS = 5.0  # ivp at least this many times faster than the pandas way
TARGET_VERSUS_PARSE = 2.0  # ivp at most this many times the polars parse floor
TARGET_RSS = 2 * GIB
PANDAS_TABLE = "pandas_import"


# --- children: one step each, reporting a JSON line on stdout ---------------------------------


def _django() -> None:
    import django

    django.setup()


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def step_setup() -> dict:
    _django()
    from django.core.management import call_command

    from ivp.figures.models import Observation, Source
    from ivp.regions.services import regions_load_all
    from ivp.taxonomy.services import taxonomy_load

    call_command("migrate", verbosity=0)
    Observation.objects.all().delete()
    Source.objects.all().delete()
    regions_load_all()
    taxonomy_load()
    return {}


def step_generate(count: int | None) -> dict:
    from ivp.figures.synthetic import (
        METADATA_FILE,
        NOT_A_MUNICIPALITY,
        default_data_dir,
        read_metadata_47013,
        synthesize_47013,
    )

    codes = None
    if count is not None:
        meta = read_metadata_47013(default_data_dir().joinpath(*METADATA_FILE))
        every = sorted(
            k.code
            for k in meta.regions
            if k.code.startswith("GM") and k.code not in NOT_A_MUNICIPALITY
        )
        codes = every[:count] if count < len(every) else None
    folder = Path(scratch) / f"files-{count or 'all'}"
    started = time.perf_counter()
    path = synthesize_47013(folder, municipality_codes=codes)
    seconds = time.perf_counter() - started
    with path.open("rb") as handle:
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 24), b"")) - 1
    return {"path": str(path), "rows": rows, "bytes": path.stat().st_size, "seconds": seconds}


def step_ivp(path: Path, empty_first: bool) -> dict:
    _django()
    from django.db import connection

    from ivp.figures.models import Observation, Source
    from ivp.figures.services import figures_import

    if empty_first:
        Observation.objects.all().delete()
        Source.objects.all().delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE figures_observation")
    calls = []  # (seconds since start, done, total) of every progress call

    def progress(step: str, done: int, total: int) -> None:
        calls.append((time.perf_counter() - started, done, total))

    baseline = _peak_rss()
    started = time.perf_counter()
    result = figures_import(file_name=path.name, raw=path.read_bytes(), progress=progress)
    seconds = time.perf_counter() - started
    # Reading 0/1, Reading 1/1, Writing 0/n, ..., Writing n/n; then the commit.
    read = calls[1][0]
    write_start, write_end = calls[2][0], calls[-1][0]
    return {
        "seconds": seconds,
        "phases": {
            "read and check the file": read,
            "compare with the database": write_start - read,
            "write the rows": write_end - write_start,
            "commit": seconds - write_end,
        },
        "peak": _peak_rss(),
        "baseline": baseline,
        "inserted": result.inserted,
        "unchanged": result.unchanged,
        "replaced": result.replaced,
    }


def step_pandas(path: Path) -> dict:
    import pandas as pd

    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        import sqlite3

        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        close = connection.close
    else:
        try:
            import sqlalchemy
        except ImportError:
            return {"skipped": "SQLAlchemy is not installed (pip install sqlalchemy)"}
        engine = sqlalchemy.create_engine(
            "postgresql+psycopg://" + url.split("://", 1)[1], poolclass=sqlalchemy.pool.NullPool
        )
        connection = engine.connect()
        close = connection.close
    baseline = _peak_rss()
    started = time.perf_counter()
    frame = pd.read_csv(path, sep=";")
    frame.to_sql(PANDAS_TABLE, connection, if_exists="replace", index=False)
    connection.commit()
    seconds = time.perf_counter() - started
    peak = _peak_rss()
    del frame
    if hasattr(connection, "exec_driver_sql"):
        connection.exec_driver_sql(f"DROP TABLE {PANDAS_TABLE}")
    else:
        connection.execute(f"DROP TABLE {PANDAS_TABLE}")
    connection.commit()
    close()
    return {"seconds": seconds, "peak": peak, "baseline": baseline}


def step_polars(path: Path) -> dict:
    import polars as pl

    baseline = _peak_rss()
    started = time.perf_counter()
    frame = pl.read_csv(path, separator=";", infer_schema=False)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak": _peak_rss(), "baseline": baseline, "rows": frame.height}


def child(arguments: argparse.Namespace) -> None:
    path = Path(arguments.file) if arguments.file else None
    if arguments.step == "setup":
        report = step_setup()
    elif arguments.step == "generate":
        report = step_generate(arguments.gemeenten)
    elif arguments.step in ("ivp", "ivp-empty"):
        report = step_ivp(path, empty_first=arguments.step == "ivp-empty")
    elif arguments.step == "pandas":
        report = step_pandas(path)
    elif arguments.step == "polars":
        report = step_polars(path)
    else:
        raise SystemExit(f"unknown step {arguments.step}")
    print(json.dumps(report))


# --- the parent: runs the children one after the other and prints the table -----------------


def run(step: str, *extra: str) -> dict:
    command = [sys.executable, __file__, "--step", step, *extra]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def mib(size: int) -> float:
    return size / 1024**2


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--gemeenten", type=int, default=None, help="first N municipality codes")
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.step:
        child(arguments)
        return 0
    try:
        return parent(arguments.gemeenten)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def parent(count: int | None) -> int:
    url = os.environ["DATABASE_URL"]
    vendor = "sqlite" if url.startswith("sqlite") else "postgresql"
    municipalities = min(count or MUNICIPALITIES, MUNICIPALITIES)
    print(f"database: {vendor}")
    run("setup")
    full = run("generate", *(["--gemeenten", str(count)] if count else []))
    quarter_count = max(1, municipalities // 4)
    quarter = run("generate", "--gemeenten", str(quarter_count))
    path, rows = full["path"], full["rows"]
    print(
        f"file: {Path(path).name}, {rows:,} rows, {mib(full['bytes']):.0f} MiB, "
        f"{municipalities} gemeenten (SYNTHETIC, generated in {full['seconds']:.1f} s)"
    )

    # Order: the parse floor and the pandas way first, then ivp on the still empty
    # observations table, then its re-import; the quarter-size run empties the table itself.
    polars = run("polars", "--file", path)
    pandas = run("pandas", "--file", path)
    ivp = run("ivp", "--file", path)
    again = run("ivp", "--file", path)
    small = run("ivp-empty", "--file", quarter["path"])
    if ivp["inserted"] != rows or again["unchanged"] != rows or again["inserted"]:
        print(f"unexpected counts: first {ivp}, again {again}")

    print(
        f"\n{'method':<34} {'seconds':>8} {'rows/s':>11} {'peak RSS MiB':>13}"
        f" {'(before) MiB':>13} {'x ivp time':>11}"
    )
    table = [
        ("ivp figures_import (empty table)", ivp),
        ("ivp again (all unchanged)", again),
        ("pandas read_csv + to_sql", pandas),
        ("polars read_csv (parse floor)", polars),
    ]
    for label, measured in table:
        if "skipped" in measured:
            print(f"{label:<34} skipped: {measured['skipped']}")
            continue
        print(
            f"{label:<34} {measured['seconds']:8.2f} {rows / measured['seconds']:11,.0f}"
            f" {mib(measured['peak']):13.0f} {mib(measured['baseline']):13.0f}"
            f" {measured['seconds'] / ivp['seconds']:10.2f}x"
        )
    print("(peak RSS: whole process; '(before)': the same process just before the timed call)")
    for label, measured in table[:2]:
        phases = ", ".join(f"{name} {s:.1f} s" for name, s in measured["phases"].items())
        print(f"{label}: {phases}")

    print("\ntargets:")
    if "skipped" in pandas:
        print("  ivp >= 5x faster than the pandas way:  n/a (pandas way skipped)")
    else:
        speedup = pandas["seconds"] / ivp["seconds"]
        print(
            f"  ivp >= {TARGET_VERSUS_PANDAS:.0f}x faster than the pandas way:"
            f"  {speedup:5.2f}x  {verdict(speedup >= TARGET_VERSUS_PANDAS)}"
        )
    floor = ivp["seconds"] / polars["seconds"]
    print(
        f"  ivp <= {TARGET_VERSUS_PARSE:.0f}x the polars parse floor:    "
        f"  {floor:5.2f}x  {verdict(floor <= TARGET_VERSUS_PARSE)}"
    )
    for label, measured in table[:2]:
        print(
            f"  peak RSS < 2 GiB, {label + ':':<34} {mib(measured['peak']):6.0f} MiB"
            f"  {verdict(measured['peak'] < TARGET_RSS)}"
        )

    print("\nlinearity of the ivp import (time per row should stay flat):")
    sizes = [(quarter_count, quarter["rows"], small), (municipalities, rows, ivp)]
    per_row = []
    for gemeenten, count_rows, measured in sizes:
        per_row.append(measured["seconds"] / count_rows * 1e6)
        print(
            f"  {gemeenten:3d} gemeenten {count_rows:9,d} rows  {measured['seconds']:7.2f} s"
            f"  {per_row[-1]:5.2f} µs/row"
        )
    print(f"  full / quarter time per row: {per_row[1] / per_row[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
