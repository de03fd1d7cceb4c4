"""Rates per 1000 inhabitants, with the population of the observation's calendar year."""

import polars as pl

from ivp.analysis.frames import refuse_columns, refuse_duplicates, require_columns
from ivp.analysis.periods import period_table


def with_rates(observations: pl.DataFrame, population: pl.DataFrame) -> pl.DataFrame:
    """Add `year` (Int32), `inhabitants` (Int64) and `rate_per_1000` (Float64, unrounded).

    The population is the one given for the period's calendar year: callers pass the
    inhabitants on 1 January, as CBS's own rates use (ivp.regions.selectors). Rate is null when the value or the population is missing or the
    population is not positive. Row order is kept. Raises ValueError on a bad period.
    """
    require_columns(observations, ["area", "period", "value"], "observations")
    require_columns(population, ["area", "year", "inhabitants"], "population")
    refuse_columns(observations, ["year", "inhabitants", "rate_per_1000"], "observations")
    years = period_table(observations["period"]).select("period", "year")
    people = population.select(
        pl.col("area").cast(pl.String),
        pl.col("year").cast(pl.Int32),
        pl.col("inhabitants").cast(pl.Int64),
    )
    refuse_duplicates(people, ["area", "year"], "population")
    joined = observations.join(years, on="period", how="left", maintain_order="left").join(
        people, on=["area", "year"], how="left", maintain_order="left"
    )
    return joined.with_columns(
        rate_per_1000=pl.when(pl.col("inhabitants") > 0).then(
            pl.col("value").cast(pl.Float64) / pl.col("inhabitants") * 1000
        )
    )
