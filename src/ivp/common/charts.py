"""Charts as Vega-Lite specs (Altair), rendered to SVG for pages and PNG/SVG for documents.

The one place that draws: the figures pages, the dashboard and the documents all use it, so
every chart has the same font, colours and map (an import-linter contract keeps it so).

Every chart has a data table beside it in the page; the SVG is decoration for sighted
readers (role="img" with a caption), the table is the accessible form of the same numbers.
"""

import hashlib
import json
import re
from collections.abc import Callable
from functools import cache as memoise
from pathlib import Path

import altair as alt
import vl_convert
from django.core.cache import cache

from .data_files import data_file

# Altair checks every part of a chart against the Vega-Lite schema as it is made: a sixth of a
# national page's first rendering. ivp's charts are few fixed shapes, each rendered in the tests
# (where vl-convert refuses a wrong one), so the check would only repeat itself on every page.
alt.utils.schemapi.disable_debug_mode()

PRIMARY = "#0b5394"
HIGHLIGHT = "#d52b1e"
MUTED = "#8a8a8a"
FONT = "DejaVu Sans"
MAP_FILE = ("cbs-83648-gemeente-2022", "gemeenten_2022_83648_totaal.geojson")
# 5-class sequential palette, readable in greyscale and for colour-blind readers (ColorBrewer Blues)
MAP_SCHEME = "blues"
SVG_CACHE_SECONDS = 7 * 24 * 3600
# Numbers on axes, legends and tooltips as a Dutch reader writes them: 1.234,5 (d3-format)
DUTCH_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
AXIS_NUMBERS = ",~f"  # grouped thousands, no trailing zeros: 1.500 and 2,5 (not 1.5k)
CHART_STYLE = "nl3"  # in the cache key: a change of style is not served from old SVGs


def _config(chart: alt.Chart) -> alt.Chart:
    return (
        chart.configure(font=FONT, locale={"number": DUTCH_NUMBERS})
        .configure_axis(labelFontSize=12, titleFontSize=12, labelColor="#222", titleColor="#222")
        .configure_view(stroke=None)
    )


def series_chart(points: list[dict], *, y_title: str, width: int = 520) -> dict:
    """Bars per period; `points` are {period, value, label} (label = the period as shown)."""
    chart = (
        alt.Chart(alt.Data(values=points))
        .mark_bar(color=PRIMARY)
        .encode(
            x=alt.X("label:O", title=None, sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=AXIS_NUMBERS)),
            tooltip=[
                alt.Tooltip("label:O", title="Periode"),
                alt.Tooltip("value:Q", title=y_title, format=AXIS_NUMBERS),
            ],
        )
        .properties(width=width, height=220)
    )
    return _config(chart).to_dict(validate=False)


def comparison_chart(points: list[dict], *, x_title: str, highlight: str) -> dict:
    """Horizontal bars per area (e.g. the municipality against its peers); one highlighted."""
    chart = (
        alt.Chart(alt.Data(values=points))
        .mark_bar()
        .encode(
            y=alt.Y("name:N", title=None, sort="-x", axis=alt.Axis(labelLimit=320)),
            x=alt.X("value:Q", title=x_title, axis=alt.Axis(format=AXIS_NUMBERS)),
            color=alt.condition(
                alt.datum.name == highlight, alt.value(HIGHLIGHT), alt.value(PRIMARY)
            ),
        )
        .properties(width=420, height=max(120, 22 * len(points)))
    )
    return _config(chart).to_dict(validate=False)


@memoise
def municipality_shapes() -> dict:
    return json.loads(Path(data_file(*MAP_FILE)).read_text(encoding="utf-8"))


