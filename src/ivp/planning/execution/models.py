"""The uitvoeringsplan: a year's (or two years') actions per theme of the integral safety plan,
with parties, planning as written and as read, owner, budget and hours; and their progress."""

from datetime import date as Date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.execution.address import plan_address
from ivp.planning.policy.models.parties import HasOrderedParties, PartyLink
from ivp.planning.workflow import invariants
from ivp.planning.workflow.invariants import FIRST_YEAR, checks
from ivp.planning.workflow.models import Adoptable, version_constraints
from ivp.planning.workflow.schedule import Schedule

SCOPE_LENGTH = 60
ONE_OR_TWO_YEARS_MESSAGE = _("An implementation plan runs one or two years.")
OUTSIDE_POLICY_PLAN_MESSAGE = _("%(year)s lies outside the period of %(plan)s (%(period)s).")
FUTURE_MESSAGE = _("Progress cannot be reported for a date in the future.")
TOO_EARLY_MESSAGE = invariants.lazy_format(
    _("Progress cannot be reported for a date before %(year)s."), year=FIRST_YEAR
)
STATUS_MESSAGE = _(
    "“%(value)s” is not a status; use gepland, lopend, afgerond, vertraagd or geschrapt."
)


class ActionPlan(Adoptable):
    """Adopted by the college; after that it changes only through a new version (`previous`
    points back), while progress on its actions goes on being reported."""

    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="action_plans"
    )
    policy_plan = models.ForeignKey(
        "planning.PolicyPlan",
        on_delete=models.PROTECT,
        related_name="action_plans",
        verbose_name=_("integral safety plan"),
    )
    title = models.CharField(_("title"), max_length=200)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=invariants.year_validators()
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), validators=invariants.year_validators()
    )
    # Several plans may start in one year (one per priority or speerpunt); the scope tells
    # them apart in their address: "2026" for the whole plan, "2026-ondermijning" for a part.
    scope = models.SlugField(
        _("short name in the address"),
        max_length=SCOPE_LENGTH,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "For a plan of one priority or speerpunt: a few words, as in 2026-ondermijning. "
            "Empty: taken from the priority or speerpunt chosen."
        ),
    )

    class Weight(models.TextChoices):
        EQUAL = "gelijk", _("every action equally")
        BUDGET = "budget", _("by budget")
        HOURS = "uren", _("by hours")

    rollup_weight = models.CharField(
        _("progress per theme weighs actions"),
        max_length=8,
        choices=Weight.choices,
        default=Weight.EQUAL,
    )
    dashboard_published = models.BooleanField(
        _("dashboard published"),
        default=False,
        help_text=_("A published dashboard is public under the municipality's address."),
    )
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("implementation plan")
        verbose_name_plural = _("implementation plans")
        ordering = ["-start_year", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year"))
                & Q(end_year__lte=models.F("start_year") + 1),
                name="actionplan_one_or_two_years",
                violation_error_message=ONE_OR_TWO_YEARS_MESSAGE,
            ),
            *invariants.years("actionplan", "start_year", "end_year"),
            *version_constraints("actionplan", key=("start_year", "scope")),
        ]

    def __str__(self) -> str:
        return self.title

    def adopted_refusal(self) -> str:
        by = self.adopted_by or "college"
        if not self.adopted_on:  # not stated in the source document
            return _(
                "This implementation plan was adopted by the %(by)s; its actions change only "
                "through a new version. Progress can still be reported."
            ) % {"by": by}
        return _(
            "This implementation plan was adopted by the %(by)s on %(date)s; its actions change "
            "only through a new version. Progress can still be reported."
        ) % {"by": by, "date": self.adopted_on.strftime("%d-%m-%Y")}

    def clean(self):
        start, end = self.start_year, self.end_year
        if start is not None and end is not None and end not in (start, start + 1):
            raise ValidationError({"end_year": ONE_OR_TWO_YEARS_MESSAGE})
        # the IVP's period is another table's: only clean() can hold the plan inside it
        if self.policy_plan_id is None:
            return
        ivp = self.policy_plan
        for name, year in (("start_year", start), ("end_year", end)):
            if year is not None and not ivp.start_year <= year <= ivp.end_year:
                raise ValidationError(
                    {
                        name: OUTSIDE_POLICY_PLAN_MESSAGE
                        % {"year": year, "plan": ivp.title, "period": ivp.period}
                    }
                )

    def get_absolute_url(self) -> str:
        url = reverse("planning:action_plan", args=[self.municipality.code, self.address])
        return url if self.is_current else f"{url}?versie={self.version}"

    @property
    def address(self) -> str:
        """How its address names it: the first year, and the scope of a partial plan."""
        return plan_address(self.start_year, self.scope)

    @property
    def is_current(self) -> bool:
        return not self.next_versions.exists()

    @property
    def period(self) -> str:
        if self.start_year == self.end_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"


