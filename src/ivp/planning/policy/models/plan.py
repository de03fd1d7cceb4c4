"""The integral safety plan (IVP / IVB), its priorities and their speerpunten (focus areas).

A plan is a concept until the council adopts it (vastgesteld); after that it changes only
through a new version (`previous` points back), so the versions can be compared.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.policy.models.parties import HasOrderedParties, PartyLink
from ivp.planning.workflow import invariants
from ivp.planning.workflow.models import Adoptable, version_constraints

MOST_PRIORITIES = 4  # Kernbeleid Veiligheid: three, at most four

PLAN_LENGTH_MESSAGE = _("A plan runs four or five years.")


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
    # named by the plan (or by nobody): a theme the priorities cover is not regular work too
    going_concern = models.ManyToManyField(
        "taxonomy.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("themes of the regular approach (going concern)"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[frameworks, going_concern])

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
        if not self.adopted_on:  # not stated in the source document
            return _(
                "This plan was adopted and is no longer changed; start a new version to change it."
            )
        return _(
            "This plan was adopted on %(date)s and is no longer changed; start a new version "
            "to change it."
        ) % {"date": self.adopted_on.strftime("%d-%m-%Y")}

    def clean(self):
        start, end = self.start_year, self.end_year
        if start is not None and end is not None and not 4 <= end - start + 1 <= 5:
            raise ValidationError({"end_year": PLAN_LENGTH_MESSAGE})

    def get_absolute_url(self) -> str:
        return reverse("planning:plan_detail", args=[self.municipality.code, self.pk])

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"


class PriorityParty(PartyLink):
    municipality_path = "priority__plan__municipality"
    priority = models.ForeignKey(
        "planning.Priority", on_delete=models.CASCADE, related_name="party_links"
    )

    class Meta(PartyLink.Meta):
        unique_together = [("priority", "party")]


class FocusAreaParty(PartyLink):
    municipality_path = "focusarea__priority__plan__municipality"
    focusarea = models.ForeignKey(
        "planning.FocusArea", on_delete=models.CASCADE, related_name="party_links"
    )

    class Meta(PartyLink.Meta):
        unique_together = [("focusarea", "party")]


class Priority(HasOrderedParties, models.Model):
    """A priority of the plan (some plans call them speerpunten), or one of its other themes."""

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
    # a council may prioritise two themes in one (brandveiligheid and crisisbeheersing)
    extra_themes = models.ManyToManyField(
        "taxonomy.Theme", blank=True, related_name="+", verbose_name=_("also covers the themes")
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
        "planning.Party",
        blank=True,
        related_name="priorities",
        through=PriorityParty,
        verbose_name=_("parties"),
    )
    frameworks = models.ManyToManyField(
        "planning.Framework", blank=True, related_name="priorities", verbose_name=_("frameworks")
    )
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[parties, extra_themes, frameworks])

    class Meta:
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        ordering = ["plan", "kind", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.plan.get_absolute_url()}#prioriteit-{self.pk}"

    @property
    def themes(self) -> list:
        """Its theme first, then the other themes it covers."""
        extra = [t for t in self.extra_themes.all() if t.pk != self.theme_id]
        return [self.theme, *extra] if self.theme else extra


class FocusArea(HasOrderedParties, models.Model):
    """A speerpunt or sub-theme inside a priority: its own introduction, ambition, goal, means
    (middel) and parties, with objectives and approach lines of its own."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="focus_areas")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=250)
    introduction = models.TextField(_("introduction"), blank=True)
    ambition = models.TextField(_("ambition"), blank=True)
    goal = models.TextField(_("goal"), blank=True, help_text=_("The goal in words (Doel)."))
    means = models.TextField(
        _("means"), blank=True, help_text=_("How it is resourced: people, money, instruments.")
    )
    parties = models.ManyToManyField(
        "planning.Party",
        blank=True,
        related_name="focus_areas",
        through=FocusAreaParty,
        verbose_name=_("parties"),
    )
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["priority", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"{self.priority.plan.get_absolute_url()}#speerpunt-{self.pk}"
