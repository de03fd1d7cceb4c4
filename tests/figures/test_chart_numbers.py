"""Numbers on a chart read as a Dutch reader writes them: 1.500 and 2,5, not 1.5k or 2.5."""

import re

from ivp.common import charts


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_a_series_axis_groups_thousands_with_a_point():
    points = [{"label": "2022", "value": 1374}, {"label": "2023", "value": 2561}]
    texts = _texts(charts.to_svg(charts.series_chart(points, y_title="aantal")))
    assert "2.500" in texts and "1.000" in texts
    assert not any(t.endswith("k") or re.fullmatch(r"\d,\d{3}", t) for t in texts), texts


def test_a_series_axis_of_small_rates_has_a_decimal_comma():
    points = [{"label": "2022", "value": 0.3}, {"label": "2023", "value": 2.6}]
    texts = _texts(charts.to_svg(charts.series_chart(points, y_title="per 1.000 inwoners")))
    assert any(re.fullmatch(r"\d,\d", t) for t in texts), texts
    assert not any(re.fullmatch(r"\d\.\d", t) for t in texts), texts


def test_a_comparison_axis_groups_thousands_with_a_point():
    points = [{"name": "Steenwijkerland", "value": 1240.5}, {"name": "Nederland", "value": 2210.0}]
    svg = charts.to_svg(charts.comparison_chart(points, x_title="aantal", highlight="Nederland"))
    assert "2.000" in _texts(svg)


def test_the_map_legend_has_a_decimal_comma():
    spec = charts.map_chart({"GM1708": 24.78, "GM0363": 71.32}, highlight=None, legend_title="x")
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    legend = _texts(charts.vl_convert.vegalite_to_svg(spec))
    assert any(re.fullmatch(r"\d+,\d", t) for t in legend), legend
