import polars as pl
import pytest
from scipy import stats

from ivp.analysis import compare_areas
from ivp.analysis.methods import NO_TEST_ZERO


@pytest.fixture
def wijken() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "area": ["WK170800", "WK170801", "WK170802", "WK170803"],
            "value": [400.0, 150.0, 12.0, 0.0],
            "inhabitants": [10_000, 10_000, 1_000, 500],
        }
    )


def test_each_wijk_against_the_rest_of_the_municipality(wijken):
    result = compare_areas(wijken)
    assert result["area"].to_list() == ["WK170800", "WK170801", "WK170802", "WK170803"]
    assert result["rate_per_1000"].to_list() == pytest.approx([40.0, 15.0, 12.0, 0.0])
    first = result.row(0, named=True)
    assert first["reference_value"] == 162.0
    assert first["reference_inhabitants"] == 11_500
    expected = stats.binomtest(400, 562, 10_000 / 21_500).pvalue
    assert first["p_value"] == pytest.approx(expected, rel=1e-10)
    assert result["verdict"].to_list()[:2] == ["hoger", "lager"]
    assert result["small_numbers"].to_list() == [False, False, True, True]
    assert result["method"].to_list()[3] == NO_TEST_ZERO
    assert set(result["label"]) == {"rest van de gemeente"}


def test_a_parent_total_counts_registrations_without_a_wijk(wijken):
    result = compare_areas(wijken, parent_total=(662.0, 21_500))
    assert result.row(0, named=True)["reference_value"] == 262.0


def test_population_can_come_from_the_population_frame(wijken):
    frame = wijken.drop("inhabitants").with_columns(period=pl.lit("2024-Q2"))
    population = wijken.select("area", "inhabitants").with_columns(year=pl.lit(2024))
    assert (
        compare_areas(frame, population)["verdict"].to_list()
        == compare_areas(wijken)["verdict"].to_list()
    )
    with pytest.raises(ValueError):
        compare_areas(frame)
