"""Self-service: change a password when logged in, or get a reset link by e-mail, both with
the configured password rules and their Dutch messages."""

import re

import pytest
from django.core import mail
from django.test import Client

from ivp.accounts.demo import DEMO_PASSWORD
from tests.conftest import client_logged_in_with_password

pytestmark = pytest.mark.django_db

NEW = "Veilig-Wonen-2027"


def _logs_in(username, password) -> bool:
    return (
        Client().post("/inloggen/", {"username": username, "password": password}).status_code == 302
    )


def test_a_user_changes_their_password_under_the_password_rules():
    client = client_logged_in_with_password("partner.westerveld")
    assert "/wachtwoord/wijzigen/" in client.get("/account/").content.decode()
    form = client.get("/wachtwoord/wijzigen/").content.decode()
    assert "Oud wachtwoord" in form and "Minstens 8 tekens" in form

    wrong_old = client.post(
        "/wachtwoord/wijzigen/",
        {"old_password": "fout", "new_password1": NEW, "new_password2": NEW},
    )
    assert "Uw oude wachtwoord is niet juist ingevoerd" in wrong_old.content.decode()
    for weak, message in [
        ("kort1", "Dit wachtwoord is te kort"),
        ("83749261057", "Dit wachtwoord bevat alleen cijfers"),
        ("password123", "Dit wachtwoord is te algemeen"),
    ]:
        response = client.post(
            "/wachtwoord/wijzigen/",
            {"old_password": DEMO_PASSWORD, "new_password1": weak, "new_password2": weak},
        )
        page = response.content.decode()
        assert response.status_code == 200 and message in page, weak
        assert 'aria-invalid="true"' in page

    done = client.post(
        "/wachtwoord/wijzigen/",
        {"old_password": DEMO_PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert done.status_code == 302 and done["Location"] == "/wachtwoord/gewijzigd/"
    assert client.get("/account/").status_code == 200  # this session stays logged in
    assert _logs_in("partner.westerveld", NEW)
    assert not _logs_in("partner.westerveld", DEMO_PASSWORD)


def test_password_change_needs_a_login():
    response = Client().get("/wachtwoord/wijzigen/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")


def test_a_forgotten_password_is_reset_through_a_dutch_mail():
    client = Client()
    assert "/wachtwoord/vergeten/" in client.get("/inloggen/").content.decode()
    response = client.post("/wachtwoord/vergeten/", {"email": "raad.westerveld@example.org"})
    assert response.status_code == 302 and response["Location"] == "/wachtwoord/vergeten/verstuurd/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["raad.westerveld@example.org"]
    assert message.subject == "ivp: kies een nieuw wachtwoord"
    assert message.body.startswith("Beste raad.westerveld,")
    assert "De link werkt één keer en 24 uur lang." in message.body
    link = re.search(r"https?://\S+(/wachtwoord/nieuw/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    assert "Kies een nieuw wachtwoord" in form.content.decode()
    target = form.redirect_chain[-1][0]
    weak = client.post(
        target, {"new_password1": "raad.westerveld", "new_password2": "raad.westerveld"}
    )
    assert "Het wachtwoord lijkt te veel op de gebruikersnaam" in weak.content.decode()
    saved = client.post(target, {"new_password1": NEW, "new_password2": NEW})
    assert saved.status_code == 302 and saved["Location"] == "/wachtwoord/nieuw/klaar/"
    assert _logs_in("raad.westerveld", NEW)
    # The link works once.
    assert "Deze link is ongeldig" in client.get(link, follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail():
    response = Client().post("/wachtwoord/vergeten/", {"email": "niemand@example.org"})
    assert response.status_code == 302 and response["Location"] == "/wachtwoord/vergeten/verstuurd/"
    assert mail.outbox == []


def test_a_reset_lifts_a_lockout():
    attacker = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(5):
        attacker.post("/inloggen/", {"username": "raad.westerveld", "password": "fout"})
    Client().post("/wachtwoord/vergeten/", {"email": "raad.westerveld@example.org"})
    link = re.search(r"(/wachtwoord/nieuw/\S+/)", mail.outbox[0].body).group(1)
    form = attacker.get(link, follow=True)
    attacker.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    login = attacker.post("/inloggen/", {"username": "raad.westerveld", "password": NEW})
    assert login.status_code == 302
