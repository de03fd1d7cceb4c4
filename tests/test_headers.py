"""Every answer carries the Content-Security-Policy, and the policy allows nothing inline."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.test_authorization_matrix import OWN, URLS, _kwargs

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


# A style attribute or element, a script without src, an event handler, htmx's hx-on.
INLINE = re.compile(r"\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=|\shx-on", re.I)


def _directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("username", [None, "beheerder"])
def test_every_url_answers_with_the_strict_policy(username):
    client = _client(username)
    missing, loose = [], []
    for name, pattern in sorted(URLS.items()):
        url = reverse(name, kwargs=_kwargs(pattern, OWN))
        response = client.get(url)
        header = response.get("Content-Security-Policy")
        if header is None:
            missing.append(f"{url} ({response.status_code})")
        elif _directives(header) != POLICY or "unsafe" in header:
            loose.append(f"{url}: {header}")
    assert not missing, "no Content-Security-Policy on: " + ", ".join(missing)
    assert not loose, "\n".join(loose)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/gemeenten/GM9999/", 404),  # the Dutch error page
        ("/api/v1/gemeenten/GM9999/", 404),
        ("/gemeenten/GM1701/werkruimte/", 302),  # to the login page
        ("/api/v1/acties/1/", 403),
        ("/beheer/django/login/", 200),
    ],
)
def test_errors_redirects_and_the_admin_carry_the_policy_too(url, status):
    response = _client(None).get(url)
    assert response.status_code == status
    assert _directives(response["Content-Security-Policy"]) == POLICY


@pytest.mark.django_db
def test_pages_hold_no_inline_style_or_script():
    """What the policy would refuse, checked in the HTML of the pages most people read."""
    client = _client("coordinator.steenwijkerland")
    for url in (
        "/gemeenten/GM1708/",
        "/gemeenten/GM1708/veiligheidsbeeld/",
        "/cijfers/kaart/?gemeente=GM1708",
        "/gemeenten/GM1708/uitvoeringsplan/2026/dashboard/",
        "/gemeenten/GM1708/documenten/uitvoeringsplan/2026/",
    ):
        page = client.get(url).content.decode()
        assert not INLINE.findall(page), (url, INLINE.findall(page)[:3])
