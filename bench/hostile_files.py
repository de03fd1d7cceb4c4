"""Benchmark: thousands of random and hostile files through every importer (not in CI).

    .venv/bin/python bench/hostile_files.py [--per-importer 1700] [--seed 13]

Generates files for the six importers (national figures, population, own figures, survey,
progress, house-style template) from a fixed seed: random CSV and XLSX, real files from data/
mutated (bytes flipped, truncated, cells replaced by odd digits, absurd years, formulas, cells
over the csv field limit, rows repeated), and hand-made zip bombs, macro and external-link
templates (tests/hostile_kit.py). Each goes through the same service a web upload calls, in a
transaction that is rolled back afterwards. Prints per importer: files, accepted, refused with
a message, crashed (any exception other than ImportFileError), refusals that wrote something,
the slowest file; and the total time and the process's peak RSS. Crashing files are saved in
the scratch folder for reproduction. Runs only on a throw-away database (bench/scratch.py).
"""

import argparse
import random
import resource
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

from scratch import use_scratch_database

scratch = Path(use_scratch_database())
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from ivp.common.importing import ImportFileError  # noqa: E402
from tests import hostile_kit as kit  # noqa: E402

DATA = REPO / "data"
ODD = [
    "²",
    "٤٩",
    "１２",
    "99999",
    "0000",
    "0",
    "-1",
    '=HYPERLINK("http://x")',
    "+1",
    "@A1",
    "\t",
    "NaN",
    "inf",
    "1e999",
    '"',
    "\x00",
    "x" * 140_000,
    "\u202e",
    "01-01-0001",
    "31-02-2024",
    "GM9999",
    "",
    ";",
    ",",
    "\r",
    "é",
    "\ufeff",
]
SEEDS = {
    "progress": (
        b"actie;status;percentage;toelichting;datum\n"
        b"Toezicht en handhaving;lopend;75%;Op schema;01-11-2026\n"
        b"Buurtbemiddeling;afgerond;100;;\n"
    ),
    "survey": b"Thema;Percentage;Score\nOndermijning;49%;4\nalcohol-en-drugs;38,5;\n",
    "own figures": (
        b"Maand;Soort overlast;Aantal meldingen\n"
        b"jan 2024;Jeugd;12\nfeb 2024;Jeugd;9\nmaart 2024;Jeugd;14\n"
        b"jan 2024;Verward gedrag;3\nfeb 2024;Verward gedrag;5\n"
    ),
}


# --- the importers, as a web upload calls them --------------------------------------------


def _setup() -> None:
    from django.core.management import call_command

    from ivp.accounts.demo import demo_load
    from ivp.planning.demo import actions_demo_load, planning_demo_load
    from ivp.planning.policy.services.cycle import cycle_create
    from ivp.regions.models import Municipality
    from ivp.regions.services import regions_load_all
    from ivp.taxonomy.services import taxonomy_load

    call_command("migrate", verbosity=0)
    regions_load_all()
    taxonomy_load()
    demo_load()
    planning_demo_load()
    actions_demo_load()
    cycle_create(
        municipality=Municipality.objects.get(code="GM1701"),
        name="IVP Westerveld 2023–2027",
        plan_start_year=2023,
        plan_end_year=2027,
    )


def importers() -> dict:
    from ivp.figures.models import Observation
    from ivp.planning.models import ProgressUpdate, ThemeScore
    from ivp.regions.models import Population
    from ivp.reports.models import HouseStyle
    from tests import importer_drivers as drivers

    return {
        "national figures": (drivers.import_figures, Observation.objects.count),
        "population": (
            drivers.import_population,
            lambda: sorted(Population.objects.values_list("id", "inhabitants")),
        ),
        "own figures": (drivers.import_own_figures, Observation.objects.count),
        "survey": (
            drivers.import_survey,
            lambda: sorted(ThemeScore.objects.values_list("id", "subjective_percentage")),
        ),
        "progress": (drivers.import_progress, ProgressUpdate.objects.count),
        "house style": (drivers.import_template, HouseStyle.objects.count),
    }


# --- files --------------------------------------------------------------------------------


