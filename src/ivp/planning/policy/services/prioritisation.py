"""Writes for the prioritisation: weights and sources, entered scores, the council's choice."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ivp.common import revisions
from ivp.planning.policy.models import PolicyCycle, Prioritisation, ThemeScore
from ivp.planning.policy.models.plan import MOST_PRIORITIES
from ivp.planning.policy.models.prioritisation import SETTINGS
from ivp.planning.workflow.records import save_fields


def prioritisation_for(cycle: PolicyCycle) -> Prioritisation:
    prioritisation, _created = Prioritisation.objects.get_or_create(cycle=cycle)
    return prioritisation


@transaction.atomic
def prioritisation_update(
    *,
    prioritisation: Prioritisation,
    frameworks=None,
    scores: dict[int, tuple[float | None, float | None]] | None = None,
    **settings,
) -> Prioritisation:
    """Weights, years and sources; `scores` maps theme id → (subjective %, professional score)."""
    save_fields(prioritisation, settings, SETTINGS)
    if frameworks is not None:
        prioritisation.frameworks.set(frameworks)
    for theme_id, (subjective, professional) in (scores or {}).items():
        theme_score_save(
            prioritisation=prioritisation,
            theme_id=theme_id,
            subjective_percentage=subjective,
            professional_score=professional,
        )
    return prioritisation


def theme_score_save(*, prioritisation: Prioritisation, theme_id: int, **values) -> ThemeScore:
    """Set a theme's scores, held to ThemeScore's rules (the page and a file alike)."""
    score = prioritisation.scores.filter(theme_id=theme_id).first() or ThemeScore(
        prioritisation=prioritisation, theme_id=theme_id
    )
    score_check(score, **values)
    score.save()
    return score


def score_check(score: ThemeScore, **values) -> None:
    """Give `score` the values and raise ValidationError if a rule of ThemeScore refuses one."""
    for name, value in values.items():
        setattr(score, name, value)
    score.full_clean(exclude={"prioritisation", "theme"}, validate_constraints=False)


@transaction.atomic
def priorities_choose(
    *,
    prioritisation: Prioritisation,
    theme_ids: list[int],
    decided_on: date,
    decided_by: str,
    decision_reference: str,
    confirm_more: bool = False,
) -> Prioritisation:
    """Record the council's choice. More than four priorities only with an explicit confirmation;
    the themes not chosen stay in the regular approach (overige thema's, going concern)."""
    if not theme_ids:
        raise ValidationError(_("Choose at least one theme as priority."))
    if len(theme_ids) > MOST_PRIORITIES and not confirm_more:
        raise ValidationError(
            _(
                "The council chose %(count)s priorities; Kernbeleid Veiligheid advises at most "
                "%(most)s. Confirm that this is the council's decision."
            )
            % {"count": len(theme_ids), "most": MOST_PRIORITIES}
        )
    revisions.bump(revisions.PLANS)  # a queryset update sends no signal
    prioritisation.scores.exclude(theme_id__in=theme_ids).update(chosen=False)
    for theme_id in theme_ids:
        ThemeScore.objects.update_or_create(
            prioritisation=prioritisation, theme_id=theme_id, defaults={"chosen": True}
        )
    prioritisation.decided_on = decided_on
    prioritisation.decided_by = decided_by
    prioritisation.decision_reference = decision_reference
    prioritisation.full_clean()
    prioritisation.save()
    return prioritisation
