"""What the party register page reads: the parties a municipality's plans use (its IVP
priorities and speerpunten, its uitvoeringsplan actions, the regional priorities it works on),
each with its type, aliases and how often each kind of element lists it."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models.functions import Lower

from ivp.planning.policy.models import Party, Priority, RegionalLink, RegionalPriorityParty
from ivp.planning.policy.models.parties import link_models


@dataclass
class PartyUses:
    party: Party
    uses: dict = field(default_factory=dict)  # element kind (plural) → how many list it
    aliases: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.uses.values())


def regional_priorities_worked_on(municipality) -> set[int]:
    """The shared regional priorities its plans link into a priority or adopted as one."""
    linked = RegionalLink.objects.filter(priority__plan__municipality=municipality)
    adopted = Priority.objects.filter(plan__municipality=municipality, shared__isnull=False)
    return set(linked.values_list("regional_priority_id", flat=True)) | set(
        adopted.values_list("shared_id", flat=True)
    )


def element_kinds() -> list[str]:
    """The register's columns: the kinds of element that list parties."""
    return [kind_of(model) for model in link_models()]


def kind_of(link_model) -> str:
    element = next(
        f for f in link_model._meta.concrete_fields if f.is_relation and f.name != "party"
    )
    return str(element.related_model._meta.verbose_name_plural)


def links_in(municipality) -> dict:
    """Per link model, its links that belong to the municipality's plans (and, for regional
    priorities, to those the municipality works on)."""
    found = {}
    for model in link_models():
        if model.municipality_path:
            found[model] = model.objects.filter(**{model.municipality_path: municipality})
        elif model is RegionalPriorityParty:
            found[model] = model.objects.filter(
                regionalpriority__in=regional_priorities_worked_on(municipality)
            )
    return found


def parties_used_in(municipality) -> list[PartyUses]:
    """The register's rows, by name (case does not count)."""
    counts = {
        kind_of(model): Counter(links.values_list("party_id", flat=True))
        for model, links in links_in(municipality).items()
    }
    used = set().union(*counts.values())
    parties = Party.objects.filter(pk__in=used).prefetch_related("aliases").order_by(Lower("name"))
    return [
        PartyUses(
            party,
            uses={kind: counts.get(kind, Counter())[party.pk] for kind in element_kinds()},
            aliases=[alias.name for alias in party.aliases.all()],
        )
        for party in parties
    ]


def party_used_in(municipality, pk: int) -> PartyUses | None:
    """The row of party `pk` when the municipality's plans use it, else None."""
    return next((row for row in parties_used_in(municipality) if row.party.pk == pk), None)


def merge_targets(municipality, party: Party):
    """The parties `party` may be merged into: the others the municipality's plans use."""
    used = [row.party.pk for row in parties_used_in(municipality)]
    return Party.objects.filter(pk__in=used).exclude(pk=party.pk).order_by(Lower("name"))


def is_local_link(municipality):
    """A predicate on a party link: does it belong to one of the municipality's own plans?
    (A regional priority is the region's, not the municipality's.)"""
    local = {
        model: set(links.values_list("pk", flat=True))
        for model, links in links_in(municipality).items()
        if model.municipality_path
    }
    return lambda link: link.pk in local.get(type(link), set())
