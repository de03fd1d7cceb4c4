"""Opening a page never writes: every GET address of the authorisation matrix, as every role,
for the own and the other municipality, leaves every table of ours and the audit trail as it
was. Each page's SQL is watched for a write to one of our tables (which names the page), and
the tables' counts, highest keys and modification stamps are compared around all of them
(which also catches a write the SQL check would not recognise).

Left out, on purpose: Django's sessions (a page may remember the active municipality in the
visitor's session, which is not a record of ours), django-axes' access log (it records logins,
not pages) and django_tasks' results (background work a page may look at, never start). The
ivp apps' tables include their simple_history tables, which are the audit trail.
"""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, DateTimeField, Max
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.test_authorization_matrix import (
    ANONYMOUS,
    EXPECTED,
    OTHER,
    OWN,
    ROLES,
    URLS,
    USERNAMES,
    _kwargs,
    _scopes,
)

pytestmark = pytest.mark.slow

OURS = {"auth"} | {
    config.label for config in apps.get_app_configs() if config.name.startswith("ivp.")
}
GETS = sorted(name for name, rule in EXPECTED.items() if rule.method == "get")
# The stamps that change when a row is saved again without a new row.
STAMPS = ("updated_at", "modified", "last_login")


def _fingerprint(model) -> dict:
    """Count and highest key of a table, and its newest modification stamp where it has one."""
    aggregates = {"rows": Count("pk"), "last": Max("pk")}
    for field in model._meta.concrete_fields:
        if isinstance(field, DateTimeField) and field.name in STAMPS:
            aggregates[field.name] = Max(field.name)
    return model._base_manager.aggregate(**aggregates)


MODELS = [
    model
    for model in apps.get_models()
    if model._meta.app_label in OURS and model._meta.managed and not model._meta.proxy
]
TABLES = {model._meta.db_table for model in MODELS} | {
    field.remote_field.through._meta.db_table
    for model in MODELS
    for field in model._meta.local_many_to_many
}
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


def _state() -> dict:
    return {model._meta.label: _fingerprint(model) for model in MODELS}


def _writes(queries) -> list[str]:
    tables = (WRITE.match(query["sql"]) for query in queries)
    return sorted({match[1] for match in tables if match and match[1] in TABLES})


def _changed(before: dict, after: dict) -> list[str]:
    return [
        f"{label}: {before[label]} → {after[label]}"
        for label in before
        if before[label] != after[label]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("scope", ["own", "other"])
@pytest.mark.parametrize("role", ROLES)
def test_no_get_of_the_matrix_writes_a_row(role, scope):
    client = Client()
    if role != ANONYMOUS:
        client.force_login(get_user_model().objects.get(username=USERNAMES[role]))
    sample = OWN if scope == "own" else OTHER
    # the samples first: one of them is made when first asked (a progress update of OWN's)
    addresses = [
        (name, reverse(name, kwargs=_kwargs(URLS[name], sample)))
        for name in GETS
        if scope in _scopes(name)
    ]
    writes = []
    before = _state()
    for name, url in addresses:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        if tables := _writes(queries.captured_queries):
            writes.append(f"GET {url} ({name}) as {role} writes {', '.join(tables)}")
    assert writes == [], "\n".join(writes)
    assert _changed(before, _state()) == []
