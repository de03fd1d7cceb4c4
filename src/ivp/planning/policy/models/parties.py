"""The party register beyond a party's name: the other names that mean it (aliases), and the
ordered links that give a priority, speerpunt, regional priority or action its parties in the
order the plan writes them (the lead party first) and as it spells them ("politie" for the
register's "Politie")."""

from typing import NamedTuple

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ivp.planning.policy.models.frameworks import Party


class WrittenParty(NamedTuple):
    """A party of the register and how one place in a plan writes it (blank: by its name)."""

    party: Party
    written_as: str = ""


def name_key(name: str) -> str:
    """How a typed party name is compared: case and runs of whitespace do not count."""
    return " ".join(name.split()).casefold()


class PartyAlias(models.Model):
    """Another name for a party ("RIEC-ON" for "RIEC Oost-Nederland"): a typed alias lands on
    its party."""

    party = models.ForeignKey(
        "planning.Party", on_delete=models.CASCADE, related_name="aliases", verbose_name=_("party")
    )
    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("alias of a party")
        verbose_name_plural = _("aliases of parties")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = " ".join(self.name.split())
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class PartyLinkManager(models.Manager):
    """Links come with their party: a prefetch of `party_links` is one query."""

    def get_queryset(self):
        return super().get_queryset().select_related("party")


class PartyLink(models.Model):
    """One party of an element at its place in the element's list; the concrete links name
    their element with the field name Django gave it before the order was kept, and say
    through which path their element belongs to a municipality (`municipality_path`; None for
    a regional priority, which is the region's)."""

    municipality_path: str | None = None

    party = models.ForeignKey(
        "planning.Party", on_delete=models.CASCADE, related_name="+", verbose_name=_("party")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    written_as = models.CharField(
        _("as written in the plan"),
        max_length=200,
        blank=True,
        help_text=_("The party's name as this place in the plan writes it; blank: its own name."),
    )

    objects = PartyLinkManager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    @property
    def element(self):
        """The priority, speerpunt, regional priority or action this link belongs to."""
        field = next(f for f in self._meta.concrete_fields if f.is_relation and f.name != "party")
        return getattr(self, field.name)

    @property
    def name(self) -> str:
        """The party as the plan writes it here."""
        return self.written_as or self.party.name


def link_models() -> list[type[PartyLink]]:
    """Every kind of element link (execution's actions too, without importing execution)."""
    return [m for m in apps.get_models() if issubclass(m, PartyLink)]


class HasOrderedParties:
    """An element whose parties are kept in order through its `party_links`."""

    @property
    def ordered_parties(self) -> list:
        """Its parties as the plan lists them; prefetch `party_links` for many."""
        return [link.party for link in self.party_links.all()]

    @property
    def written_parties(self) -> list:
        """Its parties with the plan's spelling of each, as `set_parties` takes them."""
        return [WrittenParty(link.party, link.written_as) for link in self.party_links.all()]

    @property
    def party_names(self) -> list[str]:
        """Its parties as the plan writes them, for a reader; the register's name where the
        plan spells a party as the register does."""
        return [link.name for link in self.party_links.all()]
