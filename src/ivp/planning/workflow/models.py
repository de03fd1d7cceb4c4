"""What the IVP and the uitvoeringsplan share: a draft until the council or the college adopts
it, after which it changes only through a new version that points back to it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Adoptable(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("draft")
        VASTGESTELD = "vastgesteld", _("adopted")

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    adopted_by = models.CharField(_("adopted by"), max_length=100, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    decision_reference = models.CharField(_("decision reference"), max_length=150, blank=True)
    # "the source does not say" kept apart from "not entered yet": an unstated value is left
    # out of documents rather than written as a placeholder
    adopted_on_unstated = models.BooleanField(
        _("adoption date not stated in the source document"), default=False
    )
    decision_reference_unstated = models.BooleanField(
        _("decision reference not stated in the source document"), default=False
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
        verbose_name=_("previous version"),
    )

    class Meta:
        abstract = True

    @property
    def adopted(self) -> bool:
        return self.status == self.Status.VASTGESTELD


def version_constraints(prefix: str, *, key=("start_year",)) -> list[models.UniqueConstraint]:
    """One plan per municipality, `key` (its starting year) and version; one newer version
    per version."""
    return [
        models.UniqueConstraint(
            fields=["municipality", *key, "version"],
            name=f"{prefix}_one_per_start_and_version",
        ),
        models.UniqueConstraint(fields=["previous"], name=f"{prefix}_one_next_version"),
    ]