def _real_seeds() -> dict:
    return {
        "national figures": [
            (
                DATA
                / "politie-47013-gemeente-totaal/gemeente_misdrijven_bevolking_2022_2024_tidy.csv"
            ),
            (DATA / "politie-47013-gemeente-totaal/statline_47013_totaal_2024.csv"),
            (DATA / "politie-nl-totalen-2012-2023/NL_Crime.csv"),
            (DATA / "veiligheidsmonitor-oud/vm_provincie_2015_2017_veiligheidsgevoel.csv"),
        ],
        "population": [
            DATA
            / "cbs-bevolking-gemeente-2002-2025/statline_37230_bevolking_eind_jaar_2002_2024.csv"
        ],
    }


def _csv_rows(raw: bytes) -> tuple[list[list[str]], str]:
    text = raw.decode("utf-8-sig", errors="replace")
    separator = ";" if text[:500].count(";") >= text[:500].count(",") else ","
    return [line.split(separator) for line in text.splitlines()], separator


def _join(rows, separator) -> bytes:
    return "\n".join(separator.join(row) for row in rows).encode()


def mutate(rng: random.Random, raw: bytes, tabular: bool) -> tuple[str, bytes]:
    """One hostile variant of a real or seed file, and what was done to it."""
    rows, separator = _csv_rows(raw)
    kind = rng.choice(
        ["odd cell"] * 4
        + ["flip bytes", "truncate", "repeat rows", "separator", "cp1252", "empty", "header"]
        + (["as xlsx", "as xlsx", "odd xlsx"] if tabular else [])
    )
    if kind == "odd cell":
        for _ in range(rng.randint(1, 3)):
            row = rng.choice(rows[1:] or rows)
            if row:
                row[rng.randrange(len(row))] = rng.choice(ODD)
        return kind, _join(rows, separator)
    if kind == "flip bytes":
        data = bytearray(raw)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return kind, bytes(data)
    if kind == "truncate":
        return kind, raw[: rng.randrange(len(raw))]
    if kind == "repeat rows":
        body = rows[1:2] * rng.choice([10, 1_000, 60_000])
        return kind, _join(rows[:1] + body, separator)
    if kind == "separator":
        return kind, _join(rows, rng.choice([",", "\t", "|", ";"]))
    if kind == "cp1252":
        return kind, _join(rows, separator).decode().encode("cp1252", errors="replace")
    if kind == "empty":
        return kind, rng.choice([b"", b" \n\n", b"\xef\xbb\xbf", b"PK", b"\x00" * 100])
    if kind == "header":
        rows[0] = [rng.choice(ODD) for _ in rows[0]]
        return kind, _join(rows, separator)
    cells = [[_xlsx_value(rng, c) if kind == "odd xlsx" else c for c in row] for row in rows]
    return kind, kit.xlsx([[kit_legal(c) for c in row] for row in cells])


def _xlsx_value(rng: random.Random, cell: str):
    roll = rng.random()
    if roll < 0.1:
        return rng.choice(ODD)
    if roll < 0.2:
        return rng.choice([-1.5, 10**20, 0, 2024, float(rng.randint(-9, 9))])
    return cell


def kit_legal(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)[:32_000] if isinstance(value, str) else value


def random_table(rng: random.Random) -> bytes:
    headers = [
        ["actie", "status", "percentage", "toelichting", "datum"],
        ["thema", "percentage", "score"],
        ["periode", "aantal"],
        ["gemeentecode", "gemeentenaam", "provincie", "jaar", "geregistreerde_misdrijven"],
    ]
    words = [*ODD, "Toezicht en handhaving", "lopend", "Ondermijning", "2024", "jan 2024", "7"]
    header = rng.choice(headers)
    rows = [
        [rng.choice(words) for _ in range(rng.randint(0, len(header) + 2))]
        for _ in range(rng.randint(0, 30))
    ]
    if rng.random() < 0.3:
        return kit.xlsx([[kit_legal(c) for c in row] for row in [header, *rows]])
    return _join([header, *rows], rng.choice([";", ",", "\t"]))


def bombs(rng: random.Random, importer: str) -> tuple[str, bytes]:
    if importer == "house style":
        choice = rng.choice(["ratio", "many", "nested", "path", "truncated", "macro", "links"])
        if choice == "macro":
            return choice, kit.hostile_template(macros=True, external=rng.random() < 0.5)
        if choice == "links":
            return choice, kit.hostile_template(macros=False, external=True)
        kind = "docx"
    else:
        choice = rng.choice(
            ["ratio", "many", "nested", "path", "truncated", "sheetless", "broken", "wide", "rows"]
        )
        kind = "xlsx"
    if choice == "ratio":
        return choice, kit.ratio_bomb(kind, rng.choice([3, 40, 102]))
    if choice == "many":
        return choice, kit.many_entries(kind, rng.choice([500, 1_500]))
    if choice == "nested":
        return choice, kit.nested_zip(kind)
    if choice == "path":
        return choice, kit.unsafe_path(kind)
    if choice == "truncated":
        base = kit.TEMPLATE.read_bytes() if kind == "docx" else kit.xlsx([["a", "b"]] * 300)
        return choice, base[: rng.randrange(len(base))]
    if choice == "sheetless":
        return choice, kit.sheetless()
    if choice == "broken":
        return choice, kit.broken_sheet_xml()
    if choice == "wide":
        return choice, kit.wide_dimension()
    return choice, kit.row_bomb(rng.choice([1_000, 60_000]))