class ActionPlanTheme(models.Model):
    """One theme of the year's plan: a priority of the IVP or one of its other themes, with
    the look-back on the year before."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="themes")
    priority = models.ForeignKey(
        "planning.Priority",
        on_delete=models.PROTECT,
        related_name="action_plan_themes",
        verbose_name=_("priority or theme of the plan"),
    )
    focus_area = models.ForeignKey(
        "planning.FocusArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plan_themes",
        verbose_name=_("speerpunt"),
        help_text=_("Set when the plan works on one speerpunt of the priority."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "What the theme is about this year, for the reader of the document. **bold**, "
            "*italic*, [link text](https://…) and footnotes ^[Source: …] as in a chapter."
        ),
    )
    lookback = models.TextField(
        _("look-back"), blank=True, help_text=_("The year before: what happened, in figures.")
    )
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theme of the implementation plan")
        verbose_name_plural = _("themes of the implementation plan")
        ordering = ["action_plan", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["action_plan", "priority"],
                condition=Q(focus_area__isnull=True),
                name="actionplantheme_once_per_priority",
            ),
            models.UniqueConstraint(
                fields=["action_plan", "focus_area"],
                condition=Q(focus_area__isnull=False),
                name="actionplantheme_once_per_focus_area",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The action list showing this theme alone, open (a long list folds its themes)."""
        plan_url = self.action_plan.get_absolute_url()
        joined = "&" if "?" in plan_url else "?"
        return f"{plan_url}{joined}thema={self.pk}#thema-{self.pk}"

    @property
    def title(self) -> str:
        """A speerpunt's theme is named by the speerpunt and the priority it belongs to."""
        if self.focus_area_id is None:
            return self.priority.title
        return _("%(focus_area)s (speerpunt of %(priority)s)") % {
            "focus_area": self.focus_area.title,
            "priority": self.priority.title,
        }

    @property
    def objectives(self) -> list:
        """The IVP's objectives it works toward: its speerpunt's, or all of its priority's."""
        found = self.priority.objectives.all()
        if self.focus_area_id is None:
            return list(found)
        return [o for o in found if o.focus_area_id == self.focus_area_id]


class ActionParty(PartyLink):
    municipality_path = "action__theme__action_plan__municipality"
    action = models.ForeignKey(
        "planning.Action", on_delete=models.CASCADE, related_name="party_links"
    )

    class Meta(PartyLink.Meta):
        unique_together = [("action", "party")]


