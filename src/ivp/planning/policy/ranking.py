"""The prioritisation matrix: every theme scored on four criteria, weighted, ranked, explained.

- objective: from the veiligheidsbeeld, never typed in: how much worse the theme's figures are
  than before and than comparable municipalities, by effect size shrunk for small counts (see
  objective_score). Counts only; survey figures have no known good direction, and synthetic
  figures never count.
- subjective: the percentage of residents who want the theme tackled (a survey).
- professional: the partners' workshop score, as a share of the highest possible score.
- agenda: the share of the chosen frameworks that name the theme.
Each score runs 0–100; the total is their average weighted by the municipality's weights. A
missing objective ("too few figures") counts as its neutral 50, a missing entered score or
agenda adds nothing; so a theme never rises or falls for what is unknown about it, and a gap is
shown as missing, never as a score of 0.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ivp.figures import formatting, safety_picture
from ivp.planning.policy.frameworks_available import frameworks_available
from ivp.planning.policy.models import Framework, Prioritisation
from ivp.planning.policy.objective_score import NEUTRAL, Effect, indicator_effects, theme_score
from ivp.taxonomy.selectors import current_version, themes_for

CRITERIA = ("objective", "subjective", "professional", "agenda")


@dataclass
class Reason:
    text: str
    counts_against: bool = False  # an objective signal that points the wrong way


@dataclass
class ThemeRow:
    theme_id: int
    name: str
    field_name: str
    scores: dict[str, float | None]
    reasons: dict[str, list[Reason]] = field(default_factory=dict)
    total: float = 0.0
    rank: int = 0
    chosen: bool = False
    subjective_percentage: float | None = None
    professional_score: float | None = None

    @property
    def missing(self) -> list[str]:
        return [c for c in CRITERIA if self.scores.get(c) is None]


def frameworks_for(prioritisation: Prioritisation) -> list[Framework]:
    """The frameworks chosen for this prioritisation; none chosen → all that apply to the
    municipality and overlap the plan period (national, its regions', its own)."""
    chosen = list(prioritisation.frameworks.prefetch_related("themes"))
    if chosen:
        return chosen
    cycle = prioritisation.cycle
    return list(
        frameworks_available(
            cycle.municipality, start_year=cycle.plan_start_year - 1, end_year=cycle.plan_end_year
        ).prefetch_related("themes")
    )


def rank(prioritisation: Prioritisation, *, picture=None) -> list[ThemeRow]:
    municipality = prioritisation.municipality
    version = current_version()
    entered = {s.theme_id: s for s in prioritisation.scores.all()}
    if picture is None:
        picture = safety_picture.build(
            municipality, first_year=prioritisation.first_year, last_year=prioritisation.last_year
        )
    objective = _objective_effects(picture)
    frameworks = frameworks_for(prioritisation)
    rows = []
    for effective_field in themes_for(municipality, version) if version else []:
        for theme in effective_field.themes:
            if theme.theme_id is None:
                continue  # the municipality's own additions have no figures or frameworks yet
            score = entered.get(theme.theme_id)
            row = ThemeRow(
                theme_id=theme.theme_id,
                name=theme.name,
                field_name=effective_field.field.name,
                scores={},
                chosen=bool(score and score.chosen),
                subjective_percentage=score.subjective_percentage if score else None,
                professional_score=score.professional_score if score else None,
            )
            _score_objective(row, *objective.get(theme.theme_id, ([], 0)))
            _score_entered(row, prioritisation)
            _score_agenda(row, frameworks)
            row.total = _weighted(row.scores, prioritisation.weights)
            rows.append(row)
    rows.sort(key=lambda r: (-r.total, r.name))
    for position, row in enumerate(rows, start=1):
        row.rank = position
    return rows


def _objective_effects(picture) -> dict[int, tuple[list[Effect], int]]:
    """Per theme its indicators' effects and how many count indicators it has figures for."""
    by_theme: dict[int, tuple[list[Effect], int]] = {}
    for item in picture.indicators:
        if not item.indicator.is_count or item.synthetic:
            continue
        effects = indicator_effects(item)
        for theme in item.indicator.themes.all():
            found, indicators = by_theme.get(theme.pk, ([], 0))
            by_theme[theme.pk] = (found + effects, indicators + 1)
    return by_theme


def _score_objective(row: ThemeRow, effects: list[Effect], indicators: int) -> None:
    row.scores["objective"] = theme_score(effects)
    if effects:
        row.reasons["objective"] = [Reason(e.text, counts_against=e.size > 0) for e in effects]
    elif indicators:
        row.reasons["objective"] = [
            Reason(_("too few figures to score: no normal swing or no comparable municipalities"))
        ]
    else:
        row.reasons["objective"] = [Reason(_("no figures for this theme"))]


def _score_entered(row: ThemeRow, prioritisation: Prioritisation) -> None:
    if row.subjective_percentage is None:
        row.scores["subjective"] = None
        row.reasons["subjective"] = [Reason(_("not entered"))]
    else:
        row.scores["subjective"] = row.subjective_percentage
        row.reasons["subjective"] = [
            Reason(
                _("%(pct)s%% of residents want it tackled")
                % {"pct": formatting.decimal(row.subjective_percentage, 0)}
                + (f" ({prioritisation.survey_source})" if prioritisation.survey_source else "")
            )
        ]
    if row.professional_score is None:
        row.scores["professional"] = None
        row.reasons["professional"] = [Reason(_("not entered"))]
    else:
        scale = prioritisation.professional_scale or 1
        row.scores["professional"] = 100 * row.professional_score / scale
        row.reasons["professional"] = [
            Reason(
                _("score %(score)s of %(scale)s")
                % {"score": formatting.decimal(row.professional_score, 1), "scale": scale}
                + (
                    f" ({prioritisation.professional_source})"
                    if prioritisation.professional_source
                    else ""
                )
            )
        ]


def _score_agenda(row: ThemeRow, frameworks: list[Framework]) -> None:
    if not frameworks:
        row.scores["agenda"] = None
        row.reasons["agenda"] = [Reason(_("no frameworks chosen"))]
        return
    naming = [f for f in frameworks if any(t.pk == row.theme_id for t in f.themes.all())]
    row.scores["agenda"] = 100 * len(naming) / len(frameworks)
    row.reasons["agenda"] = [Reason(f"{f.name} ({f.period})") for f in naming] or [
        Reason(_("named by none of the %(count)s frameworks") % {"count": len(frameworks)})
    ]


def _weighted(scores: dict[str, float | None], weights: dict[str, int]) -> float:
    """A missing objective counts as neutral (its scale centres on 50: 0 would say "far
    better"); a missing entered score or agenda adds nothing."""
    total_weight = sum(weights.values())
    if not total_weight:
        return 0.0
    counted = {c: scores.get(c) for c in CRITERIA}
    if counted["objective"] is None:
        counted["objective"] = NEUTRAL
    return sum((counted[c] or 0.0) * weights[c] for c in CRITERIA) / total_weight
