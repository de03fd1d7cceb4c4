"""Changes between periods: registered counts (against the normal swing between years where
it can be estimated, else the exact Poisson test) and survey scores (z-test)."""

import dataclasses
import math
from collections.abc import Mapping, Sequence
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
from ivp.analysis.swing import Swing, own_swing_tests, swing_between_areas, swing_tests
from ivp.analysis.trend import yearly_dispersion
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


def _swing_change(a, b, exposure_a, exposure_b, swing: Swing, from_period, to_period) -> Change:
    tested = {
        k: float(v[0]) for k, v in swing_tests(a, b, exposure_a, exposure_b, swing.tau2).items()
    }
    if math.isnan(tested["p_value"]):  # zero or missing on one side: the exact test says why
        return _count_change(a, b, exposure_a, exposure_b, methods.EXACT, from_period, to_period)
    ratio, ci = tested["rate_ratio"], (tested["ci_low"], tested["ci_high"])
    return Change(
        kind=COUNT,
        **_ends(from_period, to_period, a, b),
        difference=float(b) - float(a),
        percent_change=(ratio - 1) * 100,
        rate_ratio=ratio,
        ci95=ci,
        ci95_of="rate_ratio",
        percent_ci95=((ci[0] - 1) * 100, (ci[1] - 1) * 100),
        p_value=tested["p_value"],
        verdict=change_verdict(tested["p_value"], *ci, null=1.0),
        method=methods.SWING,
        small_numbers=small_numbers(a) or small_numbers(b),
        swing=swing.tau,
        swing_percent=swing.percent,
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


def changes(series: Series, swings: Mapping[tuple[str, str], Swing] | None = None) -> list[Change]:
    """Each consecutive pair, then first → last (when there are three periods or more).

    `swings` holds the normal swing between years per pair of periods (from, to), as all
    municipalities show it: a count's change is judged against it. A pair without one is
    tested exactly, and its method says the swing could not be estimated; without `swings`
    at all (an area of its own kind), every pair is tested exactly.
    """
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
    own = _own_dispersion(series) if swings is not None else None
    for (i, j), test in zip(pairs, tested, strict=True):
        change = _count_change_of(test, values[i], values[j], periods[i], periods[j])
        ends = (values[i], values[j], exposures[i], exposures[j])
        swing = None if swings is None else swings.get((periods[i], periods[j]))
        if change.p_value is None or None in ends[2:]:
            pass  # no test: the exact test says why
        elif swing is not None:
            change = _swing_change(*ends, swing, periods[i], periods[j])
        elif own is not None:
            change = _own_swing_change(change, ends, *own)
        elif swings is not None:
            change = dataclasses.replace(change, method=methods.EXACT_NO_SWING)
        result.append(change)
    return result


def _own_dispersion(series: Series) -> tuple[float, int] | None:
    """The dispersion of an area's own yearly counts around their trend and its degrees of
    freedom, when it has five years or more with a population; else None."""
    if series.exposures is None or common_granularity(series.periods) != YEAR:
        return None
    usable = [
        k
        for k, (v, e) in enumerate(zip(series.values, series.exposures, strict=True))
        if not _missing(v) and not _missing(e) and e > 0
    ]
    if len(usable) < methods.OWN_HISTORY:
        return None
    dispersion = yearly_dispersion(
        [series.periods[k] for k in usable],
        [series.values[k] for k in usable],
        [series.exposures[k] for k in usable],
    )
    return None if dispersion is None else (dispersion, len(usable) - 2)


def _own_swing_change(change: Change, ends, dispersion: float, df: int) -> Change:
    tested = {k: float(v[0]) for k, v in own_swing_tests(*ends, dispersion, df).items()}
    ratio, ci = tested["rate_ratio"], (tested["ci_low"], tested["ci_high"])
    return dataclasses.replace(
        change,
        rate_ratio=ratio,
        percent_change=(ratio - 1) * 100,
        ci95=ci,
        percent_ci95=((ci[0] - 1) * 100, (ci[1] - 1) * 100),
        p_value=tested["p_value"],
        verdict=change_verdict(tested["p_value"], *ci, null=1.0),
        method=methods.OWN_SWING,
    )


def changes_frame(
    frame: pl.DataFrame,
    by: Sequence[str] = ("area",),
    kind: str = COUNT,
    swing_by: Sequence[str] | None = None,
) -> pl.DataFrame:
    """`changes` for every group in `by` at once (vectorised; same numbers as `changes`).

    With `swing_by` (for example ["indicator_id"] when `by` is area and indicator), the
    normal swing between years is estimated from the frame's own areas per `swing_by` and
    pair of periods, and each count's change is judged against it (columns `swing`,
    `swing_percent`); a pair shared by fewer than 30 areas is tested exactly and says so.

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
        if swing_by is not None and with_population:
            tests = _with_swings(pairs, list(swing_by), tests)
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
        pl.Series("verdict", verdict.tolist(), dtype=pl.String),
        pl.Series("method", tests["method"], dtype=pl.String),
        (small if kind == COUNT else pl.lit(False)).alias("small_numbers"),
        column("swing", tests.get("swing", np.full(len(a), np.nan))),
        column("swing_percent", tests.get("swing_percent", np.full(len(a), np.nan))),
    )


def _with_swings(pairs: pl.DataFrame, swing_by: list[str], exact: dict) -> dict:
    """The exact tests replaced, where the pair's swing could be estimated, by the test
    against it; where it could not, the method says so."""
    keys = [*swing_by, "from_period", "to_period"]
    counts = ("from_value", "to_value", "from_exposure", "to_exposure")
    taus = []
    for group in pairs.with_row_index("_row").partition_by(keys):
        swing = swing_between_areas(*(group[c].to_numpy() for c in counts))
        tau2 = None if swing is None else swing.tau2
        taus.append(pl.DataFrame({"_row": group["_row"], "_tau2": [tau2] * group.height}))
    tau2 = pl.concat(taus).sort("_row")["_tau2"].cast(pl.Float64).to_numpy()
    judged = swing_tests(*(pairs[c].to_numpy() for c in counts), tau2)
    use = np.isfinite(tau2) & np.isfinite(judged["p_value"])
    tests = {name: np.where(use, judged[name], exact[name]) for name in judged}
    method = np.asarray(exact["method"], dtype=object).copy()
    method[use] = methods.SWING
    method[~use & np.isfinite(exact["p_value"])] = methods.EXACT_NO_SWING
    tests["method"] = method
    tests["swing"] = np.where(use, np.sqrt(tau2), np.nan)
    tests["swing_percent"] = np.where(use, (np.exp(np.sqrt(tau2)) - 1) * 100, np.nan)
    return tests
