"""How long the test suite takes now against a baseline commit, side by side in one run.

The baseline's suite runs as it ran then (one process, from a worktree of that commit);
today's suite runs the same tests (the baseline's test ids that still exist) spread over
pytest-xdist workers as `make test` runs it. Issue 14 asked for at most 60% of the time of
the suite before it (commit BASELINE).

    .venv/bin/python bench/test_suite_time.py                            # SQLite
    scripts/with-postgres.sh .venv/bin/python bench/test_suite_time.py   # PostgreSQL

Takes about 15 minutes a database on a 2-core machine; run it on a quiet machine.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASELINE = "57a3fcb"  # the last commit before issue 14's work on test speed
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
PASSED = re.compile(r"(\d+) passed.* in ([\d.]+)s")


def _run(args: list[str], cwd: Path, **env: str) -> tuple[int, float, str]:
    done = subprocess.run(
        args, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, check=False
    )
    found = PASSED.search(done.stdout.splitlines()[-1] if done.stdout else "")
    if done.returncode != 0 or not found:
        sys.exit(f"{' '.join(args)} failed in {cwd}:\n{done.stdout[-3000:]}{done.stderr[-2000:]}")
    return int(found[1]), float(found[2]), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--workers", default="2", help="pytest-xdist workers for today's run")
    parser.add_argument("paths", nargs="*", help="only these test folders or files (a quick check)")
    options = parser.parse_args()
    database = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    # Beside this checkout, so that its tests find ../shared as this one's do.
    worktree = Path(tempfile.mkdtemp(prefix="ivp-baseline-", dir=REPO.parent))
    worktree.rmdir()
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(worktree), options.baseline],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    try:
        collected = subprocess.run(
            [*PYTEST, "--collect-only", "-p", "no:xdist", *options.paths],
            cwd=worktree,
            env={**os.environ, "PYTHONPATH": "src"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        ids = worktree / "baseline-tests.txt"
        ids.write_text("\n".join(line for line in collected.splitlines() if "::" in line))
        then = _run([*PYTEST, "-p", "no:xdist", *options.paths], worktree, PYTHONPATH="src")
        now = _run(
            [*PYTEST, "-p", "same_tests", "-n", options.workers, *options.paths],
            REPO,
            PYTHONPATH=str(REPO / "bench"),
            IVP_SAME_TESTS=str(ids),
        )
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(worktree)],
            cwd=REPO,
            check=False,
            capture_output=True,
        )
    print(f"{database}: the tests of {options.baseline}")
    print(f"| | tests | seconds | against {options.baseline} |")
    print("|---|---:|---:|---:|")
    print(f"| {options.baseline}, one process | {then[0]} | {then[1]:.0f} | 100% |")
    print(
        f"| today, {options.workers} workers | {now[0]} | {now[1]:.0f} | {now[1] / then[1]:.0%} |"
    )


if __name__ == "__main__":
    main()
