"""Personal API keys: made and revoked by their user, and checked on every API request.

A key is 256 random bits; only its SHA-256 is stored (a slow password hash adds nothing for a
random secret of that length and would slow every request). Making and revoking are kept in
the key's history (the audit trail) and logged.
"""

import hashlib
import logging
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiKey

logger = logging.getLogger(__name__)

PREFIX = "ivp_"
SHOWN = 12  # the first characters, kept so a user can tell their keys apart
MAX_ACTIVE = 10


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@transaction.atomic
def api_key_create(*, user, name: str) -> tuple[ApiKey, str]:
    """A new key for `user`; the key itself is returned once and never stored."""
    if ApiKey.objects.active().filter(user=user).count() >= MAX_ACTIVE:
        raise ValidationError(
            _("You have %(count)s active keys; revoke one you no longer use first.")
            % {"count": MAX_ACTIVE}
        )
    key = PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey(user=user, name=name.strip(), prefix=key[:SHOWN], key_hash=_hash(key))
    api_key._history_user = user
    api_key.full_clean()
    api_key.save()
    logger.info("API key %s… made for %s", api_key.prefix, user.get_username())
    return api_key, key


@transaction.atomic
def api_key_revoke(*, api_key: ApiKey, by) -> ApiKey:
    if api_key.revoked_at is not None:
        raise ValidationError(_("This key was already revoked."))
    api_key.revoked_at = timezone.now()
    api_key._history_user = by
    api_key.save(update_fields=["revoked_at"])
    logger.info("API key %s… of %s revoked", api_key.prefix, api_key.user.get_username())
    return api_key


def api_key_user(key: str):
    """The active user an unrevoked key belongs to, or None. Notes the day it was used."""
    if not key.startswith(PREFIX):
        return None
    api_key = (
        ApiKey.objects.active()
        .select_related("user")
        .filter(key_hash=_hash(key), user__is_active=True)
        .first()
    )
    if api_key is None:
        return None
    today = timezone.localdate()
    if api_key.last_used_on != today:  # one write a day at most, not one per request
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_on=today)
    return api_key.user
