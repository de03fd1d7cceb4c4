"""The veiligheidsbeeld of every municipality at once, as frames (vectorised, no loop per area).

For a regional or national overview and for the benchmark: per municipality and indicator
the yearly series with rates, every change with its verdict, the trend over four or more
years, and the comparison with the rest of its province and the rest of the country.
"""

from dataclasses import dataclass

import polars as pl

from ivp import analysis
from ivp.regions.models import Municipality

from .safety_picture import REST_OF_COUNTRY
from .selectors import observations_frame


@dataclass
class NationalPicture:
    series: pl.DataFrame  # area, indicator_id, period, value, inhabitants, rate_per_1000
    changes: pl.DataFrame  # changes_frame columns, by area and indicator_id
    trends: pl.DataFrame  # trend_frame columns, by area and indicator_id
    versus_country: pl.DataFrame  # benchmark_frame columns for the last year
    versus_province: pl.DataFrame


def yearly_observations(first_year: int, last_year: int, indicator_ids=None) -> pl.DataFrame:
    frame = observations_frame(
        indicator_ids=indicator_ids,
        periods=[str(year) for year in range(first_year, last_year + 1)],
    )
    return frame.filter(pl.col("area").str.starts_with("GM")).select(
        "area", "indicator_id", "period", "value"
    )


def provinces_frame() -> pl.DataFrame:
    rows = Municipality.objects.values_list("code", "province__code")
    return pl.DataFrame(list(rows), schema={"area": pl.String, "province": pl.String}, orient="row")


def build_national(
    observations: pl.DataFrame, population: pl.DataFrame, provinces: pl.DataFrame
) -> NationalPicture:
    """observations: area, indicator_id, period (years), value — counts per municipality."""
    series = analysis.with_rates(observations, population).sort("indicator_id", "area", "period")
    usable = series.drop_nulls("value")
    by = ["area", "indicator_id"]
    changes = analysis.changes_frame(
        usable.select(*by, "period", "value", "inhabitants"), by=by, swing_by=["indicator_id"]
    )
    trends = analysis.trend_frame(usable.select(*by, "period", "value", "inhabitants"), by=by)

    last = usable.filter(pl.col("period") == pl.col("period").max().over("indicator_id"))
    current = last.select("area", "indicator_id", "value", "inhabitants").drop_nulls()
    versus_country = analysis.benchmark_frame(current, by=["indicator_id"], label=REST_OF_COUNTRY)
    with_province = current.join(provinces, on="area", how="inner").drop_nulls("province")
    versus_province = analysis.benchmark_frame(
        with_province.select("area", "indicator_id", "province", "value", "inhabitants"),
        by=["indicator_id", "province"],
        label="rest van de provincie",
    )
    return NationalPicture(series, changes, trends, versus_country, versus_province)
