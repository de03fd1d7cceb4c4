import polars as pl
import pytest

from ivp.analysis import with_rates


def test_rates_reproduce_the_published_rates_for_every_municipality_and_year(
    observations, population, tidy
):
    rated = with_rates(observations, population)
    assert rated.height == observations.height  # nothing lost or doubled by the joins
    published = tidy["misdrijven_per_1000_inw"]
    known = published.is_not_null()
    assert int(known.sum()) == 342 * 3 - 1  # Voorne aan Zee did not exist in 2022
    ours = rated["rate_per_1000"].filter(known).round(1)
    assert (ours == published.filter(known)).all()
    # where the source has no rate, neither do we
    assert rated["rate_per_1000"].filter(~known).null_count() == int((~known).sum())


def test_steenwijkerland(observations, population):
    rated = with_rates(observations.filter(pl.col("area") == "GM1708"), population)
    assert rated["value"].to_list() == [1374, 1204, 1133]
    assert rated["rate_per_1000"].round(1).to_list() == [30.3, 26.5, 24.8]
    assert rated["year"].to_list() == [2022, 2023, 2024]


def test_population_follows_the_calendar_year_of_quarters_and_months():
    observations = pl.DataFrame(
        {
            "area": ["GM1", "GM1", "GM1"],
            "period": ["2023-Q4", "2024-01", "2025"],
            "value": [5.0, None, 1.0],
        }
    )
    population = pl.DataFrame(
        {"area": ["GM1", "GM1"], "year": [2023, 2024], "inhabitants": [1000, 2000]}
    )
    rated = with_rates(observations, population)
    assert rated["inhabitants"].to_list() == [1000, 2000, None]
    assert rated["rate_per_1000"].to_list() == [5.0, None, None]


def test_a_zero_population_gives_no_rate():
    observations = pl.DataFrame({"area": ["X"], "period": ["2024"], "value": [3.0]})
    population = pl.DataFrame({"area": ["X"], "year": [2024], "inhabitants": [0]})
    assert with_rates(observations, population)["rate_per_1000"].to_list() == [None]


def test_bad_input_is_refused():
    observations = pl.DataFrame({"area": ["X"], "period": ["2024"], "value": [3.0]})
    doubled = pl.DataFrame({"area": ["X", "X"], "year": [2024, 2024], "inhabitants": [1, 2]})
    with pytest.raises(ValueError, match="more than one row"):
        with_rates(observations, doubled)
    with pytest.raises(ValueError, match="not a period"):
        with_rates(observations.with_columns(period=pl.lit("2024JJ00")), doubled[:1])
    with pytest.raises(ValueError, match="lacks"):
        with_rates(observations.drop("value"), doubled[:1])
