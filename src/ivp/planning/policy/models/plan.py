"""The integral safety plan (IVP / IVB) and what it holds per priority.

A plan is a concept until the council adopts it (vastgesteld); after that it changes only
through a new version (`previous` points back), so the versions can be compared.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.workflow import invariants
from ivp.planning.workflow.invariants import checks, ordered, reversed_period
from ivp.planning.workflow.models import Adoptable, version_constraints

MOST_PRIORITIES = 4  # Kernbeleid Veiligheid: three, at most four

PLAN_LENGTH_MESSAGE = _("A plan runs four or five years.")
QUALITATIVE_MESSAGE = _(
    "A qualitative objective has no indicator, baseline or target; remove them."
)
MEASURABLE_MESSAGE = _(
    "A measurable objective needs an indicator, a baseline with its year and a target with its "
    "year; fill in all five, or mark the objective qualitative."
)
TARGET_BEFORE_BASELINE_MESSAGE = _("The target year lies before the baseline year.")
TARGET_OUTSIDE_PERIOD_MESSAGE = _(
    "The target year %(year)s lies outside the plan period %(start)s–%(end)s."
)


class PolicyPlan(Adoptable):
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        related_name="policy_plans",
        verbose_name=_("municipality"),
    )
    cycle = models.ForeignKey(
        "planning.PolicyCycle",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
    )
    title = models.CharField(_("title"), max_length=200)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=invariants.year_validators()
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), validators=invariants.year_validators()
    )
    mission = models.TextField(_("mission"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    strategic_objectives = models.TextField(
        _("strategic objectives"), blank=True, help_text=_("One per line.")
    )
    principles = models.TextField(_("principles"), blank=True, help_text=_("One per line."))
    communication = models.TextField(_("communication"), blank=True)
    formation = models.TextField(_("formation (staff and capacity)"), blank=True)
    finances = models.TextField(_("finances"), blank=True)
    frameworks = models.ManyToManyField(
        "planning.Framework", blank=True, related_name="plans", verbose_name=_("frameworks")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[frameworks])

    class Meta:
        verbose_name = _("integral safety plan")
        verbose_name_plural = _("integral safety plans")
        ordering = ["-start_year", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year") + 3)
                & Q(end_year__lte=models.F("start_year") + 4),
                name="policyplan_four_or_five_years",
                violation_error_message=PLAN_LENGTH_MESSAGE,
            ),
            *invariants.years("policyplan", "start_year", "end_year"),
            *version_constraints("policyplan"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (versie {self.version})"

    def adopted_refusal(self) -> str:
        return _(
            "This plan was adopted on %(date)s and is no longer changed; start a new version "
            "to change it."
        ) % {"date": self.adopted_on.strftime("%d-%m-%Y") if self.adopted_on else "?"}

    def clean(self):
        start, end = self.start_year, self.end_year
        if start is not None and end is not None and not 4 <= end - start + 1 <= 5:
            raise ValidationError({"end_year": PLAN_LENGTH_MESSAGE})

    def get_absolute_url(self) -> str:
        return reverse("planning:plan_detail", args=[self.municipality.code, self.pk])

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"


class Priority(models.Model):
    """A priority (prioriteit, speerpunt) of the plan, or one of its other themes (going concern)."""

    class Kind(models.TextChoices):
        PRIORITEIT = "prioriteit", _("priority")
        OVERIG = "overig", _("other theme (going concern)")

    plan = models.ForeignKey(PolicyPlan, on_delete=models.CASCADE, related_name="priorities")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PRIORITEIT)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=250)
    theme = models.ForeignKey(
        "taxonomy.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("theme"),
    )
    description = models.TextField(_("description"), blank=True)
    ambition = models.TextField(
        _("ambition"), blank=True, help_text=_("What the municipality wants to reach, in words.")
    )
    shared = models.ForeignKey(
        "planning.RegionalPriority",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="adoptions",
        verbose_name=_("shared regional priority"),
    )
    parties = models.ManyToManyField(
        "planning.Party", blank=True, related_name="priorities", verbose_name=_("parties")
    )
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        ordering = ["plan", "kind", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.plan.get_absolute_url()}#prioriteit-{self.pk}"


def _one_owner(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(priority__isnull=True) ^ Q(regional_priority__isnull=True), name=name
    )


class _PartOfPriority(models.Model):
    """Belongs to a municipal priority or to a shared regional one, never both."""

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, null=True, blank=True, related_name="%(class)ss"
    )
    regional_priority = models.ForeignKey(
        "planning.RegionalPriority",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


_MEASURES = ("indicator", "baseline_value", "baseline_year", "target_value", "target_year")


def _measures(*, isnull: bool) -> Q:
    return Q(**{f"{name}__isnull": isnull for name in _MEASURES})


class Objective(_PartOfPriority):
    """A doelstelling: measurable (indicator, baseline, target, year) or marked qualitative."""

    text = models.TextField(_("objective"))
    qualitative = models.BooleanField(
        _("qualitative"), default=False, help_text=_("Not measured by an indicator.")
    )
    indicator = models.ForeignKey(
        "figures.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name=_("indicator"),
    )
    baseline_value = models.FloatField(_("baseline"), null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=invariants.year_validators()
    )
    target_value = models.FloatField(_("target"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(
        _("target year"), null=True, blank=True, validators=invariants.year_validators()
    )
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta(_PartOfPriority.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            _one_owner("objective_one_owner"),
            *invariants.years("objective", "baseline_year", "target_year"),
            *checks(
                "objective",
                target_after_baseline=(
                    ordered("baseline_year", "target_year"),
                    TARGET_BEFORE_BASELINE_MESSAGE,
                ),
                qualitative_unmeasured=(
                    Q(qualitative=False) | _measures(isnull=True),
                    QUALITATIVE_MESSAGE,
                ),
                measured_fully_or_not=(
                    Q(qualitative=True) | _measures(isnull=True) | _measures(isnull=False),
                    MEASURABLE_MESSAGE,
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def measurable(self) -> bool:
        return None not in self._measure_values()

    def _measure_values(self) -> tuple:
        return (
            self.indicator_id,
            self.baseline_value,
            self.baseline_year,
            self.target_value,
            self.target_year,
        )

    def clean(self):
        measures = self._measure_values()
        if self.qualitative and any(m is not None for m in measures):
            raise ValidationError(QUALITATIVE_MESSAGE)
        if not self.qualitative and any(m is not None for m in measures) and None in measures:
            raise ValidationError(MEASURABLE_MESSAGE)
        if reversed_period(self.baseline_year, self.target_year):
            raise ValidationError({"target_year": TARGET_BEFORE_BASELINE_MESSAGE})
        # the period is another table's: only clean() can hold the target to it
        period, target = self._period_owner(), self.target_year
        if target and period is not None and not period.start_year <= target <= period.end_year:
            raise ValidationError(
                {
                    "target_year": TARGET_OUTSIDE_PERIOD_MESSAGE
                    % {"year": target, "start": period.start_year, "end": period.end_year}
                }
            )

    def _period_owner(self):
        if self.priority_id is not None:
            return self.priority.plan
        if self.regional_priority_id is not None:
            return self.regional_priority
        return None


class ApproachLine(_PartOfPriority):
    """A line of the approach: 'onze aanpak richt zich op …'."""

    text = models.TextField(_("approach"))
    history = HistoricalRecords()

    class Meta(_PartOfPriority.Meta):
        verbose_name = _("approach line")
        verbose_name_plural = _("approach lines")
        constraints = [_one_owner("approachline_one_owner")]

    def __str__(self) -> str:
        return self.text
