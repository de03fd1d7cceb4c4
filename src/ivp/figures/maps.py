"""The map of municipalities coloured by rate, with the same numbers as a table."""

import json
import re

import polars as pl
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp import analysis
from ivp.common import charts, revisions
from ivp.regions import search
from ivp.regions.converters import MunicipalityCode
from ivp.regions.models import Municipality

from .models import Indicator, Source
from .selectors import observations_frame, population_frame


def known_code(value: str | None) -> str | None:
    """The municipality a `?gemeente=` value names, by CBS code (any case, spaces around) or
    by name (`search.code_named`: "Steenwijkerland", "westervelt", "Giethoorn"), or None.

    Only known codes reach the map's cache key, so a stream of made-up values renders
    nothing new and leaves no cache entries behind: they all get the plain map."""
    code = (value or "").strip().upper()
    if re.fullmatch(MunicipalityCode.regex, code):  # asks nothing else of the database
        return code if Municipality.objects.filter(code=code).exists() else None
    return search.code_named(value or "")


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
        "svg": clickable_map(values, highlight, _("per 1,000 inhabitants")),
        "missing_from_map": sorted(names[c] for c in values if c not in on_map and c in names),
        "sources": list(sources),
        "synthetic": any(s.synthetic for s in sources),
    }


# Vega resolves a link against its own data address; the page's links are the site's own.
_VEGA_LINK = re.compile(r'<a xlink:href="[^"]*?(/gemeenten/GM\d{4}/)"')


def clickable_map(values: dict[str, float], highlight: str | None, legend_title: str) -> str:
    """The map in which each municipality leads to its page. The links are for the mouse: the
    SVG stays hidden from screen readers and out of the tab order (tabindex -1), since the
    table beside it holds the same municipalities as links."""
    spec = charts.map_chart(values, highlight=highlight, legend_title=legend_title)
    page = reverse("regions:municipality_detail", args=["GM0000"]).removesuffix("GM0000/")
    fill = spec["layer"][0]
    fill["transform"] = [
        *fill.get("transform", []),
        {"calculate": f"{json.dumps(page)} + datum.properties.code + '/'", "as": "page"},
    ]
    fill["encoding"]["href"] = {"field": "page", "type": "nominal"}
    return _VEGA_LINK.sub(r'<a href="\1" tabindex="-1"', charts.to_svg(spec))
