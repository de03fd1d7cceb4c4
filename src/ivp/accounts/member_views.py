"""A coordinator's page of the people working for their municipality, and invitations."""

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ivp.common.access import post_only, public
from ivp.common.form_saving import save_and_go
from ivp.regions.lookups import for_municipality

from . import services
from .forms import AcceptInvitationForm, InvitationForm
from .models import Invitation, Role
from .selectors import invitations_of, members_of, memberships_in


@for_municipality("accounts.manage_members")
def members(request, municipality):
    form = InvitationForm(request.POST or None, municipality=municipality)
    went = save_and_go(
        request,
        form,
        lambda: _invite(municipality, request.user, form.cleaned_data),
        done=lambda invitation: (
            _("Invitation sent to %s.") % invitation.email,
            reverse("accounts:members", args=[municipality.code]),
        ),
    )
    return went or render(
        request,
        "accounts/members.html",
        {
            "municipality": municipality,
            "members": members_of(municipality),
            "invitations": invitations_of(municipality),
            "endable_roles": services.ENDABLE_ROLES,
            "now": timezone.now(),
            "form": form,
        },
    )


def _invite(municipality, invited_by, data):
    try:
        return services.invitation_create(municipality=municipality, invited_by=invited_by, **data)
    except services.InvitationNotSent:
        raise ValidationError(
            _("The e-mail could not be sent, so no invitation was made. Try again later.")
        ) from None


@for_municipality("accounts.manage_members")
@post_only
def invitation_withdraw(request, municipality, invitation):
    invitation = get_object_or_404(Invitation, pk=invitation, municipality=municipality)
    try:
        services.invitation_withdraw(invitation=invitation)
        messages.success(request, _("Invitation to %s withdrawn.") % invitation.email)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("accounts:members", code=municipality.code)


@for_municipality("accounts.manage_members")
@post_only
def membership_end(request, municipality, membership):
    membership = get_object_or_404(memberships_in(municipality), pk=membership)
    try:
        services.membership_end(membership=membership)
        messages.success(
            request,
            _("%(user)s no longer has the role %(role)s.")
            % {"user": membership.user.get_username(), "role": membership.get_role_display()},
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("accounts:members", code=municipality.code)


@public
def invitation_accept(request, token):
    """Open to the invitee without an account: the signed token is the proof."""
    invitation = services.invitation_from_token(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    logged_in = request.user.is_authenticated
    form = None if logged_in else AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and (logged_in or form.is_valid()):
        try:
            if logged_in:
                membership = services.invitation_accept(invitation=invitation, user=request.user)
            else:
                membership = services.invitation_accept(
                    invitation=invitation,
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password1"],
                )
                auth_login(
                    request, membership.user, backend="django.contrib.auth.backends.ModelBackend"
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("accounts:profile" if logged_in else "login")
        messages.success(
            request,
            _("Welcome: you are now %(role)s for %(municipality)s.")
            % {"role": membership.get_role_display(), "municipality": invitation.municipality.name},
        )
        if membership.role == Role.VIEWER:
            return redirect(invitation.municipality)
        return redirect("web:workspace", code=invitation.municipality.code)
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": invitation, "form": form, "logged_in": logged_in},
    )
