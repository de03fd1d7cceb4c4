"""Load run of the pages a newspaper links to, against the login page, side by side (wrk).

    .venv/bin/python bench/public_load.py                      # SQLite
    scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$DATABASE_URL .venv/bin/python bench/public_load.py'

Not part of `make test`; part of `make bench`. Needs `wrk` (Debian package `wrk`).
A database of its own is migrated and loaded with the demo, and Steenwijkerland's
uitvoeringsplan 2026 is adopted so that its published dashboard is public. Then, for one
gunicorn process and for two (deploy/gunicorn.conf.py, four threads each, 127.0.0.1 only):

  - every page on its own: `wrk -t1 -c32 -d<seconds>s` after a warm-up, as a visitor
    without a session (the readers of a public page), requests/s, p50 and p99, each against
    the login page of the same run: targets >= 50% of its requests/s and p99 < 2x its p99,
    with no error (an answer other than 2xx/3xx, a refused or timed-out connection);
  - the mixed run: all pages in turn from one wrk (a Lua script), for 1 against 2 processes
    (target on PostgreSQL: 2 processes >= 1.5x one);
  - cold: the first request of every page after the figures and plans changed (as after an
    import or a progress report), against the kept answer.

The share of the two cores that wrk itself takes is printed (its CPU time over the run).
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from scratch import use_scratch_database  # noqa: E402

scratch = use_scratch_database()

PORT = 8131
LOGIN = "/inloggen/"
PAGES = [
    (LOGIN, "login page (the baseline)"),
    ("/gemeenten/", "all municipalities"),
    ("/gemeenten/GM1708/", "municipality page"),
    ("/gemeenten/GM1708/veiligheidsbeeld/", "veiligheidsbeeld"),
    ("/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/", "dashboard"),
    ("/gemeenten/GM1708/uitvoeringsplan/2026/", "uitvoeringsplan"),
    ("/api/v1/regios/", "API: regions"),
    ("/api/v1/gemeenten/", "API: municipalities"),
]
TARGET_SHARE = 0.5  # a public page serves at least half the login page's requests/s
TARGET_P99 = 2.0  # and its p99 stays under twice the login page's
TARGET_SCALING = 1.5  # two processes on PostgreSQL serve 1.5x one on the mixed run
MIXED_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""
UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def ivp(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ivp.cli", *args], cwd=REPO, check=True, capture_output=True
    )


def prepare() -> None:
    """Migrate, load the demo and adopt Steenwijkerland's uitvoeringsplan 2026 (child process:
    the parent stays free of Django so the servers own the database)."""
    ivp("migrate", "--no-input", "-v", "0")
    ivp("load_demo", "--skip-if-loaded")
    code = (
        "import django, datetime; django.setup();"
        "from ivp.planning.models import ActionPlan;"
        "from ivp.planning.execution.services.actions import action_plan_adopt;"
        "p = ActionPlan.objects.get(municipality__code='GM1708', start_year=2026);"
        "p.adopted or action_plan_adopt(action_plan=p, adopted_on=datetime.date(2026, 1, 20),"
        " decision_reference='bench')"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


def inputs_changed() -> None:
    """As an import or a saved progress report would: the kept pictures and pages go stale."""
    code = (
        "import django; django.setup();"
        "from django.db import transaction; from ivp.common import revisions;"
        "transaction.atomic()(lambda: revisions.bump(revisions.FIGURES, revisions.PLANS))()"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)


def start_server(processes: int) -> subprocess.Popen:
    log = open(Path(scratch) / f"gunicorn-{processes}.log", "w")  # noqa: SIM115
    env = {
        **os.environ,
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_WORKERS": str(processes),
        "GUNICORN_MAX_REQUESTS": "0",  # no recycling in the middle of a measurement
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "ivp.conf.wsgi"],
        cwd=REPO,
        env={**env, "PYTHONPATH": str(REPO / "src")},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            get("/gezond/")
            return server
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn start niet; zie {scratch}")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=30)


def get(path: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60) as answer:
        answer.read()
        if answer.status != 200:
            raise SystemExit(f"{path}: {answer.status}")
    return time.perf_counter() - started


def _seconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(paths: list[str], seconds: int) -> dict:
    """One wrk run over `paths` (in turn); requests/s, p50, p99, errors and wrk's CPU share."""
    command = ["wrk", "-t1", "-c32", f"-d{seconds}s", "--latency"]
    if len(paths) > 1:
        script = Path(scratch) / "mixed.lua"
        script.write_text(MIXED_SCRIPT % ", ".join(f'"{p}"' for p in paths))
        command += ["-s", str(script)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{PORT}{paths[0]}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _seconds(re.search(r"\s50%\s+(\S+)", output).group(1)),
        "p99": _seconds(re.search(r"\s99%\s+(\S+)", output).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
        "socket errors": sum(map(int, failed.groups())) if failed else 0,
        "wrk cpu": cpu / seconds,
    }


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def run_pages(processes: int, seconds: int) -> dict:
    server = start_server(processes)
    try:
        cold = {}
        inputs_changed()
        for path, _ in PAGES:
            cold[path] = get(path)
        wrk([path for path, _ in PAGES], 3)  # every process and thread warm, every page kept
        results = {path: wrk([path], seconds) for path, _ in PAGES}
        results["mixed"] = wrk([path for path, _ in PAGES], seconds)
        results["cold"] = cold
        results["warm"] = {path: min(get(path) for _ in range(5)) for path, _ in PAGES}
    finally:
        stop_server(server)
    return results


def report(processes: int, results: dict) -> list[str]:
    login = results[LOGIN]
    failures = []
    print(f"\n## {processes} gunicorn process(es) x 4 threads, wrk -t1 -c32\n")
    print(
        "| page | requests/s | p50 | p99 | vs login requests/s | vs login p99 | "
        "one request: first after a change / kept |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for path, name in PAGES:
        row = results[path]
        share = row["rps"] / login["rps"]
        p99 = row["p99"] / login["p99"]
        verdict = ""
        bad = row["errors"] + row["socket errors"]
        if path != LOGIN:
            ok = share >= TARGET_SHARE and p99 < TARGET_P99 and not bad
            verdict = " PASS" if ok else " FAIL"
            if not ok:
                failures.append(f"{processes} process(es): {path}")
        print(
            f"| {name} `{path}` | {row['rps']:.0f}{f' ({bad} errors)' if bad else ''} | "
            f"{_ms(row['p50'])} | {_ms(row['p99'])} | {share:.0%}{verdict} | {p99:.2f}x | "
            f"{_ms(results['cold'][path])} / {_ms(results['warm'][path])} |"
        )
    mixed = results["mixed"]
    print(
        f"| mixed: all pages in turn | {mixed['rps']:.0f} | {_ms(mixed['p50'])} | "
        f"{_ms(mixed['p99'])} | | | |"
    )
    shares = [row["wrk cpu"] for key, row in results.items() if key not in ("cold", "warm")]
    print(f"\nwrk itself took {min(shares):.0%}-{max(shares):.0%} of one core of the two.")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20, help="length of each wrk run")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk ontbreekt: apt-get install wrk")
    database = "PostgreSQL" if os.environ["DATABASE_URL"].startswith("postgres") else "SQLite"
    print(f"# Public pages under load, {database}, demo data ({time.strftime('%Y-%m-%d %H:%M')})")
    prepare()
    results = {n: run_pages(n, arguments.seconds) for n in arguments.processes}
    failures = []
    for processes, result in results.items():
        failures += report(processes, result)
    if 1 in results and 2 in results:
        scaling = results[2]["mixed"]["rps"] / results[1]["mixed"]["rps"]
        verdict = "PASS" if scaling >= TARGET_SCALING else "FAIL"
        aim = f"target >= {TARGET_SCALING}x on PostgreSQL"
        print(f"\nMixed run, 2 processes against 1: {scaling:.2f}x ({aim}: {verdict})")
    print(
        "\nTargets: every public page >= 50% of the login page's requests/s and p99 < 2x its p99: "
        + ("PASS" if not failures else "FAIL (" + "; ".join(failures) + ")")
    )
    if scratch.startswith(tempfile.gettempdir()):
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
