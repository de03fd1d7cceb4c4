"""Computed pictures kept in the cache under a key that changes with their inputs.

A veiligheidsbeeld, a province's figures, the map or a dashboard costs tens to hundreds of
milliseconds to compute and is read far more often than its inputs change. Each kind of input
has a revision (`FIGURES`, `PLANS`): a token in the database that every write of that input
replaces, in the writing transaction. A picture's cache key holds the tokens it was computed
from, so the first request after a committed write computes it anew (and keeps it); older
entries age out of the cache. Because the token is data, a rolled-back write leaves the old
pictures valid, and every web process sees the same token, whichever cache backend is used.

While a transaction has changed an input, pictures of that input are neither read from nor
kept in the cache: the transaction sees data no other one does yet.

Apps name the models whose saves and deletes change a revision (`bump_on_change`); writes
that send no signal (bulk inserts, queryset updates, COPY) call `bump` themselves.
"""

import functools
import hashlib
import logging
import uuid
from datetime import datetime
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

FIGURES = "figures"  # observations, indicators, sources, population, areas, regions, themes
PLANS = "plans"  # plans, priorities, uitvoeringsplannen, actions, progress

# Long enough to serve a day of readers, short enough that a forgotten picture goes.
PICTURE_SECONDS = 24 * 3600

log = logging.getLogger(__name__)


class _Marker:
    """Sits in the transaction's on-commit list: this transaction has replaced `name`.
    Django drops it with the transaction (or the savepoint) when that is rolled back."""

    def __init__(self, name: str):
        self.revision = name

    def __call__(self):
        pass


def _changed_here(name: str) -> bool:
    connection = transaction.get_connection()
    return any(getattr(entry[1], "revision", None) == name for entry in connection.run_on_commit)


def bump(*names: str) -> None:
    """Marks the inputs `names` as changed by the current transaction (once per transaction)."""
    from .models import Revision

    for name in names:
        if _changed_here(name):
            continue
        Revision.objects.update_or_create(name=name, defaults={"token": uuid.uuid4().hex})
        # Outside a transaction the marker runs (and goes) at once: each write bumps itself.
        transaction.on_commit(_Marker(name))


def bump_on_change(models, name: str, *, deletes: bool = True) -> None:
    """Every save (and delete) of one of `models`, and every change of their many-to-many links,
    changes `name`. A model that listens to deletes loses Django's fast delete: a table deleted
    from in bulk says `deletes=False`, and the code that deletes from it bumps."""

    def changed(sender, **kwargs):
        bump(name)

    for model in models:
        uid = f"revision-{name}-{model._meta.label}"
        post_save.connect(changed, sender=model, dispatch_uid=uid, weak=False)
        if deletes:
            post_delete.connect(changed, sender=model, dispatch_uid=uid, weak=False)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                changed,
                sender=field.remote_field.through,
                dispatch_uid=uid + field.name,
                weak=False,
            )


@functools.cache
def _code_files() -> tuple[Path, ...]:
    """ivp's code, templates and translations: what a picture or a kept page was made by."""
    root = Path(__file__).parent.parent
    return tuple(sorted(p for pattern in ("*.py", "*.html", "*.mo") for p in root.rglob(pattern)))


@functools.cache
def code_stamp() -> str:
    """A hash of ivp's code, templates and translations: a new release (or a changed checkout)
    never reads pictures or kept HTML of the old one, whose shape or words may differ."""
    digest = hashlib.sha256()
    for path in _code_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def stamp(names: tuple[str, ...]) -> tuple[tuple[str, ...], datetime | None] | None:
    """The tokens of the inputs `names` and when the latest of them changed (None: never
    written); None while the current transaction has changed one of them. One query."""
    from .models import Revision

    if any(_changed_here(name) for name in names):
        return None
    stored = {
        name: (token, changed)
        for name, token, changed in Revision.objects.filter(name__in=names).values_list(
            "name", "token", "changed_at"
        )
    }
    tokens = tuple(stored.get(name, ("", None))[0] for name in names)
    changed = [when for _, when in stored.values()]
    return tokens, max(changed, default=None)


@functools.cache
def code_changed_at() -> datetime:
    """When ivp's code, templates or translations were last changed (installed): what a page
    kept for visitors was made by is never older than this."""
    from django.utils import timezone

    newest = max(path.stat().st_mtime for path in _code_files())
    return datetime.fromtimestamp(newest, tz=timezone.get_current_timezone())


def _tokens(names: tuple[str, ...]) -> tuple[str, ...] | None:
    stamped = stamp(names)
    return None if stamped is None else stamped[0]


def _picture_key(kind: str, tokens: tuple[str, ...], parts: tuple) -> str:
    return (
        "picture:"
        + hashlib.sha256(
            repr((code_stamp(), get_language(), kind, tokens, parts)).encode()
        ).hexdigest()
    )


def cached(kind: str, names: tuple[str, ...], parts: tuple, compute):
    """`compute()`, or what it returned before for the same `parts`, language and revisions of
    the inputs `names`. The tokens are read before anything is computed, so what is kept under
    them is never older than they are."""
    return cached_many(kind, names, [parts], lambda _missing: [compute()])[0]


def cached_many(kind: str, names: tuple[str, ...], parts_list: list[tuple], compute_missing):
    """`cached` for several pictures of one kind at once: those not kept are computed in one
    call, `compute_missing(indexes)` returning their values in the order of `indexes`."""
    tokens = _tokens(names)
    if tokens is None:
        return compute_missing(list(range(len(parts_list))))
    keys = [_picture_key(kind, tokens, parts) for parts in parts_list]
    try:
        kept = cache.get_many(keys)
    except Exception:  # a picture of an older ivp that no longer unpickles: compute it anew
        log.warning("Picture %s could not be read from the cache", kind, exc_info=True)
        kept = {}
    missing = [index for index, key in enumerate(keys) if kept.get(key) is None]
    if missing:
        computed = {
            keys[i]: value for i, value in zip(missing, compute_missing(missing), strict=True)
        }
        cache.set_many(computed, PICTURE_SECONDS)
        kept = {**kept, **computed}
    return [kept[key] for key in keys]
