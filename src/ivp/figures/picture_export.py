"""The veiligheidsbeeld as JSON (a stable shape for scripts, see README) and as Markdown."""

import math
from datetime import date

from . import formatting as nl
from .drafting import cautions, indicator_sentences
from .safety_picture import IndicatorPicture, SafetyPicture

FORMAT_VERSION = 1


def rate(value: float | None) -> float | None:
    """Rates as police and CBS publish them: one decimal; below 1 three significant digits."""
    if value is None or not math.isfinite(value):
        return None
    if abs(value) >= 1:
        return round(value, 1)
    return round(value, 2 - math.floor(math.log10(abs(value)))) if value else 0.0


def _number(value: float | None):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def indicator_dict(item: IndicatorPicture, municipality) -> dict:
    return {
        "code": item.indicator.code,
        "name": item.indicator.name,
        "kind": item.indicator.kind,
        "unit": item.indicator.unit,
        "themes": sorted(t.name for t in item.indicator.themes.all()),
        "source": "; ".join(s.credit for s in item.sources),
        "sources": [
            {
                "publisher": s.publisher,
                "table": s.table_id,
                "title": s.title,
                "edition": s.edition,
                "licence": s.licence,
                "synthetic": s.synthetic,
            }
            for s in item.sources
        ],
        "synthetic": item.synthetic,
        "series": [
            {
                "period": p.period,
                "value": _number(p.value),
                "rate_per_1000": rate(p.rate_per_1000),
                "inhabitants": p.inhabitants,
            }
            for p in item.series
        ],
        "changes": [
            {
                "from": c.from_period,
                "to": c.to_period,
                **_without(c.to_dict(), "from_period", "to_period"),
            }
            for c in item.changes
        ],
        "trend": item.trend.to_dict() if item.trend else None,
        "benchmarks": [b.to_dict() for b in item.benchmarks],
        "comparison_left_out": item.comparison_left_out,  # synthetic against real: never made
        "seasonality": item.seasonality.to_dict() if item.seasonality else None,
        # "areas" held the wijken before buurten were compared too: it still does
        "areas": [area for area in item.areas if area["level"] == "wijk"],
        "buurten": [area for area in item.areas if area["level"] == "buurt"],
        "areas_period": item.areas_period or None,
        "text": [s.text for s in indicator_sentences(item, municipality.name)],
        "cautions": cautions(item, municipality.code),
    }


def _without(data: dict, *keys: str) -> dict:
    return {k: v for k, v in data.items() if k not in keys}


def picture_dict(picture: SafetyPicture) -> dict:
    municipality = picture.municipality
    return {
        "format_version": FORMAT_VERSION,
        "municipality": {"code": municipality.code, "name": municipality.name},
        "from": picture.first_year,
        "to": picture.last_year,
        "generated": date.today().isoformat(),
        "peers": picture.peers,
        "fields": [
            {
                "number": f.number,
                "name": f.name,
                "themes": f.themes,
                "indicators": [i.indicator.code for i in f.indicators],
            }
            for f in picture.fields
        ],
        "indicators": [indicator_dict(i, municipality) for i in picture.indicators],
    }


def picture_markdown(picture: SafetyPicture) -> str:
    municipality = picture.municipality
    lines = [
        f"# Veiligheidsbeeld {municipality.name} ({municipality.code}), "
        f"{picture.first_year}–{picture.last_year}",
        "",
    ]
    for field in picture.fields:
        lines += [f"## {field.number}. {field.name}", ""]
        for item in field.indicators:
            lines += _indicator_markdown(item, municipality)
    if picture.without_theme:
        lines += ["## Zonder thema", ""]
        for item in picture.without_theme:
            lines += _indicator_markdown(item, municipality)
    return "\n".join(lines).rstrip() + "\n"


def _indicator_markdown(item: IndicatorPicture, municipality) -> list[str]:
    lines = [f"### {item.indicator.name}", ""]
    lines += [s.text for s in indicator_sentences(item, municipality.name)]
    lines += ["", "| periode | aantal | per 1.000 inwoners | inwoners |", "|---|---:|---:|---:|"]
    for p in item.series:
        lines.append(
            f"| {p.period} | {nl.value(p.value, item.indicator.unit)} | "
            f"{nl.decimal(p.rate_per_1000)} | {nl.whole(p.inhabitants)} |"
        )
    lines += ["", *(f"> {c}" for c in cautions(item, municipality.code)), ""]
    lines += _areas_markdown(item)
    lines += ["; ".join(s.credit for s in item.sources), ""]
    return lines


def _areas_markdown(item: IndicatorPicture) -> list[str]:
    """Wijken and buurten against the rest of the municipality, as on the indicator's page."""
    lines = []
    for level in ("wijk", "buurt"):
        rows = [area for area in item.areas if area["level"] == level]
        if not rows:
            continue
        lines += [
            f"{level.capitalize()}en tegen de rest van de gemeente, {item.areas_period} "
            f"({rows[0]['level_method']}):",
            "",
            f"| {level} | code | aantal | per 1.000 inwoners | oordeel |",
            "|---|---|---:|---:|---|",
        ]
        lines += [
            f"| {area['label']} | {area['area']} | {nl.value(area['value'], item.indicator.unit)}"
            f"{'*' if area['summed'] else ''} | {nl.decimal(area['rate_per_1000'])} | "
            f"{area['verdict'] or 'niet getoetst'} |"
            for area in rows
        ]
        lines.append("")
    if any(area["summed"] for area in item.areas):
        lines += ["\\* opgeteld uit de buurten in het bestand", ""]
    return lines