def template_variant(rng: random.Random) -> tuple[str, bytes]:
    real = kit.TEMPLATE.read_bytes()
    roll = rng.random()
    if roll < 0.4:
        data = bytearray(real)
        for _ in range(rng.randint(1, 10)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return "flip bytes", bytes(data)
    if roll < 0.6:
        return "random bytes", rng.randbytes(rng.randint(0, 5000))
    if roll < 0.8:
        return "xlsx as docx", kit.xlsx([["a"]])
    return "real", real


def files_for(importer: str, count: int, rng: random.Random):
    seeds = [p.read_bytes() for p in _real_seeds().get(importer, [])] or [SEEDS.get(importer)]
    tabular = importer in SEEDS
    for number in range(count):
        roll = rng.random()
        if roll < 0.04:
            kind, raw = bombs(rng, importer)
        elif importer == "house style":
            kind, raw = template_variant(rng)
        elif roll < 0.25:
            kind, raw = "random table", random_table(rng)
        else:
            kind, raw = mutate(rng, rng.choice(seeds), tabular)
        name = f"{importer.replace(' ', '-')}-{number}.{'docx' if importer == 'house style' else 'xlsx' if raw[:2] == b'PK' else 'csv'}"
        yield kind, name, raw


# --- the run ------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-importer", type=int, default=1_700)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    _setup()
    rng = random.Random(args.seed)
    crashes_dir = scratch / "crashes"
    crashes_dir.mkdir(exist_ok=True)
    results: dict[str, Counter] = defaultdict(Counter)
    slowest: dict[str, tuple[float, str]] = {}
    crash_kinds: Counter = Counter()
    started = time.perf_counter()
    for importer, (run, state) in importers().items():
        for kind, name, raw in files_for(importer, args.per_importer, rng):
            begin = time.perf_counter()
            with transaction.atomic():
                before = state()
                try:
                    run(name, raw)
                    outcome = "accepted"
                except ImportFileError as error:
                    good = error.problems and all(
                        p.file_name == name and p.message for p in error.problems
                    )
                    outcome = "refused" if good else "refused without a clear message"
                    if state() != before:
                        results[importer]["refused but wrote"] += 1
                except Exception as error:  # the point of the benchmark: nothing else may escape
                    outcome = "crashed"
                    crash_kinds[f"{importer}: {type(error).__name__}: {str(error)[:100]}"] += 1
                    (crashes_dir / name).write_bytes(raw)
                    (crashes_dir / f"{name}.txt").write_text(traceback.format_exc())
                transaction.set_rollback(True)
            seconds = time.perf_counter() - begin
            results[importer][outcome] += 1
            results[importer]["files"] += 1
            if seconds > slowest.get(importer, (0, ""))[0]:
                slowest[importer] = (seconds, f"{kind}, {len(raw) // 1024} KB")
    total = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    columns = ["files", "accepted", "refused", "crashed", "refused but wrote"]
    print(f"{'importer':18}" + "".join(f"{c:>19}" for c in columns) + "  slowest file")
    for importer, counts in results.items():
        seconds, what = slowest[importer]
        print(
            f"{importer:18}"
            + "".join(f"{counts[c]:>19}" for c in columns)
            + f"  {seconds:.2f} s ({what})"
        )
    everything = sum(results.values(), Counter())
    print(f"{'all':18}" + "".join(f"{everything[c]:>19}" for c in columns))
    print(f"time {total:.0f} s, {1000 * total / everything['files']:.1f} ms per file")
    print(f"peak RSS of the process {peak:.0f} MiB")
    for what, count in crash_kinds.most_common(20):
        print(f"crash ×{count}: {what}")
    if crash_kinds:
        print(f"crashing files and tracebacks: {crashes_dir}")


if __name__ == "__main__":
    main()
