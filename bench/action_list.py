"""Benchmark: the action list of an uitvoeringsplan, the coordinator's daily home, at the demo's
34 actions and at 300 generated ones (issue 19: under 1 s on SQLite at 300).

Run on demand, on SQLite or PostgreSQL:

    .venv/bin/python bench/action_list.py
    scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$DATABASE_URL .venv/bin/python bench/action_list.py'

Side by side in one run, each the median of 7 rounds, as the coordinator of Steenwijkerland:

  login      GET /inloggen/: a trivial page, the baseline
  list       GET the plan in plan order (themes folded above 25 actions)
  filtered   GET ?stil=1&partij=Politie: the stale actions of the police
  sorted     GET ?sorteer=bijgewerkt: one page of 25 across the themes
  export     GET export.xlsx: every action with its progress

Then the plan grows to 300 actions (every demo action copied, each copy with two progress
reports) and the same is measured again: seconds, the ratio to the login page, the page's size,
and how time per action grew (1.0 = linear). Like the other benchmarks it runs only on a
database of its own.
"""

import shutil
import statistics
import sys
import time
from datetime import timedelta

from demo_client import demo_client
from scratch import use_scratch_database

scratch = use_scratch_database()

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from ivp.planning.execution import selectors as execution_selectors  # noqa: E402
from ivp.planning.models import Action, ProgressUpdate  # noqa: E402

CODE, YEAR = "GM1708", 2026
PLAN = f"/gemeenten/{CODE}/uitvoeringsplan/{YEAR}/"
PAGES = {
    "login": "/inloggen/",
    "list": PLAN + "?alle=0",
    "filtered": PLAN + "?stil=1&partij=Politie",
    "sorted": PLAN + "?sorteer=bijgewerkt",
    "export": PLAN + "export.xlsx",
}
ROUNDS = 7
TARGET_SECONDS = 1.0
WANTED = 300


def setup() -> Client:
    return demo_client()


def measure(client: Client) -> dict[str, tuple[float, int]]:
    """Median seconds and size in bytes of each page."""
    for path in PAGES.values():  # warms templates and caches
        client.get(path)
    times: dict[str, list[float]] = {name: [] for name in PAGES}
    sizes: dict[str, int] = {}
    for _ in range(ROUNDS):
        for name, path in PAGES.items():
            started = time.perf_counter()
            response = client.get(path)
            times[name].append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)
            sizes[name] = len(response.content)
    return {name: (statistics.median(values), sizes[name]) for name, values in times.items()}


def grow_to(count: int) -> int:
    """Copies of the demo's actions (with their parties and two reports each) up to `count`."""
    plan = execution_selectors.current_action_plans().get(municipality__code=CODE, start_year=YEAR)
    originals = list(Action.objects.filter(theme__action_plan=plan).prefetch_related("parties"))
    today = timezone.localdate()
    copy = 0
    while Action.objects.filter(theme__action_plan=plan).count() < count:
        source = originals[copy % len(originals)]
        parties = list(source.parties.all())
        source.pk = None
        source.item = f"{source.item} ({copy + 2})"
        source.save()
        source.parties.set(parties)
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                action=source,
                date=today - timedelta(days=days),
                status="lopend",
                percent_done=percent,
                note=f"Voortgang {copy}, {percent}%",
                organisation="Politie",
            )
            for days, percent in ((60, 20), (10 + copy % 70, 50))
        )
        copy += 1
    return Action.objects.filter(theme__action_plan=plan).count()


def report(label: str, result: dict[str, tuple[float, int]]) -> None:
    login = result["login"][0]
    print(f"\n{label}: median of {ROUNDS} rounds")
    print(f"  {'':<10}{'seconds':>9}{'x login':>9}{'kB':>8}")
    for name, (seconds, size) in result.items():
        print(f"  {name:<10}{seconds:9.3f}{seconds / login:8.1f}x{size / 1024:8.0f}")


def main() -> int:
    print(f"database: {connection.vendor}")
    client = setup()
    small = Action.objects.filter(theme__action_plan__municipality__code=CODE).count()
    before = measure(client)
    report(f"{small} actions (the demo)", before)
    large = grow_to(WANTED)
    after = measure(client)
    report(f"{large} actions", after)
    print(f"\ngrowth of time per action, {large / small:.1f}x the actions (1.0 = linear):")
    for name in PAGES:
        if name != "login":
            ratio = (after[name][0] / large) / (before[name][0] / small)
            print(f"  {name:<10}{ratio:6.2f}")
    slowest = max(after[name][0] for name in ("list", "filtered", "sorted"))
    verdict = "met" if slowest < TARGET_SECONDS else "NOT met"
    print(
        f"\ntarget: the list at {large} actions under {TARGET_SECONDS:.0f} s: {verdict} ({slowest:.3f} s)"
    )
    return 0 if slowest < TARGET_SECONDS else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
