"""Priorities a region's municipalities share. Member plans adopt them by link, not by copy."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.workflow import invariants


class RegionalPriority(invariants.YearPeriod):
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
        "planning.Party", blank=True, related_name="+", verbose_name=_("parties")
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
