"""Where a figure comes from, what it measures, and its value for an area and a period."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .editions import STORED_PATTERN
from .formats.area_sums import SUMMED_TITLE_SUFFIX


class Source(models.Model):
    """One edition of a published table, or a municipality's own registration file."""

    publisher = models.CharField(_("publisher"), max_length=100)
    table_id = models.CharField(_("table"), max_length=20, blank=True)
    title = models.CharField(_("title"), max_length=250)
    edition = models.CharField(
        _("edition"),
        max_length=10,
        help_text=_(
            "Year, month or day of the edition (2026, 2025-09, 2026-12-02); a later edition "
            "replaces earlier values."
        ),
    )
    licence = models.CharField(_("licence"), max_length=60, blank=True)
    retrieved = models.DateField(_("retrieved"), null=True, blank=True)
    url = models.URLField(_("web address"), blank=True)
    synthetic = models.BooleanField(
        _("synthetic"),
        default=False,
        help_text=_("Generated for tests and benchmarks; never real figures."),
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="own_sources",
        help_text=_("Set for a municipality's own registrations."),
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["publisher", "table_id", "-edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["publisher", "table_id", "title", "edition"],
                name="source_unique_edition",
            ),
            # The shape of editions.parse_edition's result, so that editions sort as dates.
            models.CheckConstraint(
                condition=models.Q(edition__regex=STORED_PATTERN),
                name="source_edition_normalised",
            ),
        ]

    def __str__(self) -> str:
        return self.credit

    @property
    def credit(self) -> str:
        """The line shown under every figure: 'Bron: Politie, 47013NED (editie 2025-12)'."""
        table = f", {self.table_id}" if self.table_id else ""
        mark = " — SYNTHETISCH, geen echte cijfers" if self.synthetic else ""
        summed = ", opgeteld uit de buurten en wijken" if self.is_summed else ""
        return f"Bron: {self.publisher}{table} (editie {self.edition}{summed}){mark}"

    @property
    def is_summed(self) -> bool:
        """Figures ivp added up from a file's buurten and wijken, kept apart from published ones."""
        return self.title.endswith(SUMMED_TITLE_SUFFIX)


class Indicator(models.Model):
    class Kind(models.TextChoices):
        MISDRIJVEN = "misdrijven", _("registered crimes")
        OVERLAST = "overlast", _("nuisance reports")
        INCIDENTEN = "incidenten", _("incidents")
        ENQUETESCORE = "enquetescore", _("survey score")
        ENQUETEPERCENTAGE = "enquetepercentage", _("survey percentage")
        EIGEN_REGISTRATIE = "eigen", _("own registration")

    COUNT_KINDS = (Kind.MISDRIJVEN, Kind.OVERLAST, Kind.INCIDENTEN, Kind.EIGEN_REGISTRATIE)

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, default="aantal")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    classification = models.CharField(
        _("classification code"),
        max_length=20,
        blank=True,
        help_text=_("E.g. the police crime type 1.1.1 or the overlast code E35."),
    )
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(
        "taxonomy.Theme", related_name="indicators", blank=True, verbose_name=_("themes")
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="own_indicators",
        help_text=_("Set for an indicator only this municipality registers."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["kind", "classification", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_count(self) -> bool:
        return self.kind in self.COUNT_KINDS


class Observation(models.Model):
    """The value of an indicator for one area (CBS code) and one period.

    `period` is '2024' (year), '2024-Q1' (quarter) or '2024-03' (month). `revision` counts the
    editions that changed this value; the first import is revision 1.
    """

    # No separate indexes on indicator and municipality: the unique key (indicator, area,
    # period) and the (municipality, indicator) index serve those lookups, and every extra
    # index slows the writing of a national file by seconds.
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="observations", db_index=False
    )
    area_code = models.CharField(_("area"), max_length=10)
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="observations",
        db_index=False,
    )
    period = models.CharField(_("period"), max_length=7)
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))
    margin = models.FloatField(
        _("margin"), null=True, blank=True, help_text=_("95% margin of a survey figure.")
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="observations")
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area_code", "period"], name="observation_unique_period"
            )
        ]
        indexes = [models.Index(fields=["municipality", "indicator"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area_code} {self.period}: {self.value}"


class FiguresUpload(models.Model):
    """A file uploaded in the app, imported by a background task; its report stays here."""

    class Status(models.TextChoices):
        MAPPING = "koppelen", _("columns to be mapped")
        QUEUED = "wachtrij", _("waiting")
        RUNNING = "bezig", _("importing")
        DONE = "klaar", _("imported")
        REFUSED = "geweigerd", _("refused")
        FAILED = "mislukt", _("failed")

    FINISHED = (Status.DONE, Status.REFUSED, Status.FAILED)

    file_name = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(_("content"), editable=False)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    edition = models.CharField(_("edition"), max_length=20, blank=True)
    table_id = models.CharField(_("table"), max_length=20, blank=True)
    user = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, related_name="figures_uploads"
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures_uploads",
        help_text=_("Set for a municipality's own registrations or survey results."),
    )
    mapping = models.JSONField(
        _("column mapping"),
        null=True,
        blank=True,
        help_text=_("Which column holds the period, the value, the category, the area."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    # SHA-256 of the content: the same file cannot be waiting or importing twice at once.
    digest = models.CharField(max_length=64, blank=True, editable=False)
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    report = models.JSONField(_("report"), default=list, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)

    class Meta:
        verbose_name = _("upload of figures")
        verbose_name_plural = _("uploads of figures")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["digest"],
                condition=models.Q(status__in=["wachtrij", "bezig"]) & ~models.Q(digest=""),
                name="figuresupload_one_import_of_a_file_at_a_time",
            )
        ]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("figures:upload_detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED
