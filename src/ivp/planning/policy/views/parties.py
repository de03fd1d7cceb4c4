"""The party register of a municipality: the parties its plans use, with type, aliases and
uses; a party's type and aliases edited; one party merged into another after a confirmation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ivp.accounts.rules import is_beheerder
from ivp.planning.policy import party_register
from ivp.planning.policy.party_forms import MergeForm, PartyForm
from ivp.planning.policy.services import parties as party_services
from ivp.regions.lookups import for_municipality


def _register_url(municipality) -> str:
    return reverse("planning:parties", kwargs={"code": municipality.code})


def _row_or_404(municipality, pk: int):
    row = party_register.party_used_in(municipality, pk)
    if row is None:
        raise Http404
    return row


@for_municipality("planning.view_parties")
def party_register_page(request, municipality):
    return render(
        request,
        "planning/party_register.html",
        {
            "municipality": municipality,
            "rows": party_register.parties_used_in(municipality),
            "kinds": party_register.element_kinds(),
            "may_change": request.user.has_perm("planning.change_parties", municipality),
        },
    )


@for_municipality("planning.change_parties")
def party_edit(request, municipality, party):
    row = _row_or_404(municipality, party)
    initial = {
        "organisation_type": row.party.organisation_type,
        "aliases": "\n".join(row.aliases),
    }
    form = PartyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            party_services.party_save(
                party=row.party,
                organisation_type=form.cleaned_data["organisation_type"],
                aliases=form.alias_names(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Party “%s” saved.") % row.party.name)
            return redirect(_register_url(municipality))
    return render(
        request,
        "planning/party_form.html",
        {"municipality": municipality, "row": row, "form": form},
    )


@for_municipality("planning.change_parties")
def party_merge(request, municipality, party):
    """First the party that stays (a GET form), then what moves and the button that merges."""
    row = _row_or_404(municipality, party)
    targets = party_register.merge_targets(municipality, row.party)
    form = MergeForm(request.POST or request.GET or None, targets=targets)
    target = form.cleaned_data["into"] if form.is_bound and form.is_valid() else None
    refusal = None
    if target is not None and request.method == "POST":
        # the beheerder merges everywhere; a coordinator only what their own plans use
        allowed = None if is_beheerder(request.user) else party_register.is_local_link(municipality)
        try:
            party_services.party_merge(source=row.party, target=target, allowed_links=allowed)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(
                request,
                _("“%(source)s” is merged into “%(target)s”.")
                % {"source": row.party.name, "target": target.name},
            )
            return redirect(_register_url(municipality))
    return render(
        request,
        "planning/party_merge.html",
        {
            "municipality": municipality,
            "row": row,
            "form": form,
            "target": target,
            "refusal": refusal,
            "cancel": _register_url(municipality),
        },
    )
