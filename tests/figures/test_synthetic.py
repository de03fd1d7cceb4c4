"""The SYNTHETIC 47013NED generator: layout, keys, internal consistency and determinism.

No database: the generator reads the metadata and population CSVs under data/ itself.
"""

import csv
import io
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from ivp.analysis.swing import swing_between_areas
from ivp.figures.synthetic import (
    PROGRESS_STEP,
    SYNTHETIC_MARK,
    is_synthetic,
    synthesize_47013,
)

REPO = Path(__file__).resolve().parents[2]
METADATA = REPO / "data" / "politie-47013-gemeente-totaal" / "metadata_47013NED_2025-12.csv"
HEADER = (
    '"ID";"SoortMisdrijf";"RegioS";"Perioden";'
    '"GeregistreerdeMisdrijven_1";"Aangiften_2";"Internetaangiften_3"'
)
TOPICS = ("GeregistreerdeMisdrijven_1", "Aangiften_2", "Internetaangiften_3")
THREE = ["GM1708", "GM1701", "GM0160"]  # Steenwijkerland, Westerveld, Hardenberg


def metadata_keys() -> dict[str, list[str]]:
    """Keys per code-list section, read independently of the module under test."""
    text = METADATA.read_bytes().decode("utf-8-sig")
    keys: dict[str, list[str]] = defaultdict(list)
    section = None
    header = None
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
        if row and row[0] and not any(row[1:]):
            section, header = row[0], None
        elif header is None:
            header = row
        elif header[0] == "Key":
            keys[section].append(row[0])
    return keys


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


@pytest.fixture(scope="module")
def keys():
    return metadata_keys()


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    calls = []
    path = synthesize_47013(
        tmp_path_factory.mktemp("three"),
        first_year=2022,
        last_year=2024,
        municipality_codes=THREE,
        progress=lambda step, done, total: calls.append((step, done, total)),
    )
    return path, read_rows(path), calls


def test_header_encoding_and_quoting(three):
    path, _, _ = three
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8").split("\n")
    assert lines[0] == HEADER
    assert lines[-1] == ""
    field = r'"[^"]*"'
    pattern = re.compile(rf"^{field}(;{field}){{6}}$")
    assert all(pattern.match(line) for line in lines[1:-1])


def test_name_marks_synthetic(three):
    path, _, _ = three
    assert SYNTHETIC_MARK in path.name
    assert path.name == "47013NED_SYNTHETISCH_2022-2024_3gemeenten.csv"
    assert is_synthetic(path) and is_synthetic(path.name)
    assert not is_synthetic("47013NED_2025-12.csv")


def test_progress_per_municipality(three):
    _, _, calls = three
    assert calls[0] == (PROGRESS_STEP, 0, 3)
    assert calls[-1] == (PROGRESS_STEP, 3, 3)
    assert len(calls) == 4


def test_keys_are_real_metadata_keys_with_padding(three, keys):
    _, rows, _ = three
    assert {r["SoortMisdrijf"] for r in rows} == set(keys["SoortMisdrijf"])
    assert "0.0.0 " in {r["SoortMisdrijf"] for r in rows}
    assert "1.1.1 " in {r["SoortMisdrijf"] for r in rows}
    assert {r["RegioS"] for r in rows} == set(THREE)
    assert {r["RegioS"] for r in rows} <= set(keys["RegioS"])
    assert {r["Perioden"] for r in rows} <= set(keys["Perioden"])
    assert [int(r["ID"]) for r in rows] == list(range(len(rows)))


def test_every_month_and_year_present(three, keys):
    _, rows, _ = three
    expected = {f"{y}MM{m:02d}" for y in (2022, 2023, 2024) for m in range(1, 13)}
    expected |= {f"{y}JJ00" for y in (2022, 2023, 2024)}
    per_cell = defaultdict(list)
    for r in rows:
        per_cell[r["SoortMisdrijf"], r["RegioS"]].append(r["Perioden"])
    assert len(per_cell) == len(keys["SoortMisdrijf"]) * len(THREE)
    for periods in per_cell.values():
        assert len(periods) == len(expected)
        assert set(periods) == expected


def test_values_are_non_negative_integers(three):
    _, rows, _ = three
    for r in rows:
        values = [r[t] for t in TOPICS]
        assert all(v.isdigit() for v in values), r
        registered, aangiften, internet = map(int, values)
        assert internet <= aangiften <= registered


def values(rows) -> dict[tuple[str, str, str], tuple[int, int, int]]:
    return {
        (r["SoortMisdrijf"], r["RegioS"], r["Perioden"]): tuple(int(r[t]) for t in TOPICS)
        for r in rows
    }


def test_year_rows_are_sum_of_months(three):
    _, rows, _ = three
    cells = values(rows)
    years = [(k, v) for k, v in cells.items() if k[2].endswith("JJ00")]
    assert years
    for (crime, region, period), total in years:
        year = period[:4]
        months = [cells[crime, region, f"{year}MM{m:02d}"] for m in range(1, 13)]
        assert total == tuple(sum(column) for column in zip(*months, strict=True))


def test_totals_are_sum_of_components(three, keys):
    _, rows, _ = three
    cells = values(rows)
    leaves = [k for k in keys["SoortMisdrijf"] if k != "0.0.0 "]
    # 47013NED's only aggregate is 0.0.0; every other code is a leaf (no x.0.0 / x.y.0 codes).
    assert not [k for k in leaves if "0" in k.strip().split(".")]
    for (crime, region, period), total in cells.items():
        if crime != "0.0.0 ":
            continue
        parts = [cells[leaf, region, period] for leaf in leaves]
        assert total == tuple(sum(column) for column in zip(*parts, strict=True))


