"""Priorities a region's municipalities share. A member plan works on them inside its own
priorities (a link with the local contribution) or, when its council chose so, adopts one as a
priority of its own; either way by link, not by copy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.policy.models.parties import HasOrderedParties, PartyLink
from ivp.planning.workflow import invariants


class RegionalPriorityParty(PartyLink):
    regionalpriority = models.ForeignKey(
        "planning.RegionalPriority", on_delete=models.CASCADE, related_name="party_links"
    )

    class Meta(PartyLink.Meta):
        unique_together = [("regionalpriority", "party")]


class RegionalPriority(HasOrderedParties, invariants.YearPeriod):
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.CASCADE,
        related_name="shared_priorities",
        verbose_name=_("region"),
    )
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
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=invariants.year_validators()
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), validators=invariants.year_validators()
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    parties = models.ManyToManyField(
        "planning.Party",
        blank=True,
        related_name="+",
        through=RegionalPriorityParty,
        verbose_name=_("parties"),
    )
    # raised by every save through the services: an edit based on an older version is refused
    lock_version = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords(m2m_fields=[parties])

    class Meta:
        verbose_name = _("shared regional priority")
        verbose_name_plural = _("shared regional priorities")
        ordering = ["region", "order", "pk"]
        constraints = [
            *invariants.period("regionalpriority"),
        ]

    def __str__(self) -> str:
        return self.title


class RegionalLink(models.Model):
    """A shared regional priority the municipality works on inside one of its own priorities
    (or a speerpunt of it), with what it contributes locally. It adds no priority."""

    priority = models.ForeignKey(
        "planning.Priority",
        on_delete=models.CASCADE,
        related_name="regional_links",
        verbose_name=_("local priority"),
    )
    focus_area = models.ForeignKey(
        "planning.FocusArea",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="regional_links",
        verbose_name=_("focus area"),
    )
    regional_priority = models.ForeignKey(
        RegionalPriority,
        on_delete=models.PROTECT,
        related_name="local_links",
        verbose_name=_("shared regional priority"),
    )
    contribution = models.TextField(
        _("local contribution"),
        blank=True,
        help_text=_("What the municipality does for it here."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("link to a shared regional priority")
        verbose_name_plural = _("links to shared regional priorities")
        ordering = ["priority", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["priority", "regional_priority"],
                name="regionallink_once_per_priority",
                violation_error_message=_("This priority already works on that regional priority."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.priority} ← {self.regional_priority}"
