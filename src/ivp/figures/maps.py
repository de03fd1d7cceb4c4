"""The map of municipalities coloured by rate, with the same numbers as a table."""

import re

import polars as pl
from django.utils.translation import gettext as _

from ivp import analysis
from ivp.common import charts, revisions
from ivp.regions.converters import MunicipalityCode
from ivp.regions.models import Municipality

from .models import Indicator, Source
from .selectors import observations_frame, population_frame


def known_code(value: str | None) -> str | None:
    """The municipality a `?gemeente=` value names (any case, spaces around), or None.

    Only known codes reach the map's cache key, so a stream of made-up values renders
    nothing new and leaves no cache entries behind: they all get the plain map."""
    code = (value or "").strip().upper()
    well_formed = re.fullmatch(MunicipalityCode.regex, code)  # asks nothing else of the database
    return code if well_formed and Municipality.objects.filter(code=code).exists() else None


def map_view(indicator: Indicator, *, year: int | None, highlight: str | None) -> dict:
    """Computed once per revision of the figures; an unknown `highlight` counts as none."""
    highlight = known_code(highlight)
    return revisions.cached(
        "rate-map",
        (revisions.FIGURES,),
        (indicator.pk, year, highlight),
        lambda: _map_view(indicator, year, highlight),
    )


def _map_view(indicator: Indicator, year: int | None, highlight: str | None) -> dict:
    frame = observations_frame(indicator_ids=[indicator.pk]).filter(
        pl.col("area").str.starts_with("GM") & (pl.col("period").str.len_chars() == 4)
    )
    years = sorted(frame["period"].unique().cast(pl.Int64).to_list())
    if not years:
        return {"years": [], "rows": [], "svg": "", "year": None, "highlight": None}
    year = year if year in years else years[-1]
    in_year = frame.filter(pl.col("period") == str(year))
    rated = analysis.with_rates(in_year.select("area", "period", "value"), population_frame())
    names = dict(Municipality.objects.values_list("code", "name"))
    rows = sorted(
        (
            {
                "code": r["area"],
                "name": names.get(r["area"], r["area"]),
                "value": r["value"],
                "rate": r["rate_per_1000"],
                "chosen": r["area"] == highlight,
            }
            for r in rated.iter_rows(named=True)
        ),
        key=lambda row: -(row["rate"] or 0),
    )
    values = {r["code"]: round(r["rate"], 1) for r in rows if r["rate"] is not None}
    on_map = {f["properties"]["statcode"] for f in charts.municipality_shapes()["features"]}
    sources = Source.objects.filter(pk__in=in_year["source_id"].unique().to_list())
    return {
        "year": year,
        "years": years,
        "rows": rows,
        "highlight": names.get(highlight) if highlight else None,
        "svg": charts.map_svg(values, highlight=highlight, legend_title=_("per 1,000 inhabitants")),
        "missing_from_map": sorted(names[c] for c in values if c not in on_map and c in names),
        "sources": list(sources),
        "synthetic": any(s.synthetic for s in sources),
    }
