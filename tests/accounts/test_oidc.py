"""Single sign-on through OpenID Connect: off unless switched on, and then it only tells who
someone is; roles come from memberships in ivp."""

import json

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from ivp.accounts.models import Role
from tests.test_settings import _ivp

OIDC_ENV = {
    "IVP_OIDC_ENABLED": "1",
    "OIDC_RP_CLIENT_ID": "ivp-test",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example.org/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example.org/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example.org/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example.org/jwks",
}
PROBE = """
import json
from django.conf import settings
from django.core.management import call_command
call_command("migrate", "sessions", verbosity=0)  # the sign-on keeps its state in the session
from django.test import Client
from django.urls import reverse
login = Client().get("/inloggen/").content.decode()
sso = Client().get("/inloggen/sso/")
print(json.dumps({
    "backends": settings.AUTHENTICATION_BACKENDS,
    "apps": settings.INSTALLED_APPS,
    "sso_url": reverse("oidc_authentication_init"),
    "callback_url": reverse("oidc_authentication_callback"),
    "sso_status": sso.status_code,
    "sso_location": sso.get("Location", ""),
    "login_offers_sso": "/inloggen/sso/" in login,
}))
"""


def _probe(tmp_path, **env):
    result = _ivp(["shell", "-c", PROBE], IVP_VAR_DIR=str(tmp_path), **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_off_by_default_nothing_of_it_is_configured():
    assert not settings.IVP_OIDC_ENABLED
    assert not any("oidc" in backend.lower() for backend in settings.AUTHENTICATION_BACKENDS)
    assert "mozilla_django_oidc" not in settings.INSTALLED_APPS
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")


@pytest.mark.django_db
def test_off_the_login_page_offers_no_single_sign_on(client):
    assert "/inloggen/sso/" not in client.get("/inloggen/").content.decode()
    assert client.get("/inloggen/sso/").status_code == 404


def test_switched_on_it_adds_the_backend_and_the_addresses(tmp_path):
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    probe = _probe(tmp_path, DATABASE_URL=database, ALLOWED_HOSTS="testserver", **OIDC_ENV)
    assert probe["backends"][-1] == "ivp.accounts.oidc.MembershipOIDCBackend"
    assert probe["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert "mozilla_django_oidc" in probe["apps"]
    assert (probe["sso_url"], probe["callback_url"]) == ("/inloggen/sso/", "/inloggen/sso/terug/")
    assert probe["login_offers_sso"]
    assert probe["sso_status"] == 302
    assert probe["sso_location"].startswith("https://idp.example.org/authorize?")
    assert "client_id=ivp-test" in probe["sso_location"]


def test_switched_on_without_its_settings_ivp_refuses_to_start(tmp_path):
    env = {**OIDC_ENV, "OIDC_RP_CLIENT_SECRET": "", "OIDC_OP_JWKS_ENDPOINT": ""}
    result = _ivp(["check"], IVP_VAR_DIR=str(tmp_path), **env)
    assert result.returncode != 0
    assert "IVP_OIDC_ENABLED=1 vraagt ook om OIDC_RP_CLIENT_SECRET, OIDC_OP_JWKS_ENDPOINT." in (
        result.stderr
    )


@pytest.fixture
def backend():
    names = {k: v for k, v in OIDC_ENV.items() if k.startswith("OIDC_")}
    with override_settings(**names, OIDC_RP_SIGN_ALGO="RS256"):
        from ivp.accounts.oidc import MembershipOIDCBackend

        yield MembershipOIDCBackend()


def _sign_in(backend, claims):
    """The part of get_or_create_user after the identity provider answered."""
    backend.get_userinfo = lambda *args: claims
    return backend.get_or_create_user("access", "id", {})


@pytest.mark.django_db
def test_a_known_address_signs_in_as_that_account_with_its_roles_only(backend):
    user = _sign_in(
        backend,
        {
            "email": "Coordinator.Westerveld@example.org",
            "email_verified": True,
            "groups": ["admin"],
        },
    )
    assert user.username == "coordinator.westerveld"
    assert not user.is_superuser and not user.is_staff
    assert list(user.memberships.values_list("role", flat=True)) == [Role.COORDINATOR]


@pytest.mark.django_db
def test_a_new_address_gets_an_account_without_role_or_password(backend):
    user = _sign_in(
        backend,
        {
            "email": "Nieuw@Gemeente.example.org",
            "preferred_username": "partner.westerveld",  # taken: gets a suffix
            "given_name": "Nieuwe",
            "family_name": "Collega",
            "role": "beheerder",
        },
    )
    assert user.username == "partner.westerveld-2"
    assert user.email == "nieuw@gemeente.example.org"
    assert (user.first_name, user.last_name) == ("Nieuwe", "Collega")
    assert not user.has_usable_password()
    assert not user.is_superuser and not user.is_staff and not user.memberships.exists()


@pytest.mark.django_db
def test_an_unverified_or_missing_address_is_refused(backend):
    with pytest.raises(SuspiciousOperation):
        _sign_in(backend, {"email": "coordinator.westerveld@example.org", "email_verified": False})
    with pytest.raises(SuspiciousOperation):
        _sign_in(backend, {"sub": "123"})


@pytest.mark.django_db
def test_a_deactivated_account_stays_out(backend):
    get_user_model().objects.filter(username="raad.westerveld").update(is_active=False)
    assert _sign_in(backend, {"email": "raad.westerveld@example.org"}) is None
    assert not get_user_model().objects.filter(username__startswith="raad.westerveld-").exists()