def test_same_seed_same_bytes_other_seed_differs(three, tmp_path):
    path, _, _ = three
    again = synthesize_47013(
        tmp_path / "a", first_year=2022, last_year=2024, municipality_codes=list(reversed(THREE))
    )
    assert again.read_bytes() == path.read_bytes()
    other = synthesize_47013(
        tmp_path / "b", first_year=2022, last_year=2024, municipality_codes=THREE, seed=1
    )
    assert other.name == path.name
    assert other.read_bytes() != path.read_bytes()


def test_steenwijkerland_yearly_total_is_plausible(three):
    _, rows, _ = three
    totals = {
        r["Perioden"]: int(r["GeregistreerdeMisdrijven_1"])
        for r in rows
        if r["SoortMisdrijf"] == "0.0.0 " and r["RegioS"] == "GM1708" and "JJ" in r["Perioden"]
    }
    assert len(totals) == 3
    for total in totals.values():
        assert 500 <= total <= 3000  # real: 1374 / 1204 / 1133 in 2022-2024
    aangiften = sum(
        int(r["Aangiften_2"])
        for r in rows
        if r["SoortMisdrijf"] == "0.0.0 " and "JJ" in r["Perioden"]
    )
    registered = sum(
        int(r["GeregistreerdeMisdrijven_1"])
        for r in rows
        if r["SoortMisdrijf"] == "0.0.0 " and "JJ" in r["Perioden"]
    )
    assert 0.6 <= aangiften / registered <= 0.9


def test_full_size_row_count_on_twenty_municipalities(tmp_path, keys, three):
    regions = [k for k in keys["RegioS"] if k.startswith("GM") and k not in ("GM0998", "GM0999")]
    assert len(regions) == 342
    subset = [*[code for code in regions if code != "GM1708"][::17][:19], "GM1708"]
    path = synthesize_47013(tmp_path, municipality_codes=subset)
    assert path.name == "47013NED_SYNTHETISCH_2012-2025_20gemeenten.csv"
    periods = [p for p in keys["Perioden"] if 2012 <= int(p[:4]) <= 2025]
    rows = read_rows(path)
    assert len(rows) == 20 * len(keys["SoortMisdrijf"]) * len(periods)
    # Full national file: 342 x 59 crime types x 180 periods (2025 stops at MM11, no 2025JJ00).
    assert len(keys["SoortMisdrijf"]) == 59 and len(periods) == 180
    # A municipality's figures do not depend on which others are generated with it.
    _, three_rows, _ = three
    there = {k: v for k, v in values(three_rows).items() if k[1] == "GM1708"}
    here = values(rows)
    assert len(there) == 59 * 39
    assert all(here[key] == value for key, value in there.items())


def test_national_row_is_sum_of_municipalities(tmp_path):
    path = synthesize_47013(
        tmp_path, first_year=2024, last_year=2024, municipality_codes=THREE, include_nederland=True
    )
    cells = values(read_rows(path))
    nl = {k: v for k, v in cells.items() if k[1] == "NL01  "}
    assert nl
    for (crime, _, period), total in nl.items():
        parts = [cells[crime, code, period] for code in THREE]
        assert total == tuple(sum(column) for column in zip(*parts, strict=True))


def test_rejects_unknown_municipality_and_years(tmp_path):
    with pytest.raises(ValueError, match="GM0998"):
        synthesize_47013(tmp_path, municipality_codes=["GM0998"])
    with pytest.raises(ValueError, match="2011"):
        synthesize_47013(tmp_path, first_year=2011, last_year=2012)
    assert not list(tmp_path.iterdir())


def test_module_does_not_import_django():
    code = (
        "import sys, ivp.figures.synthetic; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


POPULATION = REPO / "data" / "politie-47013-gemeente-totaal"
POPULATION = POPULATION / "gemeente_misdrijven_bevolking_2022_2024_tidy.csv"


def _swing_of_totals(path: Path) -> float:
    """The swing between 2022 and 2023 that ivp estimates from the file's municipal totals."""
    rows = [
        r
        for r in read_rows(path)
        if r["SoortMisdrijf"] == "0.0.0 " and r["Perioden"] in ("2022JJ00", "2023JJ00")
    ]
    counts = {(r["RegioS"], r["Perioden"][:4]): float(r[TOPICS[0]]) for r in rows}
    with POPULATION.open(encoding="utf-8", newline="") as handle:
        people = {
            (r["gemeentecode"], r["jaar"]): r["bevolking_31dec"] for r in csv.DictReader(handle)
        }
    both = [
        code
        for code, year in counts
        if year == "2022" and people.get((code, "2022"), ".").isdigit()
        and people.get((code, "2023"), ".").isdigit()
    ]  # fmt: skip
    swing = swing_between_areas(
        [counts[c, "2022"] for c in both], [counts[c, "2023"] for c in both],
        [float(people[c, "2022"]) for c in both], [float(people[c, "2023"]) for c in both],
    )  # fmt: skip
    assert swing.areas > 300
    return swing.tau


@pytest.mark.parametrize("seed", [1, 47013])
def test_the_totals_swing_between_years_as_registered_counts_do(tmp_path, seed):
    """Real 47013NED totals swing by about 6% between two years beyond chance; so do the
    synthetic ones, so that tests of the verdicts meet the swing they are judged against."""
    swinging = synthesize_47013(tmp_path / "a", first_year=2022, last_year=2023, seed=seed)
    assert 0.04 <= _swing_of_totals(swinging) <= 0.08
    still = synthesize_47013(
        tmp_path / "b", first_year=2022, last_year=2023, seed=seed, year_level_sigma=0
    )
    assert _swing_of_totals(still) < 0.02  # Poisson noise alone: the swing is the added one
