"""A drafted Dutch text for the veiligheidsbeeld, from the numbers only.

Deterministic templates: every sentence states figures that are in the data table beside it
(`cites` names the rows), and none guesses at a cause. A change is a rise or fall only when
the analysis verdict says so; cautions follow the DESIGN rules for figures.
"""

from dataclasses import dataclass, field

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ivp.analysis import SMALL_NUMBER_THRESHOLD, methods
from ivp.analysis.caution import many_visitors, one_case_many, small_numbers_compared

from . import formatting as nl
from .safety_picture import REST_OF_COUNTRY, FieldPicture, IndicatorPicture, SafetyPicture


@dataclass(frozen=True)
class Sentence:
    text: str
    cites: tuple[str, ...] = field(default_factory=tuple)  # periods or benchmark labels


VERDICT_WORDS = {"stijging": gettext_lazy("rise"), "daling": gettext_lazy("fall")}


def indicator_sentences(picture: IndicatorPicture, municipality_name: str) -> list[Sentence]:
    """A comparison of synthetic with real figures is left out, and that is said."""
    last = picture.last
    if last is None or last.value is None:
        return []
    name = picture.indicator.name
    sentences = []
    if last.rate_per_1000 is not None:
        sentences.append(
            Sentence(
                _("%(name)s in %(period)s: %(value)s in %(place)s, %(rate)s per 1,000 inhabitants.")
                % {
                    "name": name,
                    "period": nl.period(last.period),
                    "value": _amount(last.value, picture.indicator.unit),
                    "place": municipality_name,
                    "rate": nl.decimal(last.rate_per_1000),
                },
                (last.period,),
            )
        )
    else:
        sentences.append(
            Sentence(
                _("%(name)s in %(period)s: %(value)s in %(place)s.")
                % {
                    "name": name,
                    "period": nl.period(last.period),
                    "value": _amount(last.value, picture.indicator.unit),
                    "place": municipality_name,
                },
                (last.period,),
            )
        )
    change = picture.overall_change
    if change is not None:
        sentences.append(_change_sentence(picture, change))
    if picture.trend is not None:
        sentences.append(_trend_sentence(picture))
    if picture.comparison_left_out:
        sentences.append(_comparison_left_out(picture))
    for benchmark in picture.benchmarks:
        sentences.append(_benchmark_sentence(benchmark))
    if picture.seasonality and (
        picture.seasonality.higher_months or picture.seasonality.lower_months
    ):
        sentences.append(_season_sentence(picture.seasonality))
    return sentences


def _amount(value, unit: str) -> str:
    """A value as a sentence says it: a percentage with its sign ('23,0%')."""
    said = nl.value(value, unit)
    return f"{said}%" if unit == nl.PERCENT_UNIT and value is not None else said


def _comparison_left_out(picture) -> Sentence:
    if picture.synthetic:
        return Sentence(
            _(
                "The comparison with other areas is left out: this municipality's figures are "
                "synthetic and theirs are real, and synthetic figures are never compared with "
                "real ones."
            )
        )
    return Sentence(
        _(
            "The comparison with other areas is left out: some of their figures are synthetic "
            "and this municipality's are real, and synthetic figures are never compared with "
            "real ones."
        )
    )


