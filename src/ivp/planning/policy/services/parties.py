"""The party register's writes: a typed name becomes a party (through its aliases) and keeps
how the plan spells it, an element gets its parties in the order given, a party gets its type
and aliases, and one party is merged into another."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed
from django.utils.translation import gettext as _

from ivp.planning.policy.models import Party, PartyAlias
from ivp.planning.policy.models.parties import WrittenParty, link_models, name_key


def parties_as_written(names) -> list[WrittenParty]:
    """Each typed name as a party of the register and the plan's spelling of it, in the order
    given; a name is matched with the register's names and aliases without regard to case,
    runs of whitespace or a hyphen inside a word, and a new one becomes a party. The spelling is kept when it is not the
    party's own name ("politie" for "Politie", an alias), else left blank. Names are
    organisations, never persons."""
    cleaned = {}
    for name in names:
        name = " ".join(name.split())
        if name:
            cleaned.setdefault(name_key(name), name)
    if not cleaned:
        return []
    found = {name_key(p.name): p for p in _named(cleaned.values())}
    aliases = PartyAlias.objects.filter(key__in=cleaned).select_related("party")
    for alias in aliases:
        found.setdefault(alias.key, alias.party)
    missing = [key for key in cleaned if key not in found]
    if missing:
        found |= _loosely_named(missing)
    written = {}
    for key, name in cleaned.items():
        party = found.get(key) or Party.objects.create(name=name)
        # two names of one party: it is listed once, at its first place and as written there
        written.setdefault(party.pk, WrittenParty(party, "" if name == party.name else name))
    return list(written.values())


def _loose(key: str) -> str:
    """A name as a compound is spelled either way: "water-convenant" is "waterconvenant"."""
    return re.sub(r"(?<=\w)-(?=\w)", "", key)


def _loosely_named(keys: list[str]) -> dict:
    """The parties these names mean when only a hyphen inside a word differs."""
    register = {_loose(name_key(p.name)): p for p in Party.objects.all()}
    for alias in PartyAlias.objects.select_related("party"):
        register.setdefault(_loose(alias.key), alias.party)
    return {key: register[_loose(key)] for key in keys if _loose(key) in register}


def _named(names):
    """The parties with one of these names, case aside (stored names have single spaces)."""
    named = Q(pk__in=[])
    for name in names:
        named |= Q(name__iexact=name)
    return Party.objects.filter(named)


def set_parties(item, parties: list[WrittenParty | Party]) -> None:
    """Give a priority, speerpunt, regional priority or action exactly `parties`, in this order
    and as written (a party given alone is written by its name). Its history records one change
    when the list, its order or a spelling changed."""
    parties = [p if isinstance(p, WrittenParty) else WrittenParty(p) for p in parties]
    wanted = [(p.party.pk, p.written_as) for p in parties]
    if [(link.party_id, link.written_as) for link in item.party_links.all()] == wanted:
        return
    through = item.party_links.model
    owner = item.party_links.field.name
    item.party_links.all().delete()
    through.objects.bulk_create(
        [
            through(**{owner: item, "party": p.party, "written_as": p.written_as, "order": i})
            for i, p in enumerate(parties)
        ]
    )
    if hasattr(item, "_prefetched_objects_cache"):
        item._prefetched_objects_cache.pop("party_links", None)
        item._prefetched_objects_cache.pop("parties", None)
    # What the many-to-many manager would send: the element's history keeps the new list and
    # the plans' revision changes.
    m2m_changed.send(
        sender=through,
        instance=item,
        action="post_add" if wanted else "post_clear",
        reverse=False,
        model=Party,
        pk_set={pk for pk, _written in wanted},
        using=through.objects.db,
    )


def _alias_names(text_or_names) -> list[str]:
    names = text_or_names.splitlines() if isinstance(text_or_names, str) else text_or_names
    return [" ".join(n.split()) for n in names if n.strip()]


@transaction.atomic
def party_save(*, party: Party, organisation_type: str, aliases: list[str]) -> Party:
    """A party's organisation type and its aliases (replacing the ones it had). An alias that
    is another party's name or alias is refused: merge those parties instead."""
    party.organisation_type = organisation_type
    party.full_clean()
    wanted = {}
    for name in _alias_names(aliases):
        if name_key(name) != name_key(party.name):
            wanted.setdefault(name_key(name), name)
    taken = [p.name for p in _named(wanted.values()).exclude(pk=party.pk)]
    taken += [a.name for a in PartyAlias.objects.exclude(party=party).filter(key__in=list(wanted))]
    if taken:
        raise ValidationError(
            _("%(names)s already names another party; merge the two parties instead.")
            % {"names": ", ".join(sorted(taken))}
        )
    party.save()
    kept = {a.key: a for a in party.aliases.all()}
    for key, alias in kept.items():
        if key not in wanted:
            alias.delete()
    for key, name in wanted.items():
        if key not in kept:
            PartyAlias.objects.create(party=party, name=name)
        elif kept[key].name != name:
            kept[key].name = name
            kept[key].save()
    return party


def _merged(parties: list[WrittenParty], *, source: Party, target: Party) -> list[WrittenParty]:
    """An element's parties with `source` become `target`, listed once at its first place; the
    plan's words stay as they were (`source`'s name is an alias of `target` from now on)."""
    merged = {}
    for party, written_as in parties:
        if party.pk == source.pk:
            party, written_as = target, written_as or source.name
        merged.setdefault(
            party.pk, WrittenParty(party, "" if written_as == party.name else written_as)
        )
    return list(merged.values())


def links_of(party: Party) -> list:
    """Every element link of `party`: priorities, speerpunten, regional priorities, actions."""
    return [link for model in link_models() for link in model.objects.filter(party=party)]


@transaction.atomic
def party_merge(*, source: Party, target: Party, allowed_links=None) -> Party:
    """Merge `source` into `target`: every element that lists `source` lists `target` at the
    same place (once), `source`'s name and aliases become aliases of `target`, and `source`
    goes. `allowed_links` (a predicate on a link) refuses the whole merge when one of the
    uses may not be changed by whoever merges."""
    if source.pk == target.pk:
        raise ValidationError(_("A party cannot be merged into itself."))
    source = Party.objects.select_for_update().get(pk=source.pk)
    links = links_of(source)
    if allowed_links is not None and not all(allowed_links(link) for link in links):
        raise ValidationError(
            _(
                "%(party)s is also used outside the plans you may change; "
                "ask the beheerder to merge it."
            )
            % {"party": source.name}
        )
    for link in links:
        item = link.element
        set_parties(item, _merged(item.written_parties, source=source, target=target))
    for alias in source.aliases.all():
        if alias.key == name_key(target.name):
            alias.delete()
        else:
            alias.party = target
            alias.save()
    source_name = source.name
    source.delete()
    if name_key(source_name) != name_key(target.name):
        PartyAlias.objects.create(party=target, name=source_name)
    return target
