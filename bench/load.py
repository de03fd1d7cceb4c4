"""Load run: 64 clients for 60 s against two gunicorn servers on PostgreSQL (not in CI).

    scripts/with-postgres.sh .venv/bin/python bench/load.py [--clients 64] [--seconds 60]

It migrates the throw-away database, loads the demo (`ivp load_demo`), starts two gunicorn
servers with deploy/gunicorn.conf.py on 127.0.0.1 (two processes each), and drives them from
one asyncio process: most clients read public pages and the API in a random mix, the rest
log in as partner.steenwijkerland and report progress on actions of its party (Politie),
reading the form for its lock_version first, each client on its own action. Only
127.0.0.1; it stops by itself. Prints requests, errors (5xx, refused connections, timeouts,
or an answer other than the one expected) and p50/p95/p99 per kind and overall.
"""

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    os.environ.setdefault("IVP_BENCH_DATABASE_URL", os.environ["DATABASE_URL"])

from scratch import use_scratch_database  # noqa: E402

scratch = use_scratch_database()

PORTS = (8101, 8102)
PUBLIC = [
    "/gemeenten/GM1708/",
    "/gemeenten/GM1708/veiligheidsbeeld/",
    "/gemeenten/GM1708/veiligheidsplan/",
    "/gemeenten/GM1701/veiligheidsplan/",
    "/gemeenten/GM1708/uitvoeringsplan/",
    "/gemeenten/GM1708/uitvoeringsplan/2026/",
    "/gemeenten/GM1708/dashboard/",
    "/gemeenten/",
    "/regios/zuidwest-drenthe/",
    "/api/v1/gemeenten/GM1708/",
    "/api/v1/gemeenten/GM1708/veiligheidsplan/",
    "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/",
    "/api/v1/indicatoren/",
]
PARTNER = "partner.steenwijkerland"
PASSWORD = "demo-ivp-2026"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOCK = re.compile(r'name="lock_version" value="(\d+)"')


def ivp(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "ivp.cli", *args], cwd=REPO, check=True)


def partner_actions() -> list[int]:
    """The Steenwijkerland 2026 actions the partner may report on (those of Politie)."""
    import logging

    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request
    from django.contrib.auth import get_user_model

    from ivp.planning.models import Action

    partner = get_user_model().objects.get(username=PARTNER)
    actions = Action.objects.filter(
        theme__action_plan__municipality__code="GM1708", theme__action_plan__start_year=2026
    ).select_related("theme__action_plan__municipality", "theme__priority")
    return [a.pk for a in actions.order_by("pk") if partner.has_perm("planning.update_progress", a)]


def start_servers() -> list[subprocess.Popen]:
    servers = []
    for port in PORTS:
        log = open(Path(scratch) / f"gunicorn-{port}.log", "w")  # noqa: SIM115
        env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"}
        servers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "-c",
                    "deploy/gunicorn.conf.py",
                    "ivp.conf.wsgi",
                ],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    deadline = time.monotonic() + 60
    for port in PORTS:
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/gezond/").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn op poort {port} start niet; zie {scratch}")
            time.sleep(0.3)
    return servers


class Tally:
    def __init__(self):
        self.times = defaultdict(list)
        self.errors = defaultdict(int)
        self.examples = []

    def record(self, kind: str, started: float, ok: bool, what: str = "") -> None:
        self.times[kind].append(time.perf_counter() - started)
        if not ok:
            self.errors[kind] += 1
            if len(self.examples) < 10:
                self.examples.append(f"{kind}: {what}")


async def timed(tally, kind, request, expected):
    started = time.perf_counter()
    try:
        response = await request
    except httpx.HTTPError as error:
        tally.record(kind, started, False, repr(error))
        return None
    ok = response.status_code == expected
    tally.record(kind, started, ok, f"{response.request.url} {response.status_code}")
    return response if ok else None


async def reader(base: str, until: float, tally: Tally, pages: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            path = random.choice(pages)
            await timed(tally, "lezen", client.get(path), 200)


async def partner(base: str, until: float, tally: Tally, action: int) -> None:
    form_url = f"/gemeenten/GM1708/uitvoeringsplan/2026/acties/{action}/voortgang/"
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        page = await timed(tally, "inloggen", client.get("/inloggen/"), 200)
        token = CSRF.search(page.text).group(1)
        credentials = {"username": PARTNER, "password": PASSWORD, "csrfmiddlewaretoken": token}
        await timed(tally, "inloggen", client.post("/inloggen/", data=credentials), 302)
        round_ = 0
        while time.monotonic() < until:
            form = await timed(tally, "voortgang lezen", client.get(form_url), 200)
            if form is None:
                continue
            round_ += 1
            data = {
                "csrfmiddlewaretoken": CSRF.search(form.text).group(1),
                "lock_version": LOCK.search(form.text).group(1),
                "status": "lopend",
                "percent_done": str(round_ % 100),
                "on": date.today().isoformat(),
                "note": f"Belastingtest, ronde {round_}.",
            }
            await timed(tally, "voortgang opslaan", client.post(form_url, data=data), 302)


def percentiles(times: list[float]) -> str:
    if len(times) < 2:
        return "-"
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return " ".join(f"p{p} {cuts[p - 1] * 1000:7.0f} ms" for p in (50, 95, 99))


async def drive(clients: int, seconds: float, actions: list[int]) -> Tally:
    tally = Tally()
    bases = [f"http://127.0.0.1:{port}" for port in PORTS]
    # Warm-up, not counted: every page a few times on each server (both of its processes);
    # a page that redirects counts as the page it leads to, unless that is the login page.
    pages = []
    async with httpx.AsyncClient(timeout=60, follow_redirects=True) as client:
        for path in PUBLIC:
            answers = await asyncio.gather(*(client.get(b + path) for b in bases * 4))
            final = answers[0].url.path
            if all(a.status_code == 200 for a in answers) and final != "/inloggen/":
                pages.append(final)
            else:
                print(f"  overgeslagen (niet openbaar): {path} → {final} {answers[0].status_code}")
    print("  pagina's:", " ".join(pages))
    writers = min(len(actions), max(1, clients // 8))
    until = time.monotonic() + seconds
    tasks = [partner(bases[i % 2], until, tally, actions[i]) for i in range(writers)] + [
        reader(bases[i % 2], until, tally, pages) for i in range(writers, clients)
    ]
    print(f"{clients} clients ({writers} partners die voortgang opslaan), {seconds:.0f} s ...")
    await asyncio.gather(*tasks)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        print("Let op: geen PostgreSQL (start via scripts/with-postgres.sh); dit is SQLite.")
    ivp("migrate", "--no-input", "-v", "0")
    ivp("load_demo", "--skip-if-loaded")
    actions = partner_actions()
    servers = start_servers()
    try:
        tally = asyncio.run(drive(args.clients, args.seconds, actions))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=60)
    every = [t for times in tally.times.values() for t in times]
    errors = sum(tally.errors.values())
    print(f"\n{'soort':<20}{'verzoeken':>10}{'fouten':>8}   tijden")
    for kind, times in sorted(tally.times.items()):
        print(f"{kind:<20}{len(times):>10}{tally.errors[kind]:>8}   {percentiles(times)}")
    print(f"{'totaal':<20}{len(every):>10}{errors:>8}   {percentiles(every)}")
    print(f"{len(every) / args.seconds:.0f} verzoeken per seconde; logs in {scratch}")
    for example in tally.examples:
        print("  fout:", example)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
