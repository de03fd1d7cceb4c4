"""Wijken (or buurten) of one municipality, each against the rest of that municipality.

Registered counts swing from year to year more than chance alone explains, in a buurt as in a
municipality. Where 30 or more areas have counts in two consecutive years, that swing is
estimated between them (`swing_between_areas`) and each area's level is judged against it as
the benchmarks are (τ/√2 for one year's level); with fewer areas only the exact test is left,
and the method says that it is stricter than the figures bear.
"""

import numpy as np
import polars as pl

from ivp.analysis import methods
from ivp.analysis.benchmark import benchmark_frame
from ivp.analysis.frames import require_columns
from ivp.analysis.rates import with_rates
from ivp.analysis.swing import Swing, swing_between_areas, swing_tests
from ivp.analysis.verdicts import COMPARISON_WORDS, verdict_array

REST_LABEL = "rest van de gemeente"
AREAS_SWING = (
    "z-toets op de verhouding, met de gewone schommeling van één jaar (τ/√2) tussen de "
    "gebieden van deze gemeente"
)


def compare_areas(
    frame: pl.DataFrame,
    population: pl.DataFrame | None = None,
    parent_total: tuple[float, float] | None = None,
    *,
    label: str = REST_LABEL,
    swing: Swing | None = None,
) -> pl.DataFrame:
    """Each area's rate against the rest of the parent, highest rate first.

    frame: area, value and inhabitants for one indicator and one period; without
    `inhabitants` give `population` (area, year, inhabitants) and a `period` column.
    parent_total: (count, inhabitants) of the whole municipality, when it holds more than
    the sum of the wijken (registrations without a wijk); None uses the sum of the wijken.
    swing: the swing between years of these areas; each level is then judged against it
    (z-test with τ²/2), otherwise by the exact test.
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
    if swing is not None:
        result = _judged_against_swing(result, swing)
    return result.sort(
        ["rate_per_1000", "area"], descending=[True, False], nulls_last=True, maintain_order=True
    )


def _judged_against_swing(result: pl.DataFrame, swing: Swing) -> pl.DataFrame:
    """The tested rows again, with one year's swing added to the Poisson variance."""
    tested = result["method"] == methods.EXACT
    judged = swing_tests(
        result["reference_value"].to_numpy(),
        result["value"].to_numpy(),
        result["reference_inhabitants"].to_numpy(),
        result["inhabitants"].to_numpy(),
        swing.tau2 / 2,
    )
    keep = ~tested.to_numpy()
    columns = {}
    for name in ("ci_low", "ci_high", "p_value"):
        columns[name] = np.where(keep, result[name].to_numpy(), judged[name])
    verdicts = verdict_array(
        columns["p_value"], columns["ci_low"], columns["ci_high"], 1.0, COMPARISON_WORDS
    )
    return result.with_columns(
        *(
            pl.Series(name, values, dtype=pl.Float64, nan_to_null=True)
            for name, values in columns.items()
        ),
        pl.when(tested)
        .then(pl.Series(verdicts.tolist(), dtype=pl.String))
        .otherwise(pl.col("verdict"))
        .alias("verdict"),
        pl.when(tested).then(pl.lit(AREAS_SWING)).otherwise(pl.col("method")).alias("method"),
    )


def swing_between_years(earlier: pl.DataFrame, later: pl.DataFrame) -> Swing | None:
    """The swing from the areas that have counts in both years (area, value, inhabitants
    each); None with fewer than 30 of them."""
    both = earlier.join(later, on="area", suffix="_later").drop_nulls()
    return swing_between_areas(
        both["value"].to_numpy(),
        both["value_later"].to_numpy(),
        both["inhabitants"].to_numpy(),
        both["inhabitants_later"].to_numpy(),
    )


def compare_areas_over_years(
    later: pl.DataFrame,
    earlier: pl.DataFrame | None,
    parent_total: tuple[float, float] | None = None,
    *,
    label: str = REST_LABEL,
) -> tuple[pl.DataFrame, Swing | None]:
    """`compare_areas` for the later year, judged against the swing between the two years
    when it can be estimated; otherwise the exact test, whose method says it is stricter than
    the figures bear. `parent_total` as for `compare_areas`. Returns the comparison and the
    swing used (None: none)."""
    swing = None if earlier is None else swing_between_years(earlier, later)
    compared = compare_areas(later, parent_total=parent_total, label=label, swing=swing)
    if swing is None:
        compared = compared.with_columns(
            pl.when(pl.col("method") == methods.EXACT)
            .then(pl.lit(methods.EXACT_NO_SWING))
            .otherwise(pl.col("method"))
            .alias("method")
        )
    return compared, swing
