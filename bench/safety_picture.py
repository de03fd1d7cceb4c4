"""Benchmark: the veiligheidsbeeld, of all municipalities at once and of one municipality.

Run on demand: `make bench` (SQLite and PostgreSQL, one after the other), or one database:

    .venv/bin/python bench/safety_picture.py
    scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$DATABASE_URL .venv/bin/python bench/safety_picture.py'

The database holds the real demo figures and a SYNTHETIC national 47013NED file for 2019-2024
(every crime type, municipality and month and year: about 60 indicators x 342 municipalities
x 6 years of yearly figures). Measured side by side in one run, each the median of 3:

  read        yearly_observations(2019, 2024) + population_frame() + provinces_frame()
  analysis    build_national() on those frames: rates, changes, trends and comparisons
              of every municipality and indicator (target: at most 3x the read)
  one         safety_picture.build() of GM1708 for 2019-2024, its own reads included
  one's read  observations_frame(area_codes=['GM1708']): reading its figures alone

Like bench/load_regions.py it only ever runs on a database of its own: a throw-away SQLite file,
or the server of scripts/with-postgres.sh (IVP_BENCH_DATABASE_URL).
"""

import shutil
import statistics
import sys
import time
from pathlib import Path

from scratch import use_scratch_database

scratch = use_scratch_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from ivp.figures import safety_picture  # noqa: E402
from ivp.figures.demo import demo_figures_load  # noqa: E402
from ivp.figures.models import Observation, Source  # noqa: E402
from ivp.figures.national_picture import (  # noqa: E402
    build_national,
    provinces_frame,
    yearly_observations,
)
from ivp.figures.selectors import observations_frame, population_frame  # noqa: E402
from ivp.figures.services import figures_import  # noqa: E402
from ivp.figures.synthetic import synthesize_47013  # noqa: E402
from ivp.regions.models import Municipality  # noqa: E402
from ivp.regions.services import regions_load_all  # noqa: E402
from ivp.taxonomy.services import taxonomy_load  # noqa: E402

FIRST_YEAR, LAST_YEAR = 2019, 2024
MUNICIPALITY = "GM1708"
REPEATS = 3
TARGET_ANALYSIS_VERSUS_READ = 3.0


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def setup() -> None:
    call_command("migrate", verbosity=0)
    Observation.objects.all().delete()
    Source.objects.all().delete()
    regions_load_all()
    taxonomy_load()
    demo_figures_load()
    path = synthesize_47013(Path(scratch), first_year=FIRST_YEAR, last_year=LAST_YEAR)
    seconds, result = timed(lambda: figures_import(file_name=path.name, raw=path.read_bytes()))
    print(
        f"setup: demo figures + {path.name} ({result.inserted:,} values, imported in"
        f" {seconds:.1f} s); {Observation.objects.count():,} observations in the database"
    )


def main() -> None:
    print(f"database: {connection.vendor}")
    setup()
    municipality = Municipality.objects.get(code=MUNICIPALITY)

    def read():
        return (
            yearly_observations(FIRST_YEAR, LAST_YEAR),
            population_frame(),
            provinces_frame(),
        )

    frames = read()
    observations = frames[0]
    print(
        f"yearly observations {FIRST_YEAR}-{LAST_YEAR}: {observations.height:,} rows,"
        f" {observations['indicator_id'].n_unique()} indicators,"
        f" {observations['area'].n_unique()} municipalities"
    )

    # Side by side: every round measures each of the four once.
    times: dict[str, list[float]] = {"read": [], "analysis": [], "one": [], "one_read": []}
    for _ in range(REPEATS):
        seconds, frames = timed(read)
        times["read"].append(seconds)
        seconds, national = timed(lambda frames=frames: build_national(*frames))
        times["analysis"].append(seconds)
        seconds, picture = timed(
            lambda: safety_picture.build(municipality, first_year=FIRST_YEAR, last_year=LAST_YEAR)
        )
        times["one"].append(seconds)
        seconds, own = timed(lambda: observations_frame(area_codes=[MUNICIPALITY]))
        times["one_read"].append(seconds)
    median = {name: statistics.median(values) for name, values in times.items()}

    print(
        f"national picture: {national.series.height:,} series rows, {national.changes.height:,}"
        f" changes, {national.trends.height:,} trends, {national.versus_country.height:,} +"
        f" {national.versus_province.height:,} comparisons"
    )
    print(
        f"{MUNICIPALITY} ({municipality.name}): {len(picture.indicators)} indicators in the"
        f" picture, {own.height:,} observations read"
    )
    print(f"\nmedian of {REPEATS} (all runs in s):")
    rows = [
        ("read: yearly_observations + population + provinces", "read"),
        ("analysis of all 342: build_national", "analysis"),
        (f"one municipality: build({MUNICIPALITY})", "one"),
        (f"read of its observations: observations_frame({MUNICIPALITY})", "one_read"),
    ]
    for label, name in rows:
        runs = " ".join(f"{s:.3f}" for s in times[name])
        print(f"  {label:<62} {median[name]:7.3f} s   ({runs})")

    ratio = median["analysis"] / median["read"]
    verdict = "PASS" if ratio <= TARGET_ANALYSIS_VERSUS_READ else "FAIL"
    print(
        f"\nanalysis of all 342 / read time: {ratio:5.2f}x"
        f"  (target <= {TARGET_ANALYSIS_VERSUS_READ:.0f}x: {verdict})"
    )
    print(f"one municipality, total:         {median['one']:.3f} s")
    print(f"one municipality / its read:     {median['one'] / median['one_read']:5.1f}x")


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
