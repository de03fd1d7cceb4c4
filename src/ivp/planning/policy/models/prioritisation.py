"""The prioritisation matrix: themes × criteria with the municipality's weights, and the
council's choice. Objective and agenda scores are computed (planning.prioritising), never
typed in; subjective and professional scores are entered per theme."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Prioritisation(models.Model):
    cycle = models.OneToOneField(
        "planning.PolicyCycle", on_delete=models.CASCADE, related_name="prioritisation"
    )
    weight_objective = models.PositiveSmallIntegerField(_("weight objective (%)"), default=25)
    weight_subjective = models.PositiveSmallIntegerField(_("weight subjective (%)"), default=25)
    weight_professional = models.PositiveSmallIntegerField(_("weight professional (%)"), default=25)
    weight_agenda = models.PositiveSmallIntegerField(_("weight agenda (%)"), default=25)
    first_year = models.PositiveSmallIntegerField(_("figures from (year)"), null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(_("figures up to (year)"), null=True, blank=True)
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
        _("highest professional score"), default=5, help_text=_("Scores run from 0 to this.")
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

    def __str__(self) -> str:
        return str(self.cycle)

    @property
    def municipality(self):
        return self.cycle.municipality

    @property
    def decided(self) -> bool:
        return self.decided_on is not None

    def clean(self):
        total = sum(self.weights.values())
        if total != 100:
            raise ValidationError(
                _("The weights add up to %(total)s%%; together they must make 100%%.")
                % {"total": total}
            )

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
        _("residents who want it tackled (%)"), null=True, blank=True
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
            )
        ]

    def __str__(self) -> str:
        return str(self.theme)
