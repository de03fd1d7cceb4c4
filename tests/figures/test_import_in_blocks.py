"""A large typed StatLine file is read and checked a block of lines at a time, to keep a national
import's memory low. Here the blocks are made a few KB, so that a small SYNTHETIC file spans
many: what is stored, counted and refused must be exactly what one reading of the whole file
gives."""

import re
from pathlib import Path

import pytest

from ivp.common.importing import ImportFileError
from ivp.figures.formats import odata
from ivp.figures.formats.common import Problems
from ivp.figures.models import Indicator, Observation, Source
from ivp.figures.services import figures_import
from ivp.figures.synthetic import synthesize_47013
from tests.figures.conftest import counts

THREE = ["GM1708", "GM1701", "GM0160"]
PLAIN = "47013NED_2025-12.csv"
SMALL_BLOCK = 4096

pytestmark = pytest.mark.usefixtures("no_figures")


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> bytes:
    path = synthesize_47013(
        tmp_path_factory.mktemp("blocks"), first_year=2023, last_year=2024, municipality_codes=THREE
    )
    raw = Path(path).read_bytes()
    return raw if raw.endswith(b"\n") else raw + b"\n"


@pytest.fixture
def small_blocks(monkeypatch):
    monkeypatch.setattr(odata, "BLOCK_BYTES", SMALL_BLOCK)


def stored() -> list[tuple]:
    return list(
        Observation.objects.order_by("indicator__code", "area_code", "period").values_list(
            "indicator__code",
            "area_code",
            "municipality__code",
            "period",
            "year",
            "value",
            "margin",
            "revision",
        )
    )


def forget_figures() -> None:
    Observation.objects.all().delete()
    Source.objects.all().delete()
    Indicator.objects.all().delete()


def import_once(raw: bytes, monkeypatch, block: int | None):
    """Import `raw` read in blocks of `block` bytes (None: the whole file at once)."""
    with monkeypatch.context() as patch:
        if block:
            patch.setattr(odata, "BLOCK_BYTES", block)
        return figures_import(file_name=PLAIN, raw=raw, edition="2025-12")


def summary(result) -> tuple:
    return (result.inserted, result.replaced, result.unchanged, result.rows_skipped, result.notes)


def test_the_file_spans_many_blocks(raw):
    assert len(raw) > 20 * SMALL_BLOCK


def read_whole_then_in_blocks(raw: bytes, monkeypatch):
    """Imports `raw` read whole, then (after forgetting it) in small blocks; checks that both
    stored the same rows with the same summary, and gives the result in blocks."""
    whole = import_once(raw, monkeypatch, block=None)
    rows = stored()
    forget_figures()

    in_blocks = import_once(raw, monkeypatch, block=SMALL_BLOCK)

    assert stored() == rows
    assert summary(in_blocks) == summary(whole)
    return in_blocks


def test_blocks_store_the_same_rows_as_one_reading(raw, monkeypatch):
    in_blocks = read_whole_then_in_blocks(raw, monkeypatch)
    assert in_blocks.inserted == raw.count(b"\n") - 1


def test_blocks_count_skipped_rows_like_one_reading(raw, monkeypatch):
    lines = raw.splitlines(keepends=True)
    # a row without a published figure early on, a row for Buitenland late in the file
    lines[3] = lines[3].rsplit(b";", 3)[0] + b';"";"1";"1"\n'
    lines[-5] = re.sub(rb'"GM[0-9]{4}"', b'"GM0998"', lines[-5])
    in_blocks = read_whole_then_in_blocks(b"".join(lines), monkeypatch)
    assert in_blocks.rows_skipped == 2


def refusals_whole_and_in_blocks(broken: bytes, monkeypatch) -> tuple[list, list, bool]:
    """The problems of `broken` read whole and read in small blocks, and whether reading in
    blocks read the whole file again (what a national file cannot afford in memory)."""
    reads = []
    real_read_csv = odata.read_csv

    def read_csv(file_name, raw, **options):
        reads.append(len(raw))
        return real_read_csv(file_name, raw, **options)

    before = counts()
    problems = []
    for block in (None, SMALL_BLOCK):
        reads.clear()
        monkeypatch.setattr(odata, "read_csv", read_csv)
        with pytest.raises(ImportFileError) as refused:
            import_once(broken, monkeypatch, block=block)
        problems.append([(p.row, p.column, p.message) for p in refused.value.problems])
    assert counts() == before
    return problems[0], problems[1], len(broken) in reads


