"""What a priority, a speerpunt of it or a shared regional priority holds: objectives and the
lines of its approach.

An objective is an effect measured by an indicator (with a direction, a baseline and, unless
the direction is "keep", a target), an output counted per year, or qualitative. Real plans
write all three, and some give a direction and a baseline without a number.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.policy.models.plan import FocusArea, Priority
from ivp.planning.workflow import invariants
from ivp.planning.workflow.invariants import checks, ordered, reversed_period

QUALITATIVE_MESSAGE = _(
    "A qualitative objective has no indicator, baseline or target; remove them."
)
DIRECTION_MESSAGE = _("An effect objective needs a direction: increase, decrease, keep or reach.")
REACH_MESSAGE = _("“Reach” needs the value to reach: fill in a target.")
OUTPUT_MESSAGE = _("An output objective needs the number to deliver (per year or in total).")
BASELINE_PAIR_MESSAGE = _("A baseline needs both its value and its year.")
TARGET_BEFORE_BASELINE_MESSAGE = _("The target year lies before the baseline year.")
TARGET_OUTSIDE_PERIOD_MESSAGE = _(
    "The target year %(year)s lies outside the plan period %(start)s–%(end)s."
)
FOCUS_AREA_MESSAGE = _("The focus area belongs to another priority.")


def _one_owner(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(priority__isnull=True) ^ Q(regional_priority__isnull=True), name=name
    )


def _focus_area_of_a_priority(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(focus_area__isnull=True) | Q(priority__isnull=False), name=name
    )


class _PartOfPriority(models.Model):
    """Belongs to a municipal priority (and then perhaps to one of its speerpunten) or to a
    shared regional one, never both."""

    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, null=True, blank=True, related_name="%(class)ss"
    )
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="%(class)ss",
        verbose_name=_("focus area"),
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

    def clean(self):
        super().clean()
        # a form checks its fields before the owner is known: only a known owner can differ
        owned = self.priority_id is not None
        if (
            owned
            and self.focus_area_id is not None
            and self.focus_area.priority_id != self.priority_id
        ):
            raise ValidationError({"focus_area": FOCUS_AREA_MESSAGE})


def _none(*names: str) -> Q:
    return Q(**{f"{name}__isnull": True for name in names})


def _all(*names: str) -> Q:
    return Q(**{f"{name}__isnull": False for name in names})


def _pair(first: str, second: str) -> Q:
    return _none(first, second) | _all(first, second)


class Objective(_PartOfPriority):
    """A doelstelling."""

    class Kind(models.TextChoices):
        EFFECT = "effect", _("effect, measured by an indicator")
        OUTPUT = "output", _("output: what is delivered (per year)")
        QUALITATIVE = "kwalitatief", _("qualitative")

    class Direction(models.TextChoices):
        INCREASE = "stijgen", _("increase")
        DECREASE = "dalen", _("decrease")
        AT_LEAST = "minstens", _("keep at least at the baseline")
        AT_MOST = "hoogstens", _("keep at most at the baseline")
        REACH = "bereiken", _("reach the target")

    text = models.TextField(_("objective"))
    # empty: not said yet (a draft may wait; the plan linter names it)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, blank=True)
    direction = models.CharField(
        _("direction"), max_length=12, choices=Direction.choices, blank=True
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme", blank=True, related_name="+", verbose_name=_("themes")
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
    per_year = models.BooleanField(
        _("per year"), default=False, help_text=_("The target is counted every year.")
    )
    unit = models.CharField(
        _("unit"), max_length=120, blank=True, help_text=_("What is counted, e.g. controles.")
    )
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta(_PartOfPriority.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            _one_owner("objective_one_owner"),
            _focus_area_of_a_priority("objective_focus_area_of_a_priority"),
            *invariants.years("objective", "baseline_year", "target_year"),
            *checks(
                "objective",
                target_after_baseline=(
                    ordered("baseline_year", "target_year"),
                    TARGET_BEFORE_BASELINE_MESSAGE,
                ),
                qualitative_unmeasured=(
                    ~Q(kind="kwalitatief")
                    | _none(
                        "indicator",
                        "baseline_value",
                        "baseline_year",
                        "target_value",
                        "target_year",
                    ),
                    QUALITATIVE_MESSAGE,
                ),
                effect_has_direction=(~Q(kind="effect") | ~Q(direction=""), DIRECTION_MESSAGE),
                reach_has_target=(~Q(direction="bereiken") | _all("target_value"), REACH_MESSAGE),
                output_has_number=(~Q(kind="output") | _all("target_value"), OUTPUT_MESSAGE),
                baseline_pair=(_pair("baseline_value", "baseline_year"), BASELINE_PAIR_MESSAGE),
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def qualitative(self) -> bool:
        return self.kind == self.Kind.QUALITATIVE

    @property
    def keeps(self) -> bool:
        """Its direction keeps a level: the baseline is the target."""
        return self.direction in (self.Direction.AT_LEAST, self.Direction.AT_MOST)

    @property
    def goal_value(self) -> float | None:
        """The value to reach or keep: the target, or the baseline for a "keep" direction."""
        if self.target_value is not None:
            return self.target_value
        return self.baseline_value if self.keeps else None

    @property
    def measurable(self) -> bool:
        """Progress toward it can be followed in the figures: an effect with an indicator, a
        baseline and a value to reach or keep."""
        return (
            self.kind == self.Kind.EFFECT
            and self.indicator_id is not None
            and self.baseline_year is not None
            and self.goal_value is not None
        )

    def clean(self):
        super().clean()
        numbers = (
            self.indicator_id,
            self.baseline_value,
            self.baseline_year,
            self.target_value,
            self.target_year,
        )
        if self.qualitative and any(n is not None for n in numbers):
            raise ValidationError(QUALITATIVE_MESSAGE)
        if self.kind == self.Kind.EFFECT and not self.direction:
            raise ValidationError({"direction": DIRECTION_MESSAGE})
        if self.direction == self.Direction.REACH and self.target_value is None:
            raise ValidationError({"target_value": REACH_MESSAGE})
        if self.kind == self.Kind.OUTPUT and self.target_value is None:
            raise ValidationError({"target_value": OUTPUT_MESSAGE})
        if (self.baseline_value is None) != (self.baseline_year is None):
            missing = "baseline_value" if self.baseline_value is None else "baseline_year"
            raise ValidationError({missing: BASELINE_PAIR_MESSAGE})
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
        constraints = [
            _one_owner("approachline_one_owner"),
            _focus_area_of_a_priority("approachline_focus_area_of_a_priority"),
        ]

    def __str__(self) -> str:
        return self.text