def _change_sentence(picture, change) -> Sentence:
    percent, bounds = _magnitude(change.verdict, change.percent_change, change.percent_ci95)
    values = {
        "from": nl.period(change.from_period),
        "to": nl.period(change.to_period),
        "old": _amount(change.from_value, picture.indicator.unit),
        "new": _amount(change.to_value, picture.indicator.unit),
        "interval": nl.interval(bounds, suffix="%") if bounds else nl.interval(change.ci95, 2),
        "percent": nl.percent(percent),
    }
    cites = (change.from_period, change.to_period)
    if change.p_value is None:
        return Sentence(
            _(
                "From %(from)s (%(old)s) to %(to)s (%(new)s) the change could not be tested "
                "(%(method)s); it is not called a rise or a fall."
            )
            % {**values, "method": change.method},
            cites,
        )
    if change.swing_percent is not None:
        return _swing_sentence(change, values, cites)
    if change.method == methods.OWN_SWING:
        return _own_swing_sentence(change, values, cites)
    if change.kind == "survey":
        return _survey_sentence(picture, change, values, cites)
    if change.verdict in VERDICT_WORDS:
        text = _(
            "From %(from)s (%(old)s) to %(to)s (%(new)s) that is a %(verdict)s of %(percent)s "
            "per inhabitant (95%% interval %(interval)s): larger than chance explains."
        ) % {**values, "verdict": VERDICT_WORDS[change.verdict]}
    else:
        text = (
            _(
                "From %(from)s (%(old)s) to %(to)s (%(new)s) the difference is within what chance "
                "explains (95%% interval %(interval)s): stable."
            )
            % values
        )
    if change.method == methods.EXACT_NO_SWING:
        text += " " + _(
            "How much this figure swings from year to year could not be estimated (fewer than "
            "30 areas have it), so this verdict may say more than the numbers carry."
        )
    return Sentence(text, cites)


def _survey_sentence(picture, change, values: dict, cites) -> Sentence:
    """A survey's change as a difference: in procentpunt for a percentage (from 20% to 25% is
    5 procentpunt, not 5%), in points for a score."""
    unit = picture.indicator.unit
    difference = abs(change.difference) if change.difference is not None else None
    bounds = change.ci95
    values = {
        **values,
        "difference": nl.survey_difference(difference, unit),
        "interval": f"{nl.decimal(bounds[0])} tot {nl.survey_difference(bounds[1], unit)}"
        if bounds
        else "—",
    }
    if change.verdict in VERDICT_WORDS:
        return Sentence(
            _(
                "From %(from)s (%(old)s) to %(to)s (%(new)s) that is a %(verdict)s of "
                "%(difference)s (95%% interval of the difference %(interval)s): larger than the "
                "survey's margins explain."
            )
            % {**values, "verdict": VERDICT_WORDS[change.verdict]},
            cites,
        )
    return Sentence(
        _(
            "From %(from)s (%(old)s) to %(to)s (%(new)s) the difference of %(difference)s is "
            "within the survey's margins (95%% interval of the difference %(interval)s): stable."
        )
        % values,
        cites,
    )


def _swing_sentence(change, values: dict, cites) -> Sentence:
    """A change against the normal swing between years, in plain words: no p-value."""
    return _judged(
        change,
        {**values, "swing": nl.percent(change.swing_percent)},
        cites,
        beyond=_(
            "From %(from)s (%(old)s) to %(to)s (%(new)s) that is a %(verdict)s of %(percent)s "
            "per inhabitant, more than the normal swing of ±%(swing)s between years (95%% "
            "interval %(interval)s)."
        ),
        within=_(
            "From %(from)s (%(old)s) to %(to)s (%(new)s) the rate per inhabitant changed by "
            "%(percent)s, within the normal swing of ±%(swing)s between years (95%% interval "
            "%(interval)s): stable."
        ),
    )


def _own_swing_sentence(change, values: dict, cites) -> Sentence:
    """A change against the figure's own swing over its years (too few areas have it to know
    the swing between municipalities), in plain words."""
    return _judged(
        change,
        values,
        cites,
        beyond=_(
            "From %(from)s (%(old)s) to %(to)s (%(new)s) that is a %(verdict)s of %(percent)s "
            "per inhabitant, more than this figure's own swing over the years explains (95%% "
            "interval %(interval)s)."
        ),
        within=_(
            "From %(from)s (%(old)s) to %(to)s (%(new)s) the rate per inhabitant changed by "
            "%(percent)s, within this figure's own swing over the years (95%% interval "
            "%(interval)s): stable."
        ),
    )


def _judged(change, values: dict, cites, *, beyond: str, within: str) -> Sentence:
    if change.verdict in VERDICT_WORDS:
        return Sentence(beyond % {**values, "verdict": VERDICT_WORDS[change.verdict]}, cites)
    return Sentence(within % values, cites)


