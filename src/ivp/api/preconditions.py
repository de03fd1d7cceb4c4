"""Every write names the version it was based on: `lock_version` in the body, or the ETag a GET
returned in `If-Match`. Neither: 428 Precondition Required; an older version: 412 Precondition
Failed, with the record as it is now, and nothing is overwritten unseen."""

import hashlib
import json
import re

from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError

from ivp.planning.execution.serializers import ActionSerializer

# The ETag of an action is its id and version: `"actie-12-v3"`.
ACTION_TAG = re.compile(r'^"actie-(?P<pk>\d+)-v(?P<version>\d+)"$')
ENTITY_TAG = re.compile(r'\s*(W/)?("[^"]*")\s*(?:,|$)')

MISSING = (
    "Verplicht: de lock_version van de actie zoals u die las, in de body of als haar ETag in "
    "de header If-Match; zo overschrijft u niet ongemerkt een wijziging van een ander."
)
STALE = (
    "Iemand anders heeft deze actie opgeslagen nadat u haar las; er is niets opgeslagen. "
    "Hieronder staat de actie zoals ze nu is (versie %(current)s); stuur uw wijziging opnieuw "
    "met die versie."
)


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "precondition_required"

    def __init__(self):
        super().__init__({"detail": MISSING, "lock_version": [MISSING]})


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"

    def __init__(self, body: dict, *, etag: str):
        self.detail = body  # as it is: numbers stay numbers (APIException would make text)
        self.etag = etag


def action_etag(action) -> str:
    return f'"actie-{action.pk}-v{action.lock_version}"'


def content_etag(data) -> str:
    """A strong ETag of a read-only representation (a plan): the hash of its JSON."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return '"' + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32] + '"'


def expected_action_version(request, action, body_version: int | None) -> int:
    """The version of `action` this write was based on (see the module docstring)."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        if body_version is None:
            raise PreconditionRequired()
        return body_version
    versions = set()
    for weak, tag in ENTITY_TAG.findall(header):
        match = ACTION_TAG.match(tag)
        # A weak tag never matches If-Match (RFC 9110, 13.1.1); nor does another action's.
        if not weak and match and int(match["pk"]) == action.pk:
            versions.add(int(match["version"]))
    if body_version is not None and versions and body_version not in versions:
        raise ValidationError(
            {"lock_version": ["De lock_version en de ETag in If-Match noemen een andere versie."]}
        )
    if not versions:
        raise stale(action)
    # Several tags: the write may go ahead on any of them; the lock checks it again.
    return action.lock_version if action.lock_version in versions else min(versions)


def stale(current) -> PreconditionFailed:
    """412 with the action as it is now, so the client can merge and send again."""
    body = {
        "detail": STALE % {"current": current.lock_version},
        "lock_version": current.lock_version,
        "current": ActionSerializer(current).data,
    }
    return PreconditionFailed(body, etag=action_etag(current))
