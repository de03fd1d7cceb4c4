"""Every benchmark writes: it runs only on a database of its own, a throw-away SQLite file in
a scratch folder, or the server of scripts/with-postgres.sh (IVP_BENCH_DATABASE_URL).

Call `use_scratch_database()` before `django.setup()`. Child processes of a benchmark find
the same folder and database through IVP_BENCH_SCRATCH.
"""

import os
import tempfile


def use_scratch_database() -> str:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ivp.conf.settings")
    scratch = os.environ.get("IVP_BENCH_SCRATCH") or tempfile.mkdtemp(prefix="ivp-bench-")
    os.environ["IVP_BENCH_SCRATCH"] = scratch
    os.environ["IVP_VAR_DIR"] = scratch
    os.environ["DATABASE_URL"] = (
        os.environ.get("IVP_BENCH_DATABASE_URL") or f"sqlite:///{scratch}/bench.sqlite3"
    )
    return scratch