def _magnitude(verdict, percent, bounds):
    """'a fall of 18,1% (11,3% to 24,4%)', not 'a fall of -18,1%'."""
    if verdict == "daling" and percent is not None and bounds:
        return -percent, (-bounds[1], -bounds[0])
    return percent, bounds


def _trend_sentence(picture) -> Sentence:
    trend = picture.trend
    percent, bounds = _magnitude(trend.verdict, trend.percent_per_year, trend.percent_ci95)
    values = {
        "first": nl.period(trend.first_period),
        "last": nl.period(trend.last_period),
        "percent": nl.percent(percent),
        "interval": nl.interval(bounds, suffix="%"),
    }
    if trend.verdict in VERDICT_WORDS:
        text = _(
            "Over %(first)s–%(last)s the trend is a %(verdict)s of %(percent)s a year "
            "(95%% interval %(interval)s)."
        ) % {**values, "verdict": VERDICT_WORDS[trend.verdict]}
    else:
        text = (
            _(
                "Over %(first)s–%(last)s there is no trend beyond chance (%(percent)s a year, "
                "95%% interval %(interval)s)."
            )
            % values
        )
    return Sentence(text, (trend.first_period, trend.last_period))


def _benchmark_sentence(benchmark) -> Sentence:
    if benchmark.position is not None:
        return _peer_sentence(benchmark)
    label = benchmark.label
    values = {
        "reference": f"de {label}" if label.startswith("rest van") else label,
        "own": nl.decimal(benchmark.rate_per_1000),
        "other": nl.decimal(benchmark.reference_rate_per_1000),
        "ratio": nl.decimal(benchmark.rate_ratio, 2),
        "interval": nl.interval(benchmark.ci95, 2),
    }
    templates = {
        "hoger": _(
            "Per 1,000 inhabitants that is higher than in %(reference)s (%(own)s against "
            "%(other)s; rate ratio %(ratio)s, 95%% interval %(interval)s)."
        ),
        "lager": _(
            "Per 1,000 inhabitants that is lower than in %(reference)s (%(own)s against "
            "%(other)s; rate ratio %(ratio)s, 95%% interval %(interval)s)."
        ),
        "vergelijkbaar": _(
            "Per 1,000 inhabitants that is comparable with %(reference)s (%(own)s against "
            "%(other)s; the difference is within what chance explains)."
        ),
    }
    if benchmark.verdict is None:
        return Sentence(
            _("Per 1,000 inhabitants it could not be compared with %(reference)s (%(method)s).")
            % {**values, "method": benchmark.method},
            (benchmark.label,),
        )
    return Sentence(templates[benchmark.verdict] % values, (benchmark.label,))


def peer_position(benchmark) -> str:
    """ "higher than in seven of the ten comparable municipalities", or lower, or in the middle."""
    position, peers = benchmark.position, benchmark.label
    if position.of > 1 and position.of in (position.higher_than, position.lower_than):
        if position.higher_than:
            return _("higher than in all %(peers)s") % {"peers": peers}
        return _("lower than in all %(peers)s") % {"peers": peers}
    if position.higher_than > position.lower_than:
        count = nl.number_word(position.higher_than)
        return _("higher than in %(count)s of the %(peers)s") % {"peers": peers, "count": count}
    if position.lower_than > position.higher_than:
        count = nl.number_word(position.lower_than)
        return _("lower than in %(count)s of the %(peers)s") % {"peers": peers, "count": count}
    return _("in the middle of the %(peers)s") % {"peers": peers}


