"""Failed logins are counted per username and address, logged, and lock that pair out."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.utils import timezone

from ivp.accounts.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/inloggen/"


def _try(client, password, username="partner.westerveld", url=LOGIN):
    return client.post(url, {"username": username, "password": password})


def test_five_failures_lock_the_account_from_that_address_with_a_dutch_page(caplog):
    client = Client(REMOTE_ADDR="192.0.2.10")
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(4):
            response = _try(client, "fout")
            assert response.status_code == 200
            assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()
        locked = _try(client, "fout")
    failures = [r.getMessage() for r in caplog.records if "login failure by" in r.getMessage()]
    assert len(failures) == 5
    assert "partner.westerveld" in failures[0] and "192.0.2.10" in failures[0]
    assert "fout" not in caplog.text
    assert AccessFailureLog.objects.filter(username="partner.westerveld").count() == 5
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Te vaak mislukt inloggen" in page and "5 keer" in page and "15 minuten" in page

    # Even the right password is refused while the lock lasts.
    refused = _try(client, DEMO_PASSWORD)
    assert refused.status_code == 429
    assert client.get("/account/").status_code == 302


def test_the_lock_holds_one_address_and_ends_after_the_cooling_off_period():
    attacker = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(5):
        _try(attacker, "fout")
    colleague = Client(REMOTE_ADDR="198.51.100.7")
    assert _try(colleague, DEMO_PASSWORD).status_code == 302

    assert _try(attacker, DEMO_PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _try(attacker, DEMO_PASSWORD).status_code == 302
    assert attacker.get("/account/").status_code == 200


def test_a_success_before_the_limit_starts_the_count_again():
    client = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(4):
        _try(client, "fout")
    assert _try(client, DEMO_PASSWORD).status_code == 302
    client.post("/uitloggen/")
    for _ in range(4):
        assert _try(client, "fout").status_code == 200


def test_the_django_admin_login_is_guarded_as_well():
    client = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(5):
        response = _try(client, "fout", username="beheerder", url="/beheer/django/login/")
    assert response.status_code == 429
    assert "Te vaak mislukt inloggen" in response.content.decode()
    assert _try(client, DEMO_PASSWORD, username="beheerder").status_code == 429


def test_test_clients_that_log_in_directly_still_work(user_named):
    from tests.conftest import client_logged_in_with_password

    assert (
        client_logged_in_with_password("coordinator.westerveld").get("/account/").status_code == 200
    )
    client = Client()
    client.force_login(user_named("raad.westerveld"))
    assert client.get("/account/").status_code == 200


def test_limit_cooling_off_and_idle_time_come_from_the_environment(tmp_path):
    from tests.test_settings import _ivp

    probe = (
        "from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds(), s.SESSION_COOKIE_AGE)"
    )
    result = _ivp(
        ["shell", "-c", probe],
        IVP_VAR_DIR=str(tmp_path),
        IVP_LOGIN_FAILURE_LIMIT="3",
        IVP_LOGIN_COOLOFF_MINUTES="60",
        IVP_SESSION_IDLE_MINUTES="10",
    )
    assert result.stdout.split()[-3:] == ["3", "3600.0", "600"], result.stderr


def test_a_lower_limit_locks_out_sooner(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = timedelta(hours=1)
    client = Client(REMOTE_ADDR="192.0.2.10")
    assert [_try(client, "fout").status_code for _ in range(3)] == [200, 200, 429]
    page = _try(client, DEMO_PASSWORD).content.decode()
    assert "3 keer" in page and "60 minuten" in page
