"""Wijken (or buurten) of one municipality, each against the rest of that municipality."""

import polars as pl

from ivp.analysis.benchmark import benchmark_frame
from ivp.analysis.frames import require_columns
from ivp.analysis.rates import with_rates

REST_LABEL = "rest van de gemeente"


def compare_areas(
    frame: pl.DataFrame,
    population: pl.DataFrame | None = None,
    parent_total: tuple[float, float] | None = None,
    *,
    label: str = REST_LABEL,
) -> pl.DataFrame:
    """Each area's rate against the rest of the parent, highest rate first.

    frame: area, value and inhabitants for one indicator and one period; without
    `inhabitants` give `population` (area, year, inhabitants) and a `period` column.
    parent_total: (count, inhabitants) of the whole municipality, when it holds more than
    the sum of the wijken (registrations without a wijk); None uses the sum of the wijken.
    Output: the columns of `benchmark_frame` (reference = rest of the municipality),
    with `small_numbers` for counts below 20.
    """
    require_columns(frame, ["area", "value"], "frame")
    if "period" in frame.columns and frame["period"].n_unique() > 1:
        raise ValueError("compare areas for one period at a time")
    if "inhabitants" not in frame.columns:
        if population is None:
            raise ValueError("frame has no inhabitants and no population was given")
        require_columns(frame, ["period"], "frame")
        frame = with_rates(frame.select("area", "period", "value"), population)
    reference = None
    if parent_total is not None:
        count, inhabitants = parent_total
        reference = pl.DataFrame(
            {"value": [count], "inhabitants": [inhabitants]},
            schema={"value": pl.Float64, "inhabitants": pl.Float64},
        )
    result = benchmark_frame(
        frame.select("area", "value", "inhabitants"),
        reference,
        label=label,
        reference_includes_areas=True,
    )
    return result.sort(
        ["rate_per_1000", "area"], descending=[True, False], nulls_last=True, maintain_order=True
    )
