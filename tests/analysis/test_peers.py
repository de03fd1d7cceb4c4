import math

import polars as pl
import pytest

from ivp.analysis import peer_group


@pytest.fixture(scope="module")
def municipalities(tidy) -> pl.DataFrame:
    """Inhabitants from the tidy file with a made-up but fixed density per municipality."""
    people = tidy.filter((pl.col("jaar") == 2024) & pl.col("bevolking_31dec").is_not_null())
    return people.select(
        area="gemeentecode",
        inhabitants="bevolking_31dec",
        density=(
            pl.col("bevolking_31dec") / 100
            + pl.col("gemeentecode").str.slice(2).cast(pl.Int64) % 97 * 10
        ),
    )


def test_peer_group_is_deterministic_sized_and_excludes_itself(municipalities):
    peers = peer_group(municipalities, "GM1708")
    assert len(peers) == 10
    assert "GM1708" not in peers
    assert len(set(peers)) == 10
    assert peers == peer_group(municipalities.reverse(), "GM1708")
    assert peer_group(municipalities, "GM1708", size=3) == peers[:3]


def test_nearest_first_with_the_weights_applied():
    frame = pl.DataFrame(
        {
            "area": ["GM1", "GM2", "GM3", "GM4", "GM5"],
            "inhabitants": [10_000, 11_000, 10_000, 100_000, 10_000],
            "density": [100, 100, 1000, 100, 100],
        }
    )
    # GM5 is identical to GM1, GM2 a bit larger, GM3 much denser, GM4 much larger
    assert peer_group(frame, "GM1", size=4) == ["GM5", "GM2", "GM3", "GM4"]
    only_size = peer_group(frame, "GM1", size=4, weights={"inhabitants": 1.0, "density": 0.0})
    assert only_size[:2] == ["GM3", "GM5"]  # equal size, tie broken by code
    assert only_size[-1] == "GM4"


def test_ties_are_broken_by_code():
    frame = pl.DataFrame(
        {"area": ["GM9", "GM2", "GM0", "GM5"], "inhabitants": [5] * 4, "density": [7] * 4}
    )
    assert peer_group(frame, "GM5", size=3) == ["GM0", "GM2", "GM9"]


def test_unusable_municipalities_are_skipped_and_unknown_codes_refused():
    frame = pl.DataFrame(
        {
            "area": ["GM1", "GM2", "GM3"],
            "inhabitants": [10_000, None, 12_000],
            "density": [100.0, 100.0, math.nan],
        }
    )
    assert peer_group(frame, "GM1") == []
    with pytest.raises(ValueError):
        peer_group(frame, "GM2")
    with pytest.raises(ValueError):
        peer_group(frame, "GM7")
    with pytest.raises(ValueError):
        peer_group(frame, "GM1", weights={"inhabitants": -1.0})