def test_blocks_refuse_with_the_same_problems_as_one_reading(raw, monkeypatch):
    lines = raw.splitlines(keepends=True)
    lines[2] = re.sub(rb'"GM[0-9]{4}"', b'"GM9999"', lines[2])
    lines[-3] = lines[-3].rsplit(b";", 3)[0] + b';"x";"1";"1"\n'
    middle = len(lines) // 2
    lines.append(lines[middle])  # the same area, period and crime type again
    whole, in_blocks, _read_again = refusals_whole_and_in_blocks(b"".join(lines), monkeypatch)

    assert in_blocks == whole
    messages = " ".join(message for _row, _column, message in whole)
    assert "GM9999" in messages
    assert "“x”" in messages  # the messages are in Dutch
    assert f" {middle + 1} " in messages


def test_one_bad_row_in_a_late_block_is_refused_without_reading_the_file_again(raw, monkeypatch):
    lines = raw.splitlines(keepends=True)
    lines[-3] = lines[-3].rsplit(b";", 3)[0] + b';"veel";"1";"1"\n'

    whole, in_blocks, read_again = refusals_whole_and_in_blocks(b"".join(lines), monkeypatch)

    assert in_blocks == whole == [(len(lines) - 2, "GeregistreerdeMisdrijven_1", whole[0][2])]
    assert "“veel”" in whole[0][2]
    assert not read_again


def test_a_problem_in_every_block_is_counted_once_as_in_one_reading(raw, monkeypatch):
    lines = raw.splitlines(keepends=True)
    for number in range(5, len(lines), 7):  # some 50 blocks, each with a few
        lines[number] = lines[number].rsplit(b";", 3)[0] + b';"x";"1";"1"\n'

    whole, in_blocks, read_again = refusals_whole_and_in_blocks(b"".join(lines), monkeypatch)

    assert in_blocks == whole
    assert len(whole) == 26 and "en nog" in whole[-1][2]  # 25 rows named, then the rest counted
    assert not read_again


def test_many_bad_rows_in_one_block_and_one_in_another_are_counted_as_in_one_reading(
    raw, monkeypatch
):
    lines = raw.splitlines(keepends=True)
    for number in [*range(5, 45), len(lines) - 3]:  # 40 in the first block, one in the last
        lines[number] = lines[number].rsplit(b";", 3)[0] + b';"x";"1";"1"\n'

    whole, in_blocks, read_again = refusals_whole_and_in_blocks(b"".join(lines), monkeypatch)

    assert in_blocks == whole
    assert len(whole) == 26 and " 16 " in whole[-1][2]  # 41 rows: 25 named, 16 counted
    assert not read_again


def test_problems_whose_order_blocks_cannot_tell_are_found_by_reading_again(raw, monkeypatch):
    lines = raw.splitlines(keepends=True)
    # an early block has a bad count only, a late one an unknown municipality only: the
    # municipalities are checked first, which neither block alone shows
    lines[3] = lines[3].rsplit(b";", 3)[0] + b';"x";"1";"1"\n'
    lines[-3] = re.sub(rb'"GM[0-9]{4}"', b'"GM9999"', lines[-3])

    whole, in_blocks, read_again = refusals_whole_and_in_blocks(b"".join(lines), monkeypatch)

    assert in_blocks == whole and len(whole) == 2
    assert read_again


def test_a_repeat_in_another_block_is_refused(raw, small_blocks):
    lines = raw.splitlines(keepends=True)
    broken = b"".join([*lines, lines[1]])  # the first data row once more, many blocks later
    with pytest.raises(ImportFileError) as refused:
        figures_import(file_name=PLAIN, raw=broken, edition="2025-12")
    [problem] = refused.value.problems
    assert problem.row == len(lines) + 1
    assert " 2 " in problem.message


def test_importing_again_in_blocks_changes_nothing(raw, small_blocks):
    first = figures_import(file_name=PLAIN, raw=raw, edition="2025-12")
    rows = stored()

    again = figures_import(file_name=PLAIN, raw=raw, edition="2025-12")

    assert (again.inserted, again.replaced, again.unchanged) == (0, 0, first.inserted)
    assert stored() == rows


def test_blocks_whose_kinds_come_back_are_left_to_one_reading():
    scattered = Problems(PLAIN)
    for row, kind in ((2, "area"), (3, "period"), (4, "area")):
        scattered.add(row, "RegioS", kind, kind=kind)
    tidy = Problems(PLAIN)
    tidy.add(90, "RegioS", "area", kind="area")

    assert Problems.of_consecutive_blocks(PLAIN, [scattered, tidy]) is None
    merged = Problems.of_consecutive_blocks(PLAIN, [tidy, tidy])
    assert [p.row for p in merged.items] == [90, 90]
