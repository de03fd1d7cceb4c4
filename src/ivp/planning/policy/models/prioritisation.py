"""The prioritisation matrix: themes × criteria with the municipality's weights, and the
council's choice. Objective and agenda scores are computed (planning.prioritising), never
typed in; subjective and professional scores are entered per theme."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.workflow import invariants
from ivp.planning.workflow.invariants import (
    END_BEFORE_START_MESSAGE,
    checks,
    ordered,
    reversed_period,
)

WEIGHT_MESSAGE = _("A weight is a whole percentage from 0 to 100.")
WEIGHTS_TOTAL_MESSAGE = _("The weights add up to %(total)s%%; together they must make 100%%.")
SCALE_MESSAGE = _("The highest professional score is a whole number from 1 to 100.")
SUBJECTIVE_MESSAGE = _("The residents' percentage lies between 0 and 100.")
PROFESSIONAL_MESSAGE = _("The professional score lies between 0 and %(highest)s.")
WEIGHTS = ("weight_objective", "weight_subjective", "weight_professional", "weight_agenda")
# what a person sets on the prioritisation page, besides the scores and the frameworks
SETTINGS = (
    *WEIGHTS,
    "first_year",
    "last_year",
    "survey_source",
    "professional_source",
    "professional_scale",
)


def _weight(label):
    return models.PositiveSmallIntegerField(
        label, default=25, validators=invariants.percent_validators(WEIGHT_MESSAGE)
    )


class Prioritisation(models.Model):
    cycle = models.OneToOneField(
        "planning.PolicyCycle", on_delete=models.CASCADE, related_name="prioritisation"
    )
    weight_objective = _weight(_("weight objective (%)"))
    weight_subjective = _weight(_("weight subjective (%)"))
    weight_professional = _weight(_("weight professional (%)"))
    weight_agenda = _weight(_("weight agenda (%)"))
    first_year = models.PositiveSmallIntegerField(
        _("figures from (year)"), null=True, blank=True, validators=invariants.year_validators()
    )
    last_year = models.PositiveSmallIntegerField(
        _("figures up to (year)"), null=True, blank=True, validators=invariants.year_validators()
    )
    survey_source = models.CharField(
        _("source of residents' priorities"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Veiligheidsmonitor 2021: which themes should the municipality tackle?"),
    )
    professional_source = models.CharField(
        _("source of professional scores"),
        max_length=200,
        blank=True,
        help_text=_("E.g. workshop with partners, 12 October 2022."),
    )
    professional_scale = models.PositiveSmallIntegerField(
        _("highest professional score"),
        default=5,
        help_text=_("Scores run from 0 to this."),
        validators=[
            MinValueValidator(1, message=SCALE_MESSAGE),
            MaxValueValidator(100, message=SCALE_MESSAGE),
        ],
    )
    frameworks = models.ManyToManyField(
        "planning.Framework", blank=True, related_name="+", verbose_name=_("frameworks")
    )
    decided_by = models.CharField(_("decided by"), max_length=100, blank=True)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    decision_reference = models.CharField(_("decision reference"), max_length=150, blank=True)
    history = HistoricalRecords(m2m_fields=[frameworks])

    class Meta:
        verbose_name = _("prioritisation")
        verbose_name_plural = _("prioritisations")
        constraints = [
            *invariants.years("prioritisation", "first_year", "last_year"),
            *checks(
                "prioritisation",
                weights_at_most_100=(
                    Q(**{f"{w}__lte": 100 for w in WEIGHTS}),
                    WEIGHT_MESSAGE,
                ),
                weights_make_100=(
                    Q(
                        weight_objective=100
                        - F("weight_subjective")
                        - F("weight_professional")
                        - F("weight_agenda")
                    ),
                    _("Together the weights must make 100%%."),
                ),
                years_in_order=(ordered("first_year", "last_year"), END_BEFORE_START_MESSAGE),
                scale_from_1_to_100=(
                    Q(professional_scale__gte=1, professional_scale__lte=100),
                    SCALE_MESSAGE,
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.cycle)

    @property
    def municipality(self):
        return self.cycle.municipality

    @property
    def decided(self) -> bool:
        return self.decided_on is not None

    def clean(self):
        weights = self.weights.values()
        if None not in weights and sum(weights) != 100:
            raise ValidationError(WEIGHTS_TOTAL_MESSAGE % {"total": sum(weights)})
        if reversed_period(self.first_year, self.last_year):
            raise ValidationError({"last_year": END_BEFORE_START_MESSAGE})

    @property
    def weights(self) -> dict[str, int]:
        return {
            "objective": self.weight_objective,
            "subjective": self.weight_subjective,
            "professional": self.weight_professional,
            "agenda": self.weight_agenda,
        }


class ThemeScore(models.Model):
    """What was entered for one theme; `chosen` records the council's choice."""

    prioritisation = models.ForeignKey(
        Prioritisation, on_delete=models.CASCADE, related_name="scores"
    )
    theme = models.ForeignKey("taxonomy.Theme", on_delete=models.CASCADE, related_name="+")
    subjective_percentage = models.FloatField(
        _("residents who want it tackled (%)"),
        null=True,
        blank=True,
        validators=invariants.percent_validators(SUBJECTIVE_MESSAGE),
    )
    professional_score = models.FloatField(_("professional score"), null=True, blank=True)
    chosen = models.BooleanField(_("chosen as priority"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theme score")
        verbose_name_plural = _("theme scores")
        constraints = [
            models.UniqueConstraint(
                fields=["prioritisation", "theme"], name="themescore_one_per_theme"
            ),
            *checks(
                "themescore",
                subjective_percentage=(
                    Q(subjective_percentage__gte=0, subjective_percentage__lte=100),
                    SUBJECTIVE_MESSAGE,
                ),
                # the upper bound is the prioritisation's scale: clean() holds a score to it
                professional_not_negative=(
                    Q(professional_score__gte=0),
                    invariants.NOT_NEGATIVE_MESSAGE,
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.theme)

    def clean(self):
        if self.prioritisation_id is not None:
            check_professional_score(
                self.professional_score, self.prioritisation.professional_scale
            )


def check_professional_score(score: float | None, highest: int) -> None:
    """A professional score lies from 0 to the prioritisation's highest score."""
    if score is not None and not 0 <= score <= highest:
        raise ValidationError({"professional_score": PROFESSIONAL_MESSAGE % {"highest": highest}})
