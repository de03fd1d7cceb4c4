"""Writes on accounts: invitations by a coordinator and the memberships they lead to."""

import smtplib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Invitation, Membership, Role

TOKEN_SALT = "ivp.accounts.invitation"
ENDABLE_ROLES = (Role.KETENPARTNER, Role.VIEWER)


def invitation_token(invitation: Invitation) -> str:
    """A signed token: the invitation's id, unforgeable without SECRET_KEY."""
    return signing.dumps(invitation.pk, salt=TOKEN_SALT)


def invitation_from_token(token: str) -> Invitation | None:
    """The open, unexpired invitation a token names, or None."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    invitation = Invitation.objects.open().select_related("municipality").filter(pk=pk).first()
    if invitation is None or invitation.is_expired(timezone.now()):
        return None
    return invitation


class InvitationNotSent(Exception):
    """The mail server refused or could not be reached; nothing was saved."""


@transaction.atomic
def invitation_create(
    *, municipality, email: str, role: str, organisation: str = "", invited_by
) -> Invitation:
    invitation = Invitation(
        municipality=municipality,
        email=email.strip().lower(),
        role=role,
        organisation=organisation.strip(),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.IVP_INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    _send_invitation(invitation)
    return invitation


def _send_invitation(invitation: Invitation) -> None:
    link = settings.IVP_SITE_URL.rstrip("/") + reverse(
        "accounts:invitation_accept", args=[invitation_token(invitation)]
    )
    body = render_to_string(
        "accounts/invitation_email.txt",
        {"invitation": invitation, "link": link, "days": settings.IVP_INVITATION_DAYS},
    )
    subject = _("Invitation to ivp for %(municipality)s") % {
        "municipality": invitation.municipality.name
    }
    try:
        send_mail(subject, body, None, [invitation.email])
    except (smtplib.SMTPException, OSError) as error:
        raise InvitationNotSent(str(error)) from error


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation) -> None:
    if not invitation.is_open:
        raise ValidationError(_("This invitation was already accepted or withdrawn."))
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user=None, username: str = "", password: str = ""
) -> Membership:
    """The invitee joins with exactly the invited role: as a new account (username and
    password) or, when logged in, with the account they have."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open or invitation.is_expired(timezone.now()):
        raise ValidationError(_("This invitation is no longer valid."))
    if (
        user is not None
        and Membership.objects.filter(
            user=user, role=invitation.role, municipality=invitation.municipality
        ).exists()
    ):
        raise ValidationError(_("You already have this role in this municipality."))
    if user is None:
        user = get_user_model().objects.create_user(
            username=username, email=invitation.email, password=password
        )
    membership = Membership(
        user=user,
        role=invitation.role,
        municipality=invitation.municipality,
        organisation=invitation.organisation,
    )
    membership._history_user = user  # the invitee, even when not logged in yet
    membership.full_clean()
    membership.save()
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation._history_user = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def membership_end(*, membership: Membership) -> None:
    """A coordinator ends a partner's or council member's role; never a coordinator's."""
    if membership.role not in ENDABLE_ROLES:
        raise ValidationError(_("Only the administrator ends a coordinator's role."))
    membership.delete()
