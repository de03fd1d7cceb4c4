"""Benchmark: making the Steenwijkerland uitvoeringsplan 2026 as HTML, DOCX and PDF, against
rendering the same document as a page in the app.

Run on demand (`make bench` runs it on SQLite and PostgreSQL), or one database:

    .venv/bin/python bench/documents.py
    scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$DATABASE_URL .venv/bin/python bench/documents.py'

Side by side in one run, each the median of 5 rounds (every round measures each once):

  page   GET /gemeenten/GM1708/documenten/uitvoeringsplan/2026/ as its coordinator
  html   the self-contained HTML file (`ivp report … --format html`)
  docx   the Word file on the default template
  pdf    the PDF/UA file (WeasyPrint)

printed as ratios against the page. Then the same plan with every action copied three times
(4x the actions) shows how time per action grows. Like the other benchmarks it runs only on
a database of its own.
"""

import shutil
import statistics
import sys
import time

from demo_client import demo_client
from scratch import use_scratch_database

scratch = use_scratch_database()

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from ivp.planning.execution import selectors as execution_selectors  # noqa: E402
from ivp.planning.models import Action  # noqa: E402
from ivp.regions.models import Municipality  # noqa: E402
from ivp.reports import services  # noqa: E402

CODE, YEAR = "GM1708", 2026
PAGE = f"/gemeenten/{CODE}/documenten/uitvoeringsplan/{YEAR}/"
ROUNDS = 5
FORMATS = ("html", "docx", "pdf")


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def setup() -> Client:
    return demo_client()


def measure(client: Client, municipality) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in ("page", *FORMATS)}
    for name in times:  # a first run of each warms the caches (fonts, chart SVGs, templates)
        _run(name, client, municipality)
    for _ in range(ROUNDS):
        for name in times:
            times[name].append(timed(lambda name=name: _run(name, client, municipality)))
    return {name: statistics.median(values) for name, values in times.items()}


def _run(name: str, client: Client, municipality) -> None:
    if name == "page":
        response = client.get(PAGE)
        assert response.status_code == 200, response.status_code
    else:
        services.make("uitvoeringsplan", municipality, YEAR, name)


def grow(times: int) -> int:
    """Copy every action of the plan `times` times (with its parties); the new count."""
    plan = execution_selectors.current_action_plans().get(municipality__code=CODE, start_year=YEAR)
    originals = list(Action.objects.filter(theme__action_plan=plan).prefetch_related("parties"))
    for action in originals:
        parties = list(action.parties.all())
        for copy_number in range(times):
            action.pk = None
            action.item = f"{action.item} ({copy_number + 2})"
            action.save()
            action.parties.set(parties)
    return Action.objects.filter(theme__action_plan=plan).count()


def report(label: str, median: dict[str, float], actions: int) -> None:
    print(f"\n{label}: {actions} actions, median of {ROUNDS} rounds")
    print(f"  {'':<28}{'seconds':>9}{'x page':>9}{'ms/action':>11}")
    for name, title in (
        ("page", "page in the app (baseline)"),
        ("html", "HTML file"),
        ("docx", "DOCX (Word)"),
        ("pdf", "PDF/UA (WeasyPrint)"),
    ):
        print(
            f"  {title:<28}{median[name]:9.3f}{median[name] / median['page']:8.1f}x"
            f"{1000 * median[name] / actions:11.1f}"
        )


def main() -> None:
    print(f"database: {connection.vendor}")
    client = setup()
    municipality = Municipality.objects.get(code=CODE)
    plan = execution_selectors.current_action_plans().get(
        municipality=municipality, start_year=YEAR
    )
    actions = Action.objects.filter(theme__action_plan=plan).count()
    base = measure(client, municipality)
    report(f"{plan.title} ({municipality.name})", base, actions)
    grown = grow(3)
    larger = measure(client, municipality)
    report("the same plan with every action four times", larger, grown)
    print("\ngrowth of time per action, 4x the actions (1.0 = linear):")
    for name in ("page", *FORMATS):
        print(f"  {name:<6}{(larger[name] / grown) / (base[name] / actions):6.2f}")


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
