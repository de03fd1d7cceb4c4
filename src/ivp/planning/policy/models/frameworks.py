"""Frameworks a plan answers to, and the parties (organisations) that carry the work."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.workflow import invariants

LEVEL_ORDER = models.Case(
    models.When(level="landelijk", then=0),
    models.When(level="regionaal", then=1),
    default=2,
)


class Framework(invariants.YearPeriod):
    """A kader: the Landelijke Veiligheidsagenda, a regional police plan, a coalition accord.
    National ones are shared data (planning/data/kaders.json); a municipality or a region adds
    its own (`municipality`, `region`), which only its own plans are offered."""

    class Level(models.TextChoices):
        LANDELIJK = "landelijk", _("national")
        REGIONAAL = "regionaal", _("regional")
        LOKAAL = "lokaal", _("local")

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=invariants.year_validators()
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), validators=invariants.year_validators()
    )
    region = models.ForeignKey(
        "regions.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="frameworks",
    )
    themes = models.ManyToManyField(
        "taxonomy.Theme", related_name="frameworks", blank=True, verbose_name=_("themes")
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Place in the list of its level; lower comes first.")
    )

    class Meta:
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        # from national to local, as a plan lists them; then the order its owner gave
        ordering = [LEVEL_ORDER, "order", "-start_year", "name"]
        constraints = [
            *invariants.period("framework"),
        ]

    def __str__(self) -> str:
        return self.name

    def covers(self, start_year: int, end_year: int) -> bool:
        return self.start_year <= end_year and self.end_year >= start_year


class Party(models.Model):
    """An organisation (partij, ketenpartner): politie, OM, brandweer, a housing corporation.
    Its aliases (`PartyAlias`) are other names that mean the same organisation."""

    class OrganisationType(models.TextChoices):
        GEMEENTE = "gemeente", _("municipality")
        POLITIE = "politie", _("police")
        OM = "om", _("public prosecution service")
        VEILIGHEIDSREGIO = "veiligheidsregio", _("safety region / fire service")
        GGD = "ggd", _("GGD / GHOR")
        RIEC = "riec", _("RIEC")
        ZORG = "zorg", _("care and welfare")
        WONEN = "woningcorporatie", _("housing corporation")
        ONDERWIJS = "onderwijs", _("education")
        JEUGD = "jeugd", _("youth (Halt and the like)")
        ONDERNEMERS = "ondernemers", _("businesses and entrepreneurs")
        MAATSCHAPPELIJK = "maatschappelijk", _("civil society organisation")
        OVERIG = "overig", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    # empty until someone says what kind of organisation it is
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = [Lower("name"), "pk"]

    def __str__(self) -> str:
        return self.name