def map_chart(values: dict[str, float], *, highlight: str | None, legend_title: str) -> dict:
    """Municipalities (borders of 2022) coloured by value; the chosen one outlined."""
    shapes = municipality_shapes()
    features = [
        {
            **feature,
            "properties": {
                "code": feature["properties"]["statcode"],
                "name": feature["properties"]["statnaam"],
                "value": values.get(feature["properties"]["statcode"]),
            },
        }
        for feature in shapes["features"]
    ]
    data = alt.Data(values=features, format=alt.DataFormat(type="json"))
    base = alt.Chart(data).project(type="mercator")
    fill = base.mark_geoshape(stroke="white", strokeWidth=0.3).encode(
        color=alt.condition(
            "isValid(datum.properties.value)",
            alt.Color(
                "properties.value:Q",
                title=legend_title,
                scale=alt.Scale(scheme=MAP_SCHEME, type="quantile"),
                legend=alt.Legend(orient="left", type="symbol", format=",.1f"),
            ),
            alt.value("#eeeeee"),
        ),
        tooltip=[
            alt.Tooltip("properties.name:N", title="Gemeente"),
            alt.Tooltip("properties.value:Q", title=legend_title, format=",.1f"),
        ],
    )
    layers = [fill]
    if highlight:
        layers.append(
            base.transform_filter(
                f"datum.properties.code === {json.dumps(highlight)}"
            ).mark_geoshape(fill=None, stroke=HIGHLIGHT, strokeWidth=2.5)
        )
    chart = alt.layer(*layers).properties(width=460, height=540)
    return _config(chart).to_dict(validate=False)


def to_svg(spec: dict) -> str:
    """SVG without its XML prolog, hidden from screen readers (the table beside it is the
    accessible form). Rendering takes tens of milliseconds, so the same spec is rendered once."""
    return _cached(_key("spec", spec), lambda: spec)


def chart_svg(chart: Callable[..., dict], **inputs) -> str:
    """`to_svg(chart(**inputs))`, rendered once per chart and inputs. Building an Altair spec
    costs about as much as rendering it, so the cache key is made from the inputs, and a page
    that is read again builds nothing."""
    return _cached(_key(chart.__name__, inputs), lambda: chart(**inputs))


def _key(kind: str, content) -> str:
    made = json.dumps(content, sort_keys=True, default=str).encode()
    return f"ivp:svg:{CHART_STYLE}:{kind}:{hashlib.sha256(made).hexdigest()}"


def _cached(key: str, spec: Callable[[], dict]) -> str:
    svg = cache.get(key)
    if svg is None:
        svg = re.sub(r"<\?xml[^>]*>", "", vl_convert.vegalite_to_svg(spec()))
        svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
        cache.set(key, svg, SVG_CACHE_SECONDS)
    return svg


def to_png(spec: dict, *, scale: float = 2.0) -> bytes:
    return vl_convert.vegalite_to_png(spec, scale=scale)


def map_svg(values: dict[str, float], *, highlight: str | None, legend_title: str) -> str:
    """The map as SVG, rendered once per highlighted municipality (a code the caller has
    checked) and version of the figures."""
    return chart_svg(map_chart, values=values, highlight=highlight, legend_title=legend_title)


STATUS_COLOURS = {
    "gepland": "#8a8a8a",
    "lopend": "#0b5394",
    "afgerond": "#0b6b2f",
    "vertraagd": "#b35900",
    "geschrapt": "#5a1a1a",
}


def status_chart(points: list[dict]) -> dict:
    """Actions per status as horizontal bars, large enough to read beside their table;
    `points` are {status, label, count}."""
    chart = (
        alt.Chart(alt.Data(values=points))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelFontSize=14)),
            x=alt.X(
                "count:Q",
                title="Acties",
                axis=alt.Axis(tickMinStep=1, format=AXIS_NUMBERS, labelFontSize=14),
            ),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values())),
                legend=None,  # the bars are named on the axis
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Status"),
                alt.Tooltip("count:Q", title="Acties", format=AXIS_NUMBERS),
            ],
        )
        .properties(width=440, height=34 * max(1, len(points)))
    )
    return _config(chart).to_dict(validate=False)
