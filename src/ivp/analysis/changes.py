"""Changes between periods: registered counts (exact Poisson test) and survey scores (z-test)."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl
from scipy import stats

from ivp.analysis import methods
from ivp.analysis.caution import small_numbers, small_numbers_expr
from ivp.analysis.exact import ExactResult, exact_results, exact_test, exact_tests
from ivp.analysis.frames import refuse_duplicates, require_columns
from ivp.analysis.periods import YEAR, common_granularity, parse_period, period_table
from ivp.analysis.results import Change
from ivp.analysis.verdicts import CHANGE_WORDS, change_verdict, verdict_array

COUNT = "count"
SURVEY = "survey"
Z95 = 1.96  # survey margins are published as 1.96 standard errors
CONSECUTIVE = "opeenvolgend"
FIRST_LAST = "eerste-laatste"


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def _ends(from_period, to_period, a, b) -> dict:
    """A change's two ends: their periods, and their values (None where missing)."""
    return {
        "from_period": from_period,
        "to_period": to_period,
        "from_value": None if _missing(a) else float(a),
        "to_value": None if _missing(b) else float(b),
    }


def _count_change(a, b, exposure_a, exposure_b, method, from_period, to_period) -> Change:
    result = exact_test(a, b, exposure_a, exposure_b, method=method)
    return _count_change_of(result, a, b, from_period, to_period)


def _count_change_of(result: ExactResult, a, b, from_period, to_period) -> Change:
    ratio, ci = result.rate_ratio, result.ci95
    p = result.p_value
    return Change(
        kind=COUNT,
        **_ends(from_period, to_period, a, b),
        difference=None if _missing(a) or _missing(b) else float(b) - float(a),
        percent_change=None if ratio is None else (ratio - 1) * 100,
        rate_ratio=ratio,
        ci95=ci,
        ci95_of="rate_ratio",
        percent_ci95=None if ci is None else ((ci[0] - 1) * 100, (ci[1] - 1) * 100),
        p_value=p,
        verdict=change_verdict(p, *(ci or (None, None)), null=1.0),
        method=result.method,
        small_numbers=small_numbers(a) or small_numbers(b),
    )


def count_change(
    a: float | None,
    b: float | None,
    exposure_a: float | None = None,
    exposure_b: float | None = None,
    *,
    from_period: str = "",
    to_period: str = "",
) -> Change:
    """Change from count `a` to count `b`, each over its exposure (e.g. inhabitants).

    Without both exposures the counts are compared as they are (method says so); with one
    exposure missing there is no test. Zero on either side or a missing value: no test.
    """
    if exposure_a is None and exposure_b is None:
        return _count_change(a, b, 1.0, 1.0, methods.EXACT_COUNTS, from_period, to_period)
    return _count_change(a, b, exposure_a, exposure_b, methods.EXACT, from_period, to_period)


def _survey_arrays(value_a, margin_a, value_b, margin_b) -> dict:
    va, ma, vb, mb = (
        np.atleast_1d(np.asarray(x, dtype=float)) for x in (value_a, margin_a, value_b, margin_b)
    )
    if np.any(ma < 0) or np.any(mb < 0):
        raise ValueError("a margin cannot be negative")
    difference = vb - va
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt((ma / Z95) ** 2 + (mb / Z95) ** 2)
        tested = np.isfinite(difference) & (ma > 0) & (mb > 0)
        z = np.where(tested, difference / se, np.nan)
        percent = np.where(va != 0, difference / np.abs(va) * 100, np.nan)
    p = np.where(tested, 2 * stats.norm.sf(np.abs(z)), np.nan)
    method = np.where(
        np.isnan(difference),
        methods.NO_TEST_MISSING,
        np.where(tested, methods.SURVEY, methods.NO_TEST_MARGIN),
    ).astype(object)
    return {
        "difference": difference,
        "percent_change": percent,
        "ci_low": np.where(tested, difference - Z95 * se, np.nan),
        "ci_high": np.where(tested, difference + Z95 * se, np.nan),
        "p_value": p,
        "method": method,
    }


def _none(x: float) -> float | None:
    return None if math.isnan(x) else float(x)


