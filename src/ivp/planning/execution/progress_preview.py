"""A checked progress file waits here between its preview and the user's confirmation.

The file itself is kept (not the rows read from it): on confirmation it is read again against
the actions as they are then, and the versions seen in the preview guard against changes made
in between. Kept in the cache for a limited time, keyed by an unguessable token."""

import secrets

from django.core.cache import cache

LIFETIME = 30 * 60
PREFIX = "ivp:progress-preview:"


def preview_store(*, user, action_plan, file_name: str, raw: bytes, versions: dict) -> str:
    token = secrets.token_urlsafe(24)
    cache.set(
        PREFIX + token,
        {
            "user": user.pk,
            "plan": action_plan.pk,
            "file_name": file_name,
            "raw": raw,
            "versions": versions,
        },
        LIFETIME,
    )
    return token


def preview_load(token: str, *, user, action_plan) -> dict | None:
    """The stored preview, only for the user and plan it was made for."""
    stored = cache.get(PREFIX + token) if token else None
    if not stored or stored["user"] != user.pk or stored["plan"] != action_plan.pk:
        return None
    return stored


def preview_drop(token: str) -> None:
    cache.delete(PREFIX + token)
