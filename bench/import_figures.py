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
  ivp refused    the same file with a word for the count in its last row: refused whole, with
                 the row named (a problem in a block reads the whole file again for its errors)
  database floor the least any import of these rows can do: the polars parse, the file's
                 codes mapped to ids (polars joins), the database's own bulk load of the rows
                 into a bare table with figures_observation's columns (COPY on PostgreSQL,
                 executemany of one INSERT per row in one transaction on SQLite), then the same
                 unique key and indexes built, and the commit
  pandas way     pandas.read_csv(sep=';') + DataFrame.to_sql(if_exists='replace', index=False)
  polars parse   polars.read_csv(separator=';', infer_schema=False), for reference

and ivp at a quarter of the municipalities, for the time per row (linear growth).
Prints the measured numbers and the targets (ivp <= 1.5x the database floor on both databases,
ivp >= 5x faster than the pandas way on PostgreSQL (on SQLite the ratio is reported), peak RSS
< 1 GiB (also refusing a file), time per row of the whole country at most 1.25x a quarter's) with PASS or FAIL; it
fails no build. ivp's time is also split in its phases: reading and checking the file, comparing
with the stored values, writing the rows (with the keys dropped and built again), and the
commit; the floor's likewise. Mind what is compared: pandas writes the file as it is into a new
table without key, index or foreign key; the floor writes ivp's rows but checks nothing and has
no foreign keys; ivp validates every row and writes into the observations table with its unique
key, indexes and foreign keys.

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
TARGET_VERSUS_FLOOR = 1.5  # ivp at most this many times the database floor
TARGET_RSS = 1 * GIB
TARGET_LINEAR = 1.25  # time per row, whole country against a quarter: at most this
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


def step_refused(path: Path) -> dict:
    """The same file with a word for the registered crimes in its last row: refused whole."""
    _django()
    from ivp.common.importing import ImportFileError
    from ivp.figures.services import figures_import

    bad = _with_a_word_in_the_last_row(path)
    baseline = _peak_rss()
    started = time.perf_counter()
    try:
        figures_import(file_name=bad.name, raw=bad.read_bytes())
    except ImportFileError as error:
        message = str(error)
    else:
        raise SystemExit("a file with a word for a count was imported")
    return {
        "seconds": time.perf_counter() - started,
        "peak": _peak_rss(),
        "baseline": baseline,
        "message": message[:300],
    }


def _with_a_word_in_the_last_row(path: Path) -> Path:
    """A copy of the file whose last row says "veel" for GeregistreerdeMisdrijven_1, made on
    disk so that the measured process holds no more of it than a real import would."""
    bad = path.with_name(f"refused-{path.name}")
    shutil.copyfile(path, bad)
    with bad.open("r+b") as handle:
        handle.seek(max(0, bad.stat().st_size - 4096))
        tail = handle.read()
        start = tail.rstrip(b"\n").rfind(b"\n") + 1
        fields = tail[start:].rstrip(b"\n").split(b";")
        fields[4] = b'"veel"'
        handle.seek(handle.tell() - len(tail) + start)
        handle.write(b";".join(fields) + b"\n")
        handle.truncate()
    return bad


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


FLOOR_TABLE = "floor_observation"
FLOOR_COLUMNS = (
    "area_code",
    "period",
    "year",
    "value",
    "margin",
    "revision",
    "indicator_id",
    "municipality_id",
    "source_id",
)
FLOOR_KEYS = (
    "CREATE UNIQUE INDEX floor_unique ON floor_observation (indicator_id, area_code, period)",
    "CREATE INDEX floor_source ON floor_observation (source_id)",
    "CREATE INDEX floor_municipality ON floor_observation (municipality_id, indicator_id)",
)


def _floor_table_sql(vendor: str) -> str:
    """A bare table with figures_observation's columns and types: no key, index or foreign key."""
    serial = "integer PRIMARY KEY" if vendor == "sqlite" else "bigserial PRIMARY KEY"
    real = "real" if vendor == "sqlite" else "double precision"
    return (
        f"CREATE TABLE {FLOOR_TABLE} (id {serial}, area_code varchar(10) NOT NULL,"
        f" period varchar(7) NOT NULL, year smallint NOT NULL, value {real} NOT NULL,"
        f" margin {real} NULL, revision smallint NOT NULL, indicator_id bigint NOT NULL,"
        " municipality_id bigint NULL, source_id bigint NOT NULL)"
    )


def _floor_rows(path: Path, municipalities: dict[str, int]):
    """The polars parse and the mapping of the file's codes to ids (polars joins): the rows
    ivp stores, as the least any import must do before writing."""
    import polars as pl

    from ivp.figures.crime_types import known_crime_codes

    started = time.perf_counter()
    frame = pl.read_csv(path, separator=";", infer_schema=False)
    parsed = time.perf_counter()
    crime_ids = pl.DataFrame(
        {
            "code": sorted(known_crime_codes()),
            "indicator_id": range(1, len(known_crime_codes()) + 1),
        },
        schema={"code": pl.String, "indicator_id": pl.Int64},
    )
    municipality_ids = pl.DataFrame(
        {"area_code": list(municipalities), "municipality_id": list(municipalities.values())},
        schema={"area_code": pl.String, "municipality_id": pl.Int64},
    )
    period = pl.col("Perioden")
    rows = (
        frame.select(
            pl.col("SoortMisdrijf").str.strip_chars().alias("code"),
            pl.col("RegioS").str.strip_chars().alias("area_code"),
            (period.str.slice(0, 4) + "-" + period.str.slice(6, 2)).alias("period"),
            period.str.slice(0, 4).cast(pl.Int64).alias("year"),
            pl.col("GeregistreerdeMisdrijven_1").str.strip_chars().cast(pl.Float64).alias("value"),
            pl.lit(None, dtype=pl.Float64).alias("margin"),
            pl.lit(1, dtype=pl.Int64).alias("revision"),
            pl.lit(1, dtype=pl.Int64).alias("source_id"),
        )
        .join(crime_ids, on="code", how="left")
        .join(municipality_ids, on="area_code", how="left")
        .select(FLOOR_COLUMNS)
    )
    del frame
    return rows, parsed - started, time.perf_counter() - parsed


def step_floor(path: Path) -> dict:
    """The database floor: parse, map codes to ids, the database's own bulk load into a bare
    table of the same columns (COPY on PostgreSQL, executemany in one transaction on SQLite),
    then the same unique key and indexes, and the commit."""
    _django()
    from django.db import connection

    from ivp.regions.models import Municipality

    municipalities = dict(Municipality.objects.values_list("code", "pk"))
    vendor = connection.vendor
    if vendor == "sqlite":
        import sqlite3

        database = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        database.execute("PRAGMA journal_mode=WAL")
    else:
        connection.ensure_connection()
        database = connection.connection
        database.autocommit = True
    database.execute(f"DROP TABLE IF EXISTS {FLOOR_TABLE}")
    database.execute(_floor_table_sql(vendor))
    baseline = _peak_rss()
    started = time.perf_counter()
    rows, parse, mapping = _floor_rows(path, municipalities)
    loading = time.perf_counter()
    columns = ", ".join(FLOOR_COLUMNS)
    database.execute("BEGIN")
    if vendor == "sqlite":
        marks = ", ".join("?" * len(FLOOR_COLUMNS))
        database.executemany(
            f"INSERT INTO {FLOOR_TABLE} ({columns}) VALUES ({marks})", rows.iter_rows()
        )
    else:
        with database.cursor() as cursor:
            sql = f"COPY {FLOOR_TABLE} ({columns}) FROM STDIN (FORMAT csv)"
            for batch in rows.iter_slices(100_000):
                with cursor.copy(sql) as copy:
                    copy.write(batch.write_csv(include_header=False, null_value=""))
    keys = time.perf_counter()
    for statement in FLOOR_KEYS:
        database.execute(statement)
    committing = time.perf_counter()
    database.execute("COMMIT")
    seconds = time.perf_counter() - started
    peak = _peak_rss()
    count = rows.height
    del rows
    database.execute(f"DROP TABLE {FLOOR_TABLE}")
    return {
        "seconds": seconds,
        "peak": peak,
        "baseline": baseline,
        "rows": count,
        "phases": {
            "parse": parse,
            "map codes to ids": mapping,
            "bulk load": keys - loading,
            "unique key and indexes": committing - keys,
            "commit": seconds - (committing - started),
        },
    }


def child(arguments: argparse.Namespace) -> None:
    path = Path(arguments.file) if arguments.file else None
    if arguments.step == "setup":
        report = step_setup()
    elif arguments.step == "generate":
        report = step_generate(arguments.gemeenten)
    elif arguments.step in ("ivp", "ivp-empty"):
        report = step_ivp(path, empty_first=arguments.step == "ivp-empty")
    elif arguments.step == "refused":
        report = step_refused(path)
    elif arguments.step == "pandas":
        report = step_pandas(path)
    elif arguments.step == "polars":
        report = step_polars(path)
    elif arguments.step == "floor":
        report = step_floor(path)
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

    # Order: the parse, the database floor and the pandas way first, then ivp on the still
    # empty observations table, then its re-import; the quarter-size run empties the table.
    polars = run("polars", "--file", path)
    floor = run("floor", "--file", path)
    pandas = run("pandas", "--file", path)
    ivp = run("ivp", "--file", path)
    again = run("ivp", "--file", path)
    refused = run("refused", "--file", path)
    small = run("ivp-empty", "--file", quarter["path"])
    if ivp["inserted"] != rows or again["unchanged"] != rows or again["inserted"]:
        print(f"unexpected counts: first {ivp}, again {again}")

    print(
        f"\n{'method':<38} {'seconds':>8} {'rows/s':>11} {'peak RSS MiB':>13}"
        f" {'(before) MiB':>13} {'x ivp time':>11}"
    )
    table = [
        ("ivp figures_import (empty table)", ivp),
        ("ivp again (all unchanged)", again),
        ("ivp refused (a word in the last row)", refused),
        ("database floor", floor),
        ("pandas read_csv + to_sql", pandas),
        ("polars read_csv (parse only)", polars),
    ]
    for label, measured in table:
        if "skipped" in measured:
            print(f"{label:<38} skipped: {measured['skipped']}")
            continue
        print(
            f"{label:<38} {measured['seconds']:8.2f} {rows / measured['seconds']:11,.0f}"
            f" {mib(measured['peak']):13.0f} {mib(measured['baseline']):13.0f}"
            f" {measured['seconds'] / ivp['seconds']:10.2f}x"
        )
    print("(peak RSS: whole process; '(before)': the same process just before the timed call)")
    print(f"refused with: {refused['message']}")
    for label, measured in (*table[:2], table[3]):
        phases = ", ".join(f"{name} {s:.2f} s" for name, s in measured["phases"].items())
        print(f"{label}: {phases}")

    print("\ntargets:")
    versus_floor = ivp["seconds"] / floor["seconds"]
    print(
        f"  ivp <= {TARGET_VERSUS_FLOOR}x the database floor:          "
        f"  {versus_floor:5.2f}x  {verdict(versus_floor <= TARGET_VERSUS_FLOOR)}"
    )
    if "skipped" in pandas:
        print("  ivp >= 5x faster than the pandas way:  n/a (pandas way skipped)")
    else:
        speedup = pandas["seconds"] / ivp["seconds"]
        goal = verdict(speedup >= TARGET_VERSUS_PANDAS) if vendor == "postgresql" else "(reported)"
        print(
            f"  ivp >= {TARGET_VERSUS_PANDAS:.0f}x faster than the pandas way:"
            f"  {speedup:5.2f}x  {goal}"
        )
    for label, measured in table[:3]:
        print(
            f"  peak RSS < 1 GiB, {label + ':':<38} {mib(measured['peak']):6.0f} MiB"
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
    growth = per_row[1] / per_row[0]
    print(
        f"  full / quarter time per row: {growth:.2f}"
        f"  {verdict(growth <= TARGET_LINEAR)} (target <= {TARGET_LINEAR})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
