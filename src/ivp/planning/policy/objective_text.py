"""What an objective aims at, in one readable phrase: the page, the exports and the documents
say it alike ("Woninginbraken: daling van 42 (2022) naar 30 (2027)", "12 integrale controles
per jaar", "minstens gelijk aan 7,1 (2022)")."""

from django.utils.translation import gettext as _

from ivp.figures import formatting


def aim(objective) -> str:
    """The measure of an objective; empty for a qualitative one or one not yet made concrete."""
    kind = objective.kind
    if kind == "output":
        return _output(objective)
    if kind != "effect":
        return ""
    unit = objective.indicator.unit if objective.indicator_id else ""
    phrase = _direction(objective, unit)
    if objective.indicator_id:
        return f"{objective.indicator.name}: {phrase}"
    return phrase


def _baseline(objective, unit: str) -> dict:
    return {
        "baseline": formatting.value(objective.baseline_value, unit),
        "baseline_year": objective.baseline_year,
        "target": formatting.value(objective.target_value, unit),
        "target_year": objective.target_year or "",
    }


def _direction(objective, unit: str) -> str:
    values = _baseline(objective, unit)
    has_baseline = objective.baseline_value is not None
    has_target = objective.target_value is not None
    direction = objective.direction
    if direction in ("minstens", "hoogstens"):
        if not has_baseline:
            return (
                _("keep at least where it is")
                if direction == "minstens"
                else _("keep at most where it is")
            )
        if direction == "minstens":
            return _("at least %(baseline)s (%(baseline_year)s)") % values
        return _("at most %(baseline)s (%(baseline_year)s)") % values
    if direction == "bereiken":
        phrase = _("reach %(target)s") % values
        if objective.target_year:
            phrase += " " + _("in %(target_year)s") % values
        if has_baseline:
            phrase += " " + _("(baseline %(baseline)s in %(baseline_year)s)") % values
        return phrase
    word = _("decrease") if direction == "dalen" else _("increase")
    if has_baseline and has_target:
        return (
            word
            + " "
            + _("from %(baseline)s (%(baseline_year)s) to %(target)s") % values
            + (f" ({objective.target_year})" if objective.target_year else "")
        )
    if has_baseline:
        return word + " " + _("from %(baseline)s (%(baseline_year)s)") % values
    if has_target:
        return word + " " + _("to %(target)s") % values
    return word


def _output(objective) -> str:
    count = formatting.value(objective.target_value, "aantal")
    what = f"{count} {objective.unit}".strip()
    if objective.per_year:
        return _("%(what)s per year") % {"what": what}
    if objective.target_year:
        return _("%(what)s by %(year)s") % {"what": what, "year": objective.target_year}
    return what