def survey_change(
    value_a: float | None,
    margin_a: float | None,
    value_b: float | None,
    margin_b: float | None,
    *,
    from_period: str = "",
    to_period: str = "",
) -> Change:
    """Change in a survey score/percentage; margins are 95% half-widths (SE = margin/1.96).

    Both margins are needed for a test; a margin of 0 counts as unknown.
    """
    r = {
        key: value[0] for key, value in _survey_arrays(value_a, margin_a, value_b, margin_b).items()
    }
    p = _none(r["p_value"])
    ci = None if p is None else (float(r["ci_low"]), float(r["ci_high"]))
    return Change(
        kind=SURVEY,
        **_ends(from_period, to_period, value_a, value_b),
        difference=_none(r["difference"]),
        percent_change=_none(r["percent_change"]),
        rate_ratio=None,
        ci95=ci,
        ci95_of="difference",
        percent_ci95=None,
        p_value=p,
        verdict=change_verdict(p, *(ci or (None, None)), null=0.0),
        method=r["method"],
        small_numbers=False,
    )


@dataclass(frozen=True)
class Series:
    """One indicator in one area. Sorted by period on creation; one granularity only.

    `exposures` are inhabitants per period (None: compare counts as they are); `margins`
    are survey 95% half-widths. For quarters and months the exposure is multiplied by the
    number of days, so February is not a "daling" for being short.
    """

    periods: tuple[str, ...]
    values: tuple[float | None, ...]
    exposures: tuple[float | None, ...] | None = None
    margins: tuple[float | None, ...] | None = None
    kind: str = COUNT

    def __post_init__(self):
        if self.kind not in (COUNT, SURVEY):
            raise ValueError(f"kind must be {COUNT!r} or {SURVEY!r}, not {self.kind!r}")
        columns = {"periods": self.periods, "values": self.values}
        for name in ("exposures", "margins"):
            if getattr(self, name) is not None:
                columns[name] = getattr(self, name)
        if len({len(column) for column in columns.values()}) != 1:
            raise ValueError("periods, values, exposures and margins differ in length")
        if len(set(self.periods)) != len(self.periods):
            raise ValueError("a period occurs twice in the series")
        if self.periods:
            common_granularity(self.periods)
        order = sorted(
            range(len(self.periods)), key=lambda i: parse_period(self.periods[i]).sort_key
        )
        for name, column in columns.items():
            object.__setattr__(self, name, tuple(column[i] for i in order))

    @classmethod
    def from_frame(cls, frame: pl.DataFrame, kind: str = COUNT) -> "Series":
        """From a frame of one area/indicator: period, value, optional inhabitants, margin."""
        require_columns(frame, ["period", "value"], "series frame")

        def column(name):
            return tuple(frame[name].to_list()) if name in frame.columns else None

        return cls(column("period"), column("value"), column("inhabitants"), column("margin"), kind)


def _pairs(n: int) -> list[tuple[int, int]]:
    pairs = [(i, i + 1) for i in range(n - 1)]
    return [*pairs, (0, n - 1)] if n >= 3 else pairs


def changes(series: Series) -> list[Change]:
    """Each consecutive pair, then first → last (when there are three periods or more)."""
    periods = series.periods
    result = []
    if series.kind == SURVEY:
        margins = series.margins or (None,) * len(periods)
        for i, j in _pairs(len(periods)):
            result.append(
                survey_change(
                    series.values[i],
                    margins[i],
                    series.values[j],
                    margins[j],
                    from_period=periods[i],
                    to_period=periods[j],
                )
            )
        return result
    days = [1.0 if parse_period(p).months == 12 else float(parse_period(p).days) for p in periods]
    if series.exposures is None:
        exposures, method = days, methods.EXACT_COUNTS
    else:
        exposures = [
            None if _missing(e) else e * d for e, d in zip(series.exposures, days, strict=True)
        ]
        method = methods.EXACT
    pairs = _pairs(len(periods))
    if not pairs:
        return result
    values = series.values
    tested = exact_results(
        [values[i] for i, _ in pairs],
        [values[j] for _, j in pairs],
        [exposures[i] for i, _ in pairs],
        [exposures[j] for _, j in pairs],
        method,
    )
    for (i, j), test in zip(pairs, tested, strict=True):
        result.append(_count_change_of(test, values[i], values[j], periods[i], periods[j]))
    return result