class Action(HasOrderedParties, models.Model):
    class Status(models.TextChoices):
        GEPLAND = "gepland", _("planned")
        LOPEND = "lopend", _("running")
        AFGEROND = "afgerond", _("done")
        VERTRAAGD = "vertraagd", _("delayed")
        GESCHRAPT = "geschrapt", _("dropped")

    theme = models.ForeignKey(ActionPlanTheme, on_delete=models.CASCADE, related_name="actions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    item = models.CharField(_("item"), max_length=250)
    description = models.TextField(
        _("measures and activities"),
        blank=True,
        help_text=_("About the work, never about persons."),
    )
    parties = models.ManyToManyField(
        "planning.Party",
        blank=True,
        related_name="actions",
        through=ActionParty,
        verbose_name=_("parties"),
    )
    planning_text = models.CharField(
        _("planning"), max_length=200, blank=True, help_text=_("As written, e.g. Q1 en Q3.")
    )
    planning_months = models.JSONField(_("planning in months"), default=list, blank=True)
    owner = models.CharField(
        _("owner"), max_length=150, blank=True, help_text=_("A role or party, never a name.")
    )
    budget = models.DecimalField(
        _("budget (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=invariants.not_negative_validators(),
    )
    hours = models.PositiveIntegerField(
        _("capacity (hours)"),
        null=True,
        blank=True,
        validators=invariants.not_negative_validators(),
    )
    expected_result = models.TextField(_("expected result"), blank=True)
    objective = models.ForeignKey(
        "planning.Objective",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("objective"),
    )
    indicator = models.ForeignKey(
        "figures.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("indicator"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.GEPLAND
    )
    carried_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        verbose_name=_("carried over from"),
    )
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["theme", "order", "pk"]
        constraints = checks(
            "action", budget_not_negative=(Q(budget__gte=0), invariants.NOT_NEGATIVE_MESSAGE)
        )

    def __str__(self) -> str:
        return self.item

    def get_absolute_url(self) -> str:
        """Its row in its theme's table of the uitvoeringsplan."""
        return self.theme.get_absolute_url()

    @property
    def planning_parsed(self) -> bool:
        return bool(self.planning_months)

    @property
    def schedule(self) -> Schedule:
        """The planning as written and as read when it was saved."""
        return Schedule(self.planning_text, tuple(self.planning_months), self.planning_parsed)


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Action.Status.choices,
        error_messages={"invalid_choice": STATUS_MESSAGE},
    )
    percent_done = models.PositiveSmallIntegerField(
        _("percentage done"),
        null=True,
        blank=True,
        validators=invariants.percent_validators(),
        error_messages={"invalid": invariants.PERCENT_MESSAGE},
    )
    # its length is text_limits.NOTE, held before every save (ivp.common.text_limits)
    note = models.TextField(
        _("note"), blank=True, help_text=_("About the work, never about persons.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,  # a report made by a script, or by an account since removed
        related_name="+",
    )
    # Who reported, as readers see it: the organisation, never the person's user name.
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # a reporter may take an update back: the audit trail keeps what was reported and removed
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["action", "-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent_done__lte=100),
                name="progressupdate_percent_at_most_100",
                violation_error_message=invariants.PERCENT_MESSAGE,
            ),
            *checks(
                "progressupdate",
                status_known=(Q(status__in=Action.Status.values), _("Unknown status.")),
                date_not_too_early=(Q(date__gte=Date(FIRST_YEAR, 1, 1)), TOO_EARLY_MESSAGE),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.get_status_display()} ({self.date})"

    def clean(self):
        if self.date is None:
            return
        if self.date.year < FIRST_YEAR:
            raise ValidationError({"date": TOO_EARLY_MESSAGE})
        # "not in the future" depends on today: a rule for new reports, not a database check
        if self._state.adding and self.date > timezone.localdate():
            raise ValidationError({"date": FUTURE_MESSAGE})


class ActionListChoice(models.Model):
    """The filter and sort a user last chose on the action list of a municipality, so the list
    opens as they left it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="+"
    )
    query = models.CharField(max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="actionlistchoice_once_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.query}"


COMMENT_LENGTH = 2_000  # a short message in a thread, not a report


class ActionComment(models.Model):
    """A short message in an action's thread between the municipality's coordinator and the
    partners of its parties; in the audit trail like a progress report."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="comments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,  # an account since removed
        related_name="+",
    )
    # Who wrote it, as readers see it: the organisation, never the person's user name.
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    text = models.TextField(
        _("comment"),
        validators=[MaxLengthValidator(COMMENT_LENGTH)],
        help_text=_("About the work, never about persons."),
    )
    created_at = models.DateTimeField(_("posted on"), auto_now_add=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment on an action")
        verbose_name_plural = _("comments on actions")
        ordering = ["action", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {Truncator(self.text).chars(60)}"


class ScheduledRun(models.Model):
    """The last moment a job of the worker's schedule was due and taken: several workers, or
    one restarted, never run the same week's job twice."""

    name = models.SlugField(max_length=60, unique=True)
    last_due = models.DateTimeField()
    ran_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: {self.last_due:%Y-%m-%d %H:%M}"
