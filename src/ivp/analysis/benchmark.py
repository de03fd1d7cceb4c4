"""An area's rate against a reference (country, province, peer group, rest of the municipality).

The reference never includes the area itself: a large city would otherwise be compared
partly with itself and look more "average" than it is.
"""

from collections.abc import Sequence

import numpy as np
import polars as pl

from ivp.analysis import methods
from ivp.analysis.caution import small_numbers, small_numbers_expr
from ivp.analysis.exact import exact_test, exact_tests
from ivp.analysis.frames import refuse_duplicates, require_columns
from ivp.analysis.results import Benchmark
from ivp.analysis.swing import Swing, swing_tests
from ivp.analysis.verdicts import COMPARISON_WORDS, comparison_verdict, verdict_array


def exclude_area(
    reference_count: float | None,
    reference_exposure: float | None,
    area_count: float | None,
    area_exposure: float | None,
) -> tuple[float | None, float | None]:
    """The reference totals without the area (for a reference that contains it, e.g. NL).

    (None, None) when any part is unknown; ValueError when the area exceeds the reference.
    """
    parts = (reference_count, reference_exposure, area_count, area_exposure)
    if any(part is None or np.isnan(part) for part in parts):
        return None, None
    count, exposure = reference_count - area_count, reference_exposure - area_exposure
    if count < 0 or exposure <= 0:
        raise ValueError("the area is larger than the reference it is said to be part of")
    return count, exposure


def _per_1000(count, exposure) -> float | None:
    if count is None or exposure is None or np.isnan(count) or not exposure > 0:
        return None
    return count / exposure * 1000


def benchmark(
    area_count: float | None,
    area_exposure: float | None,
    reference_count: float | None,
    reference_exposure: float | None,
    label: str = "",
    *,
    reference_includes_area: bool = False,
    swing: Swing | None = None,
) -> Benchmark:
    """Rate ratio area/reference with its 95% interval and p.

    Exposures are inhabitants of the same period. Set `reference_includes_area` when the
    reference totals still contain the area; they are then reduced by `exclude_area`. With
    the `swing` between years of this figure, the area's level is judged against it: a single
    year's level swings by τ/√2, so the variance of the log ratio is 1/a + 1/b + τ²/2 (z-test);
    without it, the exact conditional binomial test.
    """
    if reference_includes_area:
        reference_count, reference_exposure = exclude_area(
            reference_count, reference_exposure, area_count, area_exposure
        )
    result = exact_test(reference_count, area_count, reference_exposure, area_exposure)
    own_rate = _per_1000(area_count, area_exposure)
    reference_rate = _per_1000(reference_count, reference_exposure)
    method = result.method
    if own_rate is not None and reference_rate is None:
        method = methods.NO_TEST_REFERENCE
    ci, p = result.ci95, result.p_value
    if swing is not None and p is not None:
        judged = swing_tests(reference_count, area_count, reference_exposure, area_exposure,
                             swing.tau2 / 2)  # fmt: skip
        ci = (float(judged["ci_low"][0]), float(judged["ci_high"][0]))
        p, method = float(judged["p_value"][0]), methods.BENCHMARK_SWING
    return Benchmark(
        label=label,
        value=None if area_count is None else float(area_count),
        exposure=None if area_exposure is None else float(area_exposure),
        rate_per_1000=own_rate,
        reference_value=None if reference_count is None else float(reference_count),
        reference_exposure=None if reference_exposure is None else float(reference_exposure),
        reference_rate_per_1000=reference_rate,
        rate_ratio=result.rate_ratio,
        ci95=ci,
        p_value=p,
        verdict=comparison_verdict(p, *(ci or (None, None)), null=1.0),
        method=method,
        small_numbers=small_numbers(area_count),
    )


