"""Municipalities, their wijken and buurten, regions they belong to, and public key figures."""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .names import sort_key

municipality_code_validator = RegexValidator(
    r"^GM\d{4}$", _("A CBS municipality code has the form GM followed by four digits.")
)


class Municipality(models.Model):
    code = models.CharField(
        _("CBS code"), max_length=6, unique=True, validators=[municipality_code_validator]
    )
    name = models.CharField(_("name"), max_length=100)
    sort_name = models.CharField(
        _("sort name"),
        max_length=100,
        editable=False,
        db_index=True,
        default="",
        help_text=_("The name as Dutch lists sort it: ’s-Gravenhage under G."),
    )
    cbs_name = models.CharField(
        _("CBS name"),
        max_length=100,
        unique=True,
        help_text=_("The name as CBS writes it, e.g. '’s-Gravenhage (gemeente)' or 'Bergen (L.)'."),
    )
    province = models.ForeignKey(
        "Region",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="province_municipalities",
        limit_choices_to={"kind": "provincie"},
        null=True,
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["sort_name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = sort_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("regions:municipality_detail", args=[self.code])


class Area(models.Model):
    class Kind(models.TextChoices):
        WIJK = "wijk", _("district (wijk)")
        BUURT = "buurt", _("neighbourhood (buurt)")

    code = models.CharField(_("CBS code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="areas", verbose_name=_("municipality")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["code"]
        indexes = [models.Index(fields=["municipality", "kind"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Region(models.Model):
    class Kind(models.TextChoices):
        PROVINCIE = "provincie", _("province")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("safety region (veiligheidsregio)")
        POLITIE_EENHEID = "politie-eenheid", _("police unit (politie-eenheid)")
        RIEC = "riec", _("RIEC area")
        SAMENWERKINGSVERBAND = "samenwerkingsverband", _("partnership (samenwerkingsverband)")

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Short unique code, e.g. PV22 or zuidwest-drenthe."),
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("About the partnership, not about persons: no personal data."),
    )
    members = models.ManyToManyField(
        Municipality, related_name="regions", blank=True, verbose_name=_("member municipalities")
    )
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:region_detail", args=[self.code])


class Population(models.Model):
    """Inhabitants on 31 December of `year` (CBS 37230ned)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="population"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        verbose_name = _("population")
        verbose_name_plural = _("population")
        ordering = ["municipality", "year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="population_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.inhabitants}"


NETHERLANDS_CODE = "NL01"  # CBS's code for the country, as in its RegioS lists


class RegionPopulation(models.Model):
    """Inhabitants of the country (`NL01`) or a province (`PV20`…) on 31 December of `year`,
    as CBS publishes them (37230ned). Not the sum of today's municipalities: for the years
    before a merger that sum misses the municipality that did not exist yet."""

    code = models.CharField(_("CBS code"), max_length=6)
    year = models.PositiveSmallIntegerField(_("year"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"))
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        verbose_name = _("population of the country or a province")
        verbose_name_plural = _("population of the country and the provinces")
        ordering = ["code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="region_population_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.year}: {self.inhabitants}"


class KeyFigures(models.Model):
    """CBS Kerncijfers wijken en buurten for a municipality (area empty) or one of its areas."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="key_figures"
    )
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="key_figures"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"), null=True)
    men = models.PositiveIntegerField(_("men"), null=True)
    women = models.PositiveIntegerField(_("women"), null=True)
    density = models.PositiveIntegerField(_("inhabitants per km² land"), null=True)
    dwellings = models.PositiveIntegerField(_("housing stock"), null=True)
    area_total_ha = models.PositiveIntegerField(_("total surface (ha)"), null=True)
    area_land_ha = models.PositiveIntegerField(_("land surface (ha)"), null=True)
    area_water_ha = models.PositiveIntegerField(_("water surface (ha)"), null=True)
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        verbose_name = _("key figures")
        verbose_name_plural = _("key figures")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year"],
                condition=models.Q(area__isnull=True),
                name="keyfigures_unique_municipality_year",
            ),
            models.UniqueConstraint(
                fields=["area", "year"],
                condition=models.Q(area__isnull=False),
                name="keyfigures_unique_area_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area or self.municipality} {self.year}"


class ImportRun(models.Model):
    """One load of a public data file: what, by whom, how many rows, and what was refused."""

    kind = models.CharField(_("kind"), max_length=40)
    file_name = models.CharField(_("file"), max_length=255)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    user = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("user")
    )
    rows_written = models.PositiveIntegerField(_("rows written"), default=0)
    rows_skipped = models.PositiveIntegerField(_("rows skipped"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    changes = models.JSONField(
        _("replaced values"),
        default=list,
        blank=True,
        help_text=_("Values this import replaced: code, year, old and new value."),
    )

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.file_name}"
