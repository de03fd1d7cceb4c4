"""A municipality's policy cycle (Kernbeleid Veiligheid): its steps, work group and hours."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.workflow import invariants
from ivp.planning.workflow.invariants import (
    DATE_AND_UNSTATED_MESSAGE,
    END_BEFORE_START_MESSAGE,
    REFERENCE_AND_UNSTATED_MESSAGE,
    checks,
    ordered,
    reversed_period,
)

HOURS_BOUNDS_MESSAGE = _("The upper bound is below the lower bound.")
END_BEFORE_START_DATE_MESSAGE = _("The end lies before the start.")


class PolicyCycle(models.Model):
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        related_name="policy_cycles",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=150, help_text=_("E.g. IVP 2023–2027."))
    plan_start_year = models.PositiveSmallIntegerField(
        _("first year of the plan"), validators=invariants.year_validators()
    )
    plan_end_year = models.PositiveSmallIntegerField(
        _("last year of the plan"), validators=invariants.year_validators()
    )
    hours_budget_low = models.PositiveIntegerField(
        _("coordinator hours budgeted, from"),
        null=True,
        blank=True,
        validators=invariants.not_negative_validators(),
    )
    hours_budget_high = models.PositiveIntegerField(
        _("coordinator hours budgeted, up to"),
        null=True,
        blank=True,
        validators=invariants.not_negative_validators(),
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("About the process, never about persons.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("policy cycle")
        verbose_name_plural = _("policy cycles")
        ordering = ["-plan_start_year", "-pk"]
        constraints = [
            *invariants.years("policycycle", "plan_start_year", "plan_end_year"),
            *checks(
                "policycycle",
                end_after_start=(
                    ordered("plan_start_year", "plan_end_year"),
                    END_BEFORE_START_MESSAGE,
                ),
                hours_high_after_low=(
                    ordered("hours_budget_low", "hours_budget_high"),
                    HOURS_BOUNDS_MESSAGE,
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        errors = {}
        if reversed_period(self.plan_start_year, self.plan_end_year):
            errors["plan_end_year"] = END_BEFORE_START_MESSAGE
        if reversed_period(self.hours_budget_low, self.hours_budget_high):
            errors["hours_budget_high"] = HOURS_BOUNDS_MESSAGE
        if errors:
            raise ValidationError(errors)


class CycleStep(models.Model):
    # The slugs are those of the navigation (ivp.web.cycle.STEPS).
    class Kind(models.TextChoices):
        STARTNOTITIE = "startnotitie", _("Start memo")
        VEILIGHEIDSANALYSE = "veiligheidsanalyse", _("Safety analysis")
        PRIORITERING = "prioritering", _("Priorities")
        VEILIGHEIDSPLAN = "veiligheidsplan", _("Integral safety plan")
        UITVOERINGSPLAN = "uitvoeringsplan", _("Implementation plan")
        MONITORING = "monitoring", _("Implementation and monitoring")
        VERANTWOORDING = "verantwoording", _("Evaluation and accountability")

    class Status(models.TextChoices):
        NIET_GESTART = "niet_gestart", _("not started")
        BEZIG = "bezig", _("in progress")
        AFGEROND = "afgerond", _("done")

    cycle = models.ForeignKey(PolicyCycle, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("step"), max_length=24, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"))
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    owner = models.CharField(
        _("owner"),
        max_length=150,
        blank=True,
        help_text=_("A role or organisation, e.g. coördinator OOV."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIET_GESTART
    )
    hours_budgeted = models.PositiveIntegerField(
        _("hours budgeted"), null=True, blank=True, validators=invariants.not_negative_validators()
    )
    hours_spent = models.PositiveIntegerField(
        _("hours spent"), default=0, validators=invariants.not_negative_validators()
    )
    decided_by = models.CharField(
        _("decided by"), max_length=100, blank=True, help_text=_("E.g. college or gemeenteraad.")
    )
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_reference = models.CharField(_("decision reference"), max_length=150, blank=True)
    decision_date_unstated = models.BooleanField(
        _("decision date not stated in the source document"), default=False
    )
    decision_reference_unstated = models.BooleanField(
        _("decision reference not stated in the source document"), default=False
    )
    notes = models.TextField(_("notes"), blank=True)
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cycle step")
        verbose_name_plural = _("cycle steps")
        ordering = ["cycle", "order"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "kind"], name="cyclestep_one_per_kind"),
            *checks(
                "cyclestep",
                planned_end_after_start=(
                    ordered("planned_start", "planned_end"),
                    END_BEFORE_START_DATE_MESSAGE,
                ),
                actual_end_after_start=(
                    ordered("actual_start", "actual_end"),
                    END_BEFORE_START_DATE_MESSAGE,
                ),
                decision_date_given_or_unstated=(
                    Q(decision_date__isnull=True) | Q(decision_date_unstated=False),
                    DATE_AND_UNSTATED_MESSAGE,
                ),
                decision_reference_given_or_unstated=(
                    Q(decision_reference="") | Q(decision_reference_unstated=False),
                    REFERENCE_AND_UNSTATED_MESSAGE,
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.get_kind_display()}"

    def clean(self):
        errors = {
            end: END_BEFORE_START_DATE_MESSAGE
            for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end"))
            if reversed_period(getattr(self, start), getattr(self, end))
        }
        if self.decision_date and self.decision_date_unstated:
            errors["decision_date"] = DATE_AND_UNSTATED_MESSAGE
        if self.decision_reference and self.decision_reference_unstated:
            errors["decision_reference"] = REFERENCE_AND_UNSTATED_MESSAGE
        if errors:
            raise ValidationError(errors)

    def lateness(self, today: date) -> str:
        """'' when on time; 'late' when the planned end passed unfinished; 'finished_late'."""
        if not self.planned_end:
            return ""
        if self.status != self.Status.AFGEROND:
            return "late" if self.planned_end < today else ""
        if self.actual_end and self.actual_end > self.planned_end:
            return "finished_late"
        return ""


class WorkGroupMember(models.Model):
    """A seat in the work group: a role and an organisation, never a named person."""

    cycle = models.ForeignKey(PolicyCycle, on_delete=models.CASCADE, related_name="work_group")
    role = models.CharField(
        _("role"), max_length=150, help_text=_("E.g. trekker, operationeel expert.")
    )
    organisation = models.CharField(_("organisation"), max_length=150)
    hours_budgeted = models.PositiveIntegerField(
        _("hours budgeted"), null=True, blank=True, validators=invariants.not_negative_validators()
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work group member")
        verbose_name_plural = _("work group")
        ordering = ["cycle", "pk"]

    def __str__(self) -> str:
        return f"{self.role} ({self.organisation})"