def changes_frame(
    frame: pl.DataFrame, by: Sequence[str] = ("area",), kind: str = COUNT
) -> pl.DataFrame:
    """`changes` for every group in `by` at once (vectorised; same numbers as `changes`).

    Input: by columns, period, value, optional inhabitants (count) or margin (survey).
    Output per change: by columns, from_period, to_period, comparison ("opeenvolgend" or
    "eerste-laatste"), from_value, to_value, difference, percent_change, rate_ratio,
    ci_low, ci_high (of rate_ratio for counts, of difference for surveys), p_value,
    verdict, method, small_numbers. Unrounded.
    """
    if kind not in (COUNT, SURVEY):
        raise ValueError(f"kind must be {COUNT!r} or {SURVEY!r}, not {kind!r}")
    by = list(by)
    require_columns(frame, [*by, "period", "value"], "frame")
    refuse_duplicates(frame, [*by, "period"], "frame")
    table = period_table(frame["period"]).select("period", "granularity", "days", "order")
    data = frame.join(table, on="period", how="left")
    if by:
        mixed = (
            data.group_by(by)
            .agg(pl.col("granularity").n_unique())
            .filter(pl.col("granularity") > 1)
        )
        if mixed.height:
            raise ValueError(f"a series needs one granularity: {mixed.row(0, named=True)}")
    elif data["granularity"].n_unique() > 1:
        raise ValueError("a series needs one granularity")

    days = pl.when(pl.col("granularity") == YEAR).then(1.0).otherwise(pl.col("days"))
    with_population = "inhabitants" in frame.columns
    exposure = pl.col("inhabitants").cast(pl.Float64) * days if with_population else days
    margin = pl.col("margin") if "margin" in frame.columns else pl.lit(None, pl.Float64)
    data = data.sort([*by, "order"]).select(
        *by,
        "period",
        "order",
        pl.col("value").cast(pl.Float64).fill_nan(None),
        exposure.alias("exposure"),
        margin.cast(pl.Float64).alias("margin"),
    )
    carried = ["period", "order", "value", "exposure", "margin"]

    def over(expr: pl.Expr) -> pl.Expr:
        return expr.over(by) if by else expr

    consecutive = (
        data.with_columns(over(pl.col(c).shift(1)).alias(f"from_{c}") for c in carried)
        .rename({c: f"to_{c}" for c in carried})
        .filter(pl.col("from_period").is_not_null())
        .with_columns(comparison=pl.lit(CONSECUTIVE))
    )
    grouped = data.group_by(by, maintain_order=True) if by else data.group_by(pl.lit(0))
    first_last = (
        grouped.agg(
            *(pl.col(c).first().alias(f"from_{c}") for c in carried),
            *(pl.col(c).last().alias(f"to_{c}") for c in carried),
            pl.len().alias("_n"),
        )
        .filter(pl.col("_n") >= 3)
        .select(consecutive.columns[:-1])
        .with_columns(comparison=pl.lit(FIRST_LAST))
    )
    pairs = pl.concat([consecutive, first_last.select(consecutive.columns)])
    pairs = pairs.sort([*by, pl.col("comparison") == FIRST_LAST, "to_order"], maintain_order=True)

    a, b = pairs["from_value"].to_numpy(), pairs["to_value"].to_numpy()
    if kind == COUNT:
        tests = exact_tests(
            a,
            b,
            pairs["from_exposure"].to_numpy(),
            pairs["to_exposure"].to_numpy(),
            method=methods.EXACT if with_population else methods.EXACT_COUNTS,
        )
        percent = (tests["rate_ratio"] - 1) * 100
        null = 1.0
    else:
        tests = _survey_arrays(a, pairs["from_margin"].to_numpy(), b, pairs["to_margin"].to_numpy())
        tests["rate_ratio"] = np.full(len(a), np.nan)
        percent = tests["percent_change"]
        null = 0.0
    verdict = verdict_array(tests["p_value"], tests["ci_low"], tests["ci_high"], null, CHANGE_WORDS)

    def column(name, values):
        return pl.Series(name, values, dtype=pl.Float64, nan_to_null=True)

    small = small_numbers_expr("from_value") | small_numbers_expr("to_value")
    return pairs.select(
        *by,
        "from_period",
        "to_period",
        "comparison",
        "from_value",
        "to_value",
        (pl.col("to_value") - pl.col("from_value")).alias("difference"),
        column("percent_change", percent),
        column("rate_ratio", tests["rate_ratio"]),
        column("ci_low", tests["ci_low"]),
        column("ci_high", tests["ci_high"]),
        column("p_value", tests["p_value"]),
        pl.Series("verdict", verdict, dtype=pl.String),
        pl.Series("method", tests["method"], dtype=pl.String),
        (small if kind == COUNT else pl.lit(False)).alias("small_numbers"),
    )
