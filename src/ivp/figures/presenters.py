"""Charts for the analysis pages: each one an SVG beside a table with the same numbers."""

from django.utils.translation import gettext as _

from ivp.common import charts

from .safety_picture import IndicatorPicture


def series_spec(item: IndicatorPicture) -> dict:
    """Bars per period: the rate per 1,000 inhabitants where there is one, else the value."""
    return charts.series_chart(**_series_inputs(item))


def series_svg(item: IndicatorPicture) -> str:
    return charts.chart_svg(charts.series_chart, **_series_inputs(item))


def _series_inputs(item: IndicatorPicture) -> dict:
    per_1000 = any(p.rate_per_1000 is not None for p in item.series)
    points = [
        {"label": p.period, "value": round(p.rate_per_1000, 2) if per_1000 else p.value}
        for p in item.series
        if (p.rate_per_1000 if per_1000 else p.value) is not None
    ]
    title = _("per 1,000 inhabitants") if per_1000 else item.indicator.unit
    return {"points": points, "y_title": str(title)}


def benchmark_svg(item: IndicatorPicture, municipality_name) -> str:
    points = []
    for benchmark in item.benchmarks:
        if benchmark.reference_rate_per_1000 is not None:
            points.append(
                {"name": benchmark.label, "value": round(benchmark.reference_rate_per_1000, 2)}
            )
    if not points or item.last is None or item.last.rate_per_1000 is None:
        return ""
    points.insert(0, {"name": municipality_name, "value": round(item.last.rate_per_1000, 2)})
    return charts.chart_svg(
        charts.comparison_chart,
        points=points,
        x_title=str(_("per 1,000 inhabitants")),
        highlight=str(municipality_name),
    )