def benchmark_frame(
    frame: pl.DataFrame,
    reference: pl.DataFrame | None = None,
    *,
    by: Sequence[str] = (),
    label: str = "referentie",
    reference_includes_areas: bool = True,
) -> pl.DataFrame:
    """`benchmark` for every row of `frame` at once.

    frame: area, value, inhabitants, plus the `by` columns (e.g. indicator, period).
    reference: None → the sum of the other areas in the same `by` group (e.g. all
    municipalities → the rest of the country). Otherwise a frame with the `by` columns,
    value and inhabitants, optionally `area` for a reference per area (e.g. each
    municipality's peer-group total); with `reference_includes_areas` the area's own
    figures are subtracted from it.
    Output: area, by columns, label, value, inhabitants, rate_per_1000, reference_value,
    reference_inhabitants, reference_rate_per_1000, rate_ratio, ci_low, ci_high, p_value,
    verdict, method, small_numbers. Unrounded; input row order.
    """
    by = list(by)
    require_columns(frame, ["area", *by, "value", "inhabitants"], "frame")
    refuse_duplicates(frame, ["area", *by], "frame")
    value, people = pl.col("value"), pl.col("inhabitants")
    data = frame.select(
        "area",
        *by,
        value.cast(pl.Float64).fill_nan(None),
        people.cast(pl.Float64),
        _key=pl.lit(0),
    )
    own_valid = value.is_not_null() & (people > 0)
    keys = [*by, "_key"]
    if reference is None:
        totals = (
            data.filter(own_valid)
            .group_by(keys)
            .agg(reference_value=value.sum(), reference_inhabitants=people.sum())
        )
        data = data.join(totals, on=keys, how="left", maintain_order="left")
        subtract = own_valid  # an area missing its figures is not in the totals
    else:
        require_columns(reference, [*by, "value", "inhabitants"], "reference")
        if "area" in reference.columns:
            keys.append("area")
        refuse_duplicates(reference, [k for k in keys if k != "_key"], "reference")
        data = data.join(
            reference.select(
                *(k for k in keys if k != "_key"),
                reference_value=value.cast(pl.Float64).fill_nan(None),
                reference_inhabitants=people.cast(pl.Float64),
                _key=pl.lit(0),
            ),
            on=keys,
            how="left",
            maintain_order="left",
        )
        subtract = pl.lit(reference_includes_areas)
    ref_value, ref_people = pl.col("reference_value"), pl.col("reference_inhabitants")
    data = data.with_columns(
        reference_value=pl.when(subtract).then(ref_value - value).otherwise(ref_value),
        reference_inhabitants=pl.when(subtract).then(ref_people - people).otherwise(ref_people),
    )
    reference_valid = (ref_value >= 0) & (ref_people > 0)
    data = data.with_columns(
        reference_value=pl.when(reference_valid).then(ref_value),
        reference_inhabitants=pl.when(reference_valid).then(ref_people),
        _reference_unknown=own_valid & ~reference_valid.fill_null(False),
    )

    tests = exact_tests(
        data["reference_value"].to_numpy(),
        data["value"].to_numpy(),
        data["reference_inhabitants"].to_numpy(),
        data["inhabitants"].to_numpy(),
    )
    method = np.where(
        data["_reference_unknown"].to_numpy(), methods.NO_TEST_REFERENCE, tests["method"]
    )
    verdict = verdict_array(
        tests["p_value"], tests["ci_low"], tests["ci_high"], 1.0, COMPARISON_WORDS
    )

    def column(name, values):
        return pl.Series(name, values, dtype=pl.Float64, nan_to_null=True)

    def rate(count, exposure):
        return pl.when(pl.col(exposure) > 0).then(pl.col(count) / pl.col(exposure) * 1000)

    return data.select(
        "area",
        *by,
        pl.lit(label).alias("label"),
        "value",
        "inhabitants",
        rate("value", "inhabitants").alias("rate_per_1000"),
        "reference_value",
        "reference_inhabitants",
        rate("reference_value", "reference_inhabitants").alias("reference_rate_per_1000"),
        column("rate_ratio", tests["rate_ratio"]),
        column("ci_low", tests["ci_low"]),
        column("ci_high", tests["ci_high"]),
        column("p_value", tests["p_value"]),
        pl.Series("verdict", verdict.tolist(), dtype=pl.String),
        pl.Series("method", method, dtype=pl.String),
        small_numbers_expr("value").alias("small_numbers"),
    )