def _peer_sentence(benchmark) -> Sentence:
    """Where the rate stands among the comparable municipalities, and whether it differs from
    their median by more than chance and the normal swing explain."""
    values = {
        "peers": benchmark.label,
        "own": nl.decimal(benchmark.rate_per_1000),
        "median": nl.decimal(benchmark.reference_rate_per_1000),
        "where": peer_position(benchmark),
    }
    said = _(
        "Per 1,000 inhabitants that is %(where)s (%(own)s against their median of %(median)s)."
    )
    if benchmark.method == methods.PEER_MEDIAN_SWING:
        judged = {
            "hoger": _("That is more above their median than chance and the normal swing explain."),
            "lager": _("That is more below their median than chance and the normal swing explain."),
            "vergelijkbaar": _(
                "The difference from their median is within what chance and the normal swing "
                "explain."
            ),
        }
    else:  # the exact test: chance alone, stricter than the figures bear
        judged = {
            "hoger": _("That is more above their median than chance explains."),
            "lager": _("That is more below their median than chance explains."),
            "vergelijkbaar": _("The difference from their median is within what chance explains."),
        }
    judged = judged.get(benchmark.verdict) or _(
        "Whether it differs from their median could not be tested (%(method)s)."
    ) % {"method": benchmark.method}
    return Sentence(f"{said % values} {judged}", (benchmark.label,))


def _season_sentence(season) -> Sentence:
    higher = ", ".join(str(MONTHS[m]) for m in season.higher_months)
    lower = ", ".join(str(MONTHS[m]) for m in season.lower_months)
    parts = []
    if higher:
        parts.append(
            _("more registrations than the rest of the year in %(months)s") % {"months": higher}
        )
    if lower:
        parts.append(_("fewer in %(months)s") % {"months": lower})
    return Sentence(
        _("Over %(first)s–%(last)s there are %(parts)s.")
        % {
            "first": nl.period(season.first_period),
            "last": nl.period(season.last_period),
            "parts": "; ".join(parts),
        },
        (season.first_period, season.last_period),
    )


def cautions(picture: IndicatorPicture, municipality_code: str = "") -> list[str]:
    """What goes with reading the figures: what registrations are, visitors, one case with
    many registrations, small numbers, synthetic figures."""
    result = []
    kind = picture.indicator.kind
    if kind in ("misdrijven", "overlast", "incidenten"):
        result.append(
            _(
                "Registrations are not people or events: one incident can be registered more than "
                "once, and one person can be behind many registrations."
            )
        )
    if kind == "misdrijven":
        result.append(
            _(
                "Not every crime is reported or registered (the dark number); a change in "
                "registrations can also come from a change in reporting or police attention."
            )
        )
    if picture.indicator.is_count and municipality_code and many_visitors(municipality_code):
        result.append(
            _(
                "Many visitors and commuters come here who are not counted among the inhabitants; "
                "what happens to and by them is registered here, so a rate per inhabitant "
                "overstates the risk to residents."
            )
        )
    result += _count_cautions(picture)
    if picture.synthetic:
        result.append(_("SYNTHETIC figures, generated for tests: not real."))
    return result


def _count_cautions(picture: IndicatorPicture) -> list[str]:
    """Small numbers and one case with many registrations, judged on the counts the change
    compares (else the latest count)."""
    if not picture.indicator.is_count:
        return []
    change, last = picture.overall_change, picture.last
    if change is not None:
        compared = [(change.from_period, change.from_value), (change.to_period, change.to_value)]
    elif last is not None:
        compared = [(last.period, last.value)]
    else:
        return []
    compared = [(period, count) for period, count in compared if count is not None]
    result = []
    if small_numbers_compared(*(count for _period, count in compared)):
        result.append(
            _(
                "Small numbers (%(counts)s): below %(threshold)s registrations a difference of a "
                "few moves the figure a lot; read changes with care."
            )
            % {
                "counts": ", ".join(f"{nl.value(c)} in {nl.period(p)}" for p, c in compared),
                "threshold": SMALL_NUMBER_THRESHOLD,
            }
        )
    if one_case_many(
        picture.indicator.classification,
        change.from_value if change else None,
        change.to_value if change else None,
    ):
        result.append(
            _(
                "One case can make many registrations (one fraudster with many victims, one "
                "webshop that never delivers); a large change can come from a single case."
            )
        )
    return result


def field_paragraph(field_picture: FieldPicture, picture: SafetyPicture) -> list[Sentence]:
    """The first sentences of each indicator: level, change and the national comparison."""
    sentences = []
    for item in field_picture.indicators:
        own = indicator_sentences(item, picture.municipality.name)
        sentences += own[:2] + [s for s in own if REST_OF_COUNTRY in s.cites]
    return sentences
