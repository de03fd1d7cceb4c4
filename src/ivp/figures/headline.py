"""The headline tiles of a municipality's public page, taken from its veiligheidsbeeld.

Every number and word is the safety picture's own: the rate, the change since the year before
(a rise or a fall only when the analysis calls it so), the position among comparable
municipalities (`peer_benchmark`), and the latest survey result where the municipality has one.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.regions.models import Municipality
from ivp.regions.public_page import Tile

from . import drafting, safety_picture
from . import formatting as nl
from .templatetags.figures_format import VERDICT_LABELS

CRIMES = "misdrijven-totaal"
# The survey result a resident reads first: the safety mark of the neighbourhood, else how many
# feel unsafe now and then (Veiligheidsmonitor).
SURVEY_CODES = (
    "vm-rapportcijfer-veiligheid-in-buurt-rapportcijfer",
    "vm-voelt-zich-wel-eens-onveilig",
)


def headline_tiles(municipality: Municipality) -> list[Tile]:
    return tiles_from(safety_picture.build(municipality), municipality)


def tiles_from(picture: safety_picture.SafetyPicture, municipality: Municipality) -> list[Tile]:
    by_code = {item.indicator.code: item for item in picture.indicators}
    tiles = []
    crimes = by_code.get(CRIMES)
    if crimes and crimes.last and crimes.last.rate_per_1000 is not None:
        tiles.append(_rate_tile(crimes, municipality))
        change = year_on_year(crimes)
        if change is not None:
            tiles.append(_change_tile(crimes, change))
        peers = next((b for b in crimes.benchmarks if b.position is not None), None)
        if peers is not None:
            tiles.append(_peer_tile(crimes, peers, municipality))
    survey = next((by_code[c] for c in SURVEY_CODES if c in by_code and by_code[c].last), None)
    if survey is not None:
        tiles.append(_survey_tile(survey))
    return tiles


def year_on_year(item: safety_picture.IndicatorPicture):
    """The change from the year before the last to the last, as the analysis judged it."""
    last = item.last_period
    if not last.isdigit():
        return None
    before = str(int(last) - 1)
    return next((c for c in item.changes if c.from_period == before and c.to_period == last), None)


def _sources(item) -> str:
    return "; ".join(source.credit for source in item.sources)


def _rate_tile(item, municipality) -> Tile:
    last = item.last
    national = next((b for b in item.benchmarks if b.label == safety_picture.REST_OF_COUNTRY), None)
    verdict = ""
    if national is not None and national.verdict is not None:
        verdict = _("Against the rest of the Netherlands: %(verdict)s (%(other)s per 1,000)") % {
            "verdict": VERDICT_LABELS[national.verdict],
            "other": nl.decimal(national.reference_rate_per_1000),
        }
    return Tile(
        title=_("Registered crimes per 1,000 inhabitants"),
        value=nl.decimal(last.rate_per_1000),
        detail=_("%(count)s registered crimes, %(inhabitants)s inhabitants on 1 January")
        % {"count": nl.whole(last.value), "inhabitants": nl.whole(last.inhabitants)},
        verdict=verdict,
        source=_sources(item),
        period=nl.period(last.period),
        link=reverse("figures:safety_picture", args=[municipality.code]),
        link_text=_("Safety picture"),
    )


def _change_tile(item, change) -> Tile:
    return Tile(
        title=_("Change since %(year)s") % {"year": change.from_period},
        value=nl.percent(change.percent_change) if change.percent_change is not None else "—",
        detail=_("per inhabitant; 95%% interval %(interval)s")
        % {"interval": nl.interval(change.percent_ci95, suffix="%")},
        verdict=str(VERDICT_LABELS.get(change.verdict, VERDICT_LABELS[None])),
        source=_sources(item),
        period=f"{change.from_period}–{change.to_period}",
    )


def _peer_tile(item, benchmark, municipality) -> Tile:
    verdict = ""
    if benchmark.verdict is not None:
        verdict = _("Against their median: %(verdict)s") % {
            "verdict": VERDICT_LABELS[benchmark.verdict]
        }
    return Tile(
        title=_("Among comparable municipalities"),
        value=drafting.peer_position(benchmark),
        detail=_("%(own)s against their median of %(median)s per 1,000 inhabitants")
        % {
            "own": nl.decimal(benchmark.rate_per_1000),
            "median": nl.decimal(benchmark.reference_rate_per_1000),
        },
        verdict=verdict,
        source=_sources(item),
        period=nl.period(item.last_period),
        link=reverse("figures:indicator_detail", args=[municipality.code, item.indicator.code]),
        link_text=_("Which municipalities"),
    )


def _survey_tile(item) -> Tile:
    last = item.last
    unit = item.indicator.unit
    value = nl.value(last.value, unit)
    return Tile(
        title=item.indicator.name,
        value=f"{value}%" if unit == nl.PERCENT_UNIT else value,
        detail=_("margin ±%(margin)s") % {"margin": nl.decimal(last.margin)}
        if last.margin is not None
        else "",
        source=_sources(item),
        period=nl.period(last.period),
    )
