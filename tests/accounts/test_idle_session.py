"""A session nobody used for IVP_SESSION_IDLE_MINUTES is logged out."""

import time

import pytest
from django.conf import settings

from ivp.accounts.middleware import IDLE_KEY
from tests.conftest import client_logged_in_with_password

pytestmark = pytest.mark.django_db

WORKSPACE = "/gemeenten/GM1701/werkruimte/"


def _idle_for(client, seconds: int) -> None:
    session = client.session
    session[IDLE_KEY] = int(time.time()) - seconds
    session.save()


def test_an_idle_session_is_sent_to_the_login_page_with_a_dutch_note():
    client = client_logged_in_with_password("coordinator.westerveld")
    assert client.get(WORKSPACE).status_code == 200
    _idle_for(client, settings.IVP_SESSION_IDLE_MINUTES * 60 + 5)
    response = client.get(WORKSPACE)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/?next=")
    login_page = client.get(response["Location"]).content.decode()
    assert "U bent uitgelogd na 30 minuten zonder activiteit." in login_page
    # Logged out for good: the public pages see a visitor too.
    assert "Inloggen" in client.get("/gemeenten/").content.decode()


def test_activity_within_the_limit_keeps_the_session_and_moves_the_stamp():
    client = client_logged_in_with_password("coordinator.westerveld")
    _idle_for(client, settings.IVP_SESSION_IDLE_MINUTES * 60 - 60)
    assert client.get(WORKSPACE).status_code == 200
    assert time.time() - client.session[IDLE_KEY] < 5
    assert client.get(WORKSPACE).status_code == 200


def test_the_session_cookie_lasts_as_long_as_the_idle_limit():
    client = client_logged_in_with_password("coordinator.westerveld")
    client.get(WORKSPACE)
    assert settings.SESSION_COOKIE_AGE == settings.IVP_SESSION_IDLE_MINUTES * 60
    assert client.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE
