"""Comparable municipalities: nearest neighbours in size and urbanity."""

from collections.abc import Mapping

import polars as pl

from ivp.analysis.frames import refuse_duplicates, require_columns

DEFAULT_WEIGHTS = {"inhabitants": 1.0, "density": 1.0}


def peer_group(
    municipalities: pl.DataFrame,
    code: str,
    size: int = 10,
    weights: Mapping[str, float] | None = None,
) -> list[str]:
    """The `size` municipalities closest to `code`, nearest first, never `code` itself.

    municipalities: area, inhabitants, density (inhabitants per km²). Distance is the
    weighted Euclidean distance between z-scores of log(column) over all municipalities
    with usable (positive) figures; `weights` maps column → weight (any positive columns
    may be used). Ties are broken by code, so the result is deterministic.
    """
    weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
    if size < 0:
        raise ValueError("size cannot be negative")
    if any(weight < 0 for weight in weights.values()) or not any(weights.values()):
        raise ValueError(f"weights must be >= 0 and not all zero: {weights}")
    columns = [column for column, weight in weights.items() if weight > 0]
    require_columns(municipalities, ["area", *columns], "municipalities")
    refuse_duplicates(municipalities, ["area"], "municipalities")
    logged = municipalities.select(
        "area", *(pl.col(c).cast(pl.Float64).log().alias(c) for c in columns)
    ).filter(pl.all_horizontal(pl.col(c).is_finite() for c in columns))
    if code not in logged["area"]:
        raise ValueError(f"{code} is not among the municipalities with usable {columns}")

    def z(column: str) -> pl.Expr:
        spread = pl.col(column).std()
        return pl.when(spread > 0).then((pl.col(column) - pl.col(column).mean()) / spread)

    scored = logged.select("area", *(z(c).fill_null(0.0).alias(c) for c in columns))
    target = scored.filter(pl.col("area") == code).row(0, named=True)
    distance = pl.sum_horizontal(weights[c] * (pl.col(c) - target[c]) ** 2 for c in columns).sqrt()
    return (
        scored.filter(pl.col("area") != code)
        .with_columns(distance=distance)
        .sort(["distance", "area"])
        .head(size)["area"]
        .to_list()
    )
