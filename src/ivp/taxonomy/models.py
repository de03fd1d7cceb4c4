"""Kernbeleid Veiligheid as versioned data, and each municipality's own adaptation of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class TaxonomyVersion(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=150)
    valid_from = models.PositiveSmallIntegerField(_("in use from (year)"))
    is_current = models.BooleanField(_("current national version"), default=False)
    source = models.CharField(_("source"), max_length=250)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("taxonomy version")
        verbose_name_plural = _("taxonomy versions")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return self.name


class SafetyField(models.Model):
    version = models.ForeignKey(TaxonomyVersion, on_delete=models.CASCADE, related_name="fields")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("safety field")
        verbose_name_plural = _("safety fields")
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="safetyfield_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Theme(models.Model):
    field = models.ForeignKey(SafetyField, on_delete=models.CASCADE, related_name="themes")
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["field", "order"]
        constraints = [models.UniqueConstraint(fields=["field", "code"], name="theme_unique_code")]

    def __str__(self) -> str:
        return self.name


class MunicipalTheme(models.Model):
    """A municipality's adaptation: rename or hide a national theme, or add a theme of its own.

    The national version is never changed; `theme` empty means the municipality added it.
    """

    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.CASCADE, related_name="theme_adaptations"
    )
    version = models.ForeignKey(TaxonomyVersion, on_delete=models.CASCADE, related_name="+")
    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, null=True, blank=True, related_name="adaptations"
    )
    field = models.ForeignKey(SafetyField, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("own name"), max_length=150, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("About the theme, never about persons.")
    )
    hidden = models.BooleanField(_("hidden"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("municipal theme")
        verbose_name_plural = _("municipal themes")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "theme"],
                condition=models.Q(theme__isnull=False),
                name="municipaltheme_one_per_national_theme",
            )
        ]

    def __str__(self) -> str:
        return self.name or str(self.theme)
