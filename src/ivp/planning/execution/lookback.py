"""A drafted look-back (terugblik) per theme: what the year's figures and actions show.

Deterministic Dutch sentences, each with the figure or the actions it comes from, so the
coordinator can check every one before editing the draft into the plan. No sentence guesses
at a cause; a change is a rise or fall only when the analysis says so.
"""

import re
from dataclasses import dataclass

from django.utils import translation

from ivp.figures import drafting, safety_picture
from ivp.planning.execution import selectors as execution_selectors
from ivp.planning.execution.models import Action, ActionPlanTheme
from ivp.planning.policy.models import Priority

STATUS_SENTENCES = {
    Action.Status.AFGEROND: "Afgerond",
    Action.Status.LOPEND: "Nog lopend",
    Action.Status.VERTRAAGD: "Vertraagd",
    Action.Status.GESCHRAPT: "Geschrapt",
    Action.Status.GEPLAND: "Nog niet begonnen",
}

GROUPED = (Action.Status.AFGEROND, Action.Status.LOPEND, Action.Status.GEPLAND)


@dataclass(frozen=True)
class Line:
    text: str
    source: str  # the figure (source and periods) or the actions (plan and items)
    gap: bool = False  # what ivp lacks: a note for the coordinator, never for the council


def for_council(lines: list[Line]) -> list[Line]:
    return [line for line in lines if not line.gap]


def draft(priority: Priority, year: int, *, picture=None) -> list[Line]:
    """The look-back on `year` for the theme of `priority`: the actions of that year's
    uitvoeringsplan by final status, then the figures of the theme up to that year."""
    with translation.override("nl"):
        return _action_lines(priority, year) + _figure_lines(priority, year, picture)


def as_text(lines: list[Line]) -> str:
    return " ".join(line.text for line in lines)


def theme_of_year(priority: Priority, year: int) -> ActionPlanTheme | None:
    """The same theme in the uitvoeringsplannen covering `year` (one, or one per priority):
    the same priority, or (under a newer plan version) one with the same theme or title."""
    plans = execution_selectors.plans_covering(priority.plan.municipality, year, year)
    themes = [theme for plan in plans for theme in plan.themes.all()]
    for matches in (
        lambda t: t.priority_id == priority.pk,
        lambda t: priority.theme_id is not None and t.priority.theme_id == priority.theme_id,
        lambda t: t.priority.title.casefold() == priority.title.casefold(),
    ):
        found = next((t for t in themes if matches(t)), None)
        if found:
            return found
    return None


def _action_lines(priority: Priority, year: int) -> list[Line]:
    theme = theme_of_year(priority, year)
    if theme is None:
        return [
            Line(
                f"Voor {year} is in ivp geen uitvoeringsplan met dit thema vastgelegd.",
                "Uitvoeringsplannen in ivp",
                gap=True,
            )
        ]
    plan = theme.action_plan
    actions = list(theme.actions.prefetch_related("updates").order_by("order", "pk"))
    source_plan = f"{plan.title}, versie {plan.version}"
    if not actions:
        return [Line(f"In {plan.title} stonden voor dit thema geen acties.", source_plan)]
    done = sum(1 for a in actions if a.status == Action.Status.AFGEROND)
    lines = [
        Line(
            f"Van de {len(actions)} acties in {year} {'is' if done == 1 else 'zijn er'} {done} "
            "afgerond.",
            f"{source_plan}: status van {len(actions)} acties",
        )
    ]
    for status, word in STATUS_SENTENCES.items():
        chosen = [a for a in actions if a.status == status]
        if status in GROUPED:
            if chosen:
                lines.append(Line(f"{word}: {_items(chosen)}.", f"{source_plan}: {_items(chosen)}"))
            continue
        for action in chosen:  # delayed and dropped: each with the reason given
            note = _latest_note(action)
            lines.append(
                Line(
                    f"{word}: ‘{action.item}’" + (f" ({note})." if note else "."),
                    f"{source_plan}: actie ‘{action.item}’",
                )
            )
    return lines


def _items(actions) -> str:
    names = [f"‘{a.item}’" for a in actions]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _latest_note(action: Action) -> str:
    update = next(iter(action.updates.all()), None)  # newest first (model ordering)
    return update.note.strip().rstrip(".") if update and update.note.strip() else ""


def _figure_lines(priority: Priority, year: int, picture) -> list[Line]:
    if priority.theme_id is None:
        return []
    municipality = priority.plan.municipality
    picture = picture or safety_picture.build(municipality, last_year=year)
    lines = []
    for item in own_indicators(priority, picture.indicators):
        source = "; ".join(s.credit for s in item.sources)
        for sentence in drafting.indicator_sentences(item, municipality.name)[:2]:
            lines.append(Line(sentence.text, f"{source}, {', '.join(sentence.cites)}"))
    if not lines:
        lines.append(
            Line(
                "Voor dit thema zijn in ivp geen geregistreerde cijfers tot en met "
                f"{year} ingelezen die er zelf over gaan.",
                "Cijfers in ivp",
                gap=True,
            )
        )
    return lines


def own_indicators(priority: Priority, items: list) -> list:
    """The figures that are about the priority itself, never a broader total: the indicators
    its objectives measure; else, under a theme of the taxonomy named like the priority, all of
    that theme's; else those of its theme whose name says what the priority's title says
    ("Woninginbraak": "Diefstal/inbraak woning", not "Geregistreerde misdrijven, totaal")."""
    items = [item for item in items if not item.synthetic]
    measured = {o.indicator_id for o in priority.objectives.all() if o.indicator_id}
    if measured:
        return [item for item in items if item.indicator.pk in measured]
    in_theme = [
        item for item in items if priority.theme_id in {t.pk for t in item.indicator.themes.all()}
    ]
    if priority.theme and _words(priority.theme.name) == _words(priority.title):
        return in_theme
    title = _words(priority.title)
    return [item for item in in_theme if _says(title, _words(item.indicator.name))]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text.casefold())


def _says(title: list[str], name: list[str]) -> bool:
    """Every long word of the title stands in the name, whole or as a compound of its words
    ("woninginbraak" = "woning" + "inbraak")."""
    long = [w for w in title if len(w) >= 5]
    return bool(long) and all(w in name or _compound(w, set(name)) for w in long)


def _compound(word: str, parts: set[str]) -> bool:
    return any(
        word[:cut] in parts and (word[cut:] in parts or _compound(word[cut:], parts))
        for cut in range(3, len(word) - 2)
    )
