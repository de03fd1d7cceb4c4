"""The pages with computed pictures, computed (the first request after a write) against kept
(every request after it), side by side, on the demo: median of 5 requests each.

    .venv/bin/python bench/kept_pictures.py                  # a demo database of its own
    IVP_BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/kept_pictures.py

The database is migrated and loaded with the demo first (SQLite: in a temporary folder).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGES = [
    ("/inloggen/", "login page (no picture)"),
    ("/gemeenten/GM1708/veiligheidsbeeld/", "veiligheidsbeeld Steenwijkerland"),
    ("/cijfers/gebied/NL01/", "figures of the Netherlands"),
    ("/cijfers/gebied/PV21/", "figures of Overijssel"),
    ("/cijfers/kaart/", "map"),
    ("/regios/zuidwest-drenthe/naast-elkaar/", "region side by side, 3 members"),
    ("/regios/PV23/naast-elkaar/", "region side by side, Overijssel (25 members)"),
    ("/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/", "dashboard"),
]
ROUNDS = 5


def _prepare(folder: Path) -> dict:
    url = os.environ.get("IVP_BENCH_DATABASE_URL") or f"sqlite:///{folder / 'ivp.sqlite3'}"
    env = {**os.environ, "DATABASE_URL": url, "IVP_VAR_DIR": str(folder), "LOG_LEVEL": "WARNING"}
    ivp = str(Path(sys.executable).with_name("ivp"))
    for command in (["migrate", "--no-input", "-v", "0"], ["load_demo"]):
        subprocess.run([ivp, *command], env=env, check=True, capture_output=True)
    return env


def _measure() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client

    from ivp.common import revisions

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    client.force_login(get_user_model().objects.get(username="beheerder"))

    def timed(path: str) -> float:
        started = time.perf_counter()
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return time.perf_counter() - started

    for path, _ in PAGES:
        timed(path)  # charts and code warm
    print("| page | computed | kept | kept against computed |")
    print("|---|---:|---:|---:|")
    for path, name in PAGES:
        computed, kept = [], []
        for _ in range(ROUNDS):
            with transaction.atomic():
                revisions.bump(revisions.FIGURES, revisions.PLANS)  # as an import would
            computed.append(timed(path))
            kept.append(timed(path))
        first, then = statistics.median(computed), statistics.median(kept)
        print(f"| {name} | {first * 1000:.0f} ms | {then * 1000:.0f} ms | {then / first:.0%} |")


def main() -> None:
    if os.environ.get("IVP_BENCH_CHILD"):
        _measure()
        return
    with tempfile.TemporaryDirectory() as folder:
        env = _prepare(Path(folder))
        env.update(IVP_BENCH_CHILD="1", DJANGO_SETTINGS_MODULE="ivp.conf.settings")
        subprocess.run([sys.executable, __file__], env=env, check=True)


if __name__ == "__main__":
    main()
