"""A coordinator invites partners and council members of their own municipality by e-mail."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone

from ivp.accounts.models import Invitation, Membership, Role
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

MEMBERS = "/gemeenten/GM1701/gebruikers/"
NEW_PASSWORD = "Veilig-Wonen-2027"


def _invite(client, **overrides):
    data = {"email": "J.Jansen@Brandweer.example.org", "role": Role.KETENPARTNER}
    data["organisation"] = "Brandweer Drenthe"
    return client.post(MEMBERS, {**data, **overrides})


def _link(message) -> str:
    return re.search(r"https?://\S+(/uitnodiging/\S+/)", message.body).group(1)


def test_the_page_lists_members_and_open_invitations():
    page = client_for("coordinator.westerveld").get(MEMBERS).content.decode()
    assert "Gebruikers van Westerveld" in page
    for name in ("coordinator.westerveld", "partner.westerveld", "raad.westerveld"):
        assert name in page
    assert "partner.steenwijkerland" not in page
    assert "nieuw.gm1701@example.org" in page and "nieuw.gm1708@example.org" not in page
    # A coordinator's own role is not theirs to end.
    assert page.count("Rol beëindigen") == 2
    workspace = client_for("coordinator.westerveld").get("/gemeenten/GM1701/werkruimte/")
    assert MEMBERS in workspace.content.decode()


def test_an_invited_partner_gets_exactly_the_invited_membership():
    coordinator = client_for("coordinator.westerveld")
    response = _invite(coordinator)
    assert response.status_code == 302
    assert "j.jansen@brandweer.example.org" in coordinator.get(MEMBERS).content.decode()

    message = mail.outbox[-1]
    assert message.to == ["j.jansen@brandweer.example.org"]
    assert message.subject == "Uitnodiging voor ivp van Westerveld"
    assert "coordinator.westerveld nodigt u uit" in message.body
    assert (
        "ketenpartner" in message.body and "U rapporteert voor Brandweer Drenthe." in message.body
    )
    assert "De link werkt 14 dagen." in message.body

    invitee = Client()
    link = _link(message)
    form = invitee.get(link).content.decode()
    assert "Uitnodiging accepteren" in form and "Westerveld" in form
    weak = invitee.post(link, {"username": "j.jansen", "password1": "1234", "password2": "1234"})
    assert "Dit wachtwoord is te kort" in weak.content.decode()
    assert not get_user_model().objects.filter(username="j.jansen").exists()

    accepted = invitee.post(
        link, {"username": "j.jansen", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert accepted.status_code == 302 and accepted["Location"] == "/gemeenten/GM1701/werkruimte/"
    user = get_user_model().objects.get(username="j.jansen")
    assert user.email == "j.jansen@brandweer.example.org"
    assert not user.is_staff and not user.is_superuser
    assert [(m.role, m.municipality.code, m.organisation) for m in user.memberships.all()] == [
        (Role.KETENPARTNER, "GM1701", "Brandweer Drenthe")
    ]
    assert invitee.get("/gemeenten/GM1701/werkruimte/").status_code == 200
    assert invitee.get("/gemeenten/GM1708/werkruimte/").status_code == 403

    # The link works once.
    again = Client().get(link)
    assert again.status_code == 404 and "Uitnodiging niet geldig" in again.content.decode()
    # The audit trail names who invited and who joined.
    audit = coordinator.get("/gemeenten/GM1701/audit/").content.decode()
    assert "j.jansen@brandweer.example.org" in audit and "j.jansen" in audit


def test_a_council_member_is_invited_without_organisation():
    coordinator = client_for("coordinator.westerveld")
    assert _invite(coordinator, email="raadslid@example.org", role=Role.VIEWER).status_code == 302
    invitation = Invitation.objects.get(email="raadslid@example.org")
    assert invitation.role == Role.VIEWER and invitation.organisation == ""


def test_the_form_refuses_other_roles_and_a_partner_without_organisation():
    coordinator = client_for("coordinator.westerveld")
    before = Invitation.objects.count()
    page = _invite(coordinator, organisation="").content.decode()
    assert "Noem de organisatie waarvoor de ketenpartner rapporteert." in page
    for role in (Role.COORDINATOR, Role.BEHEERDER, Role.REGIOCOORDINATOR):
        assert _invite(coordinator, role=role).status_code == 200
    assert _invite(coordinator, email="geen-adres").status_code == 200
    assert Invitation.objects.count() == before
    assert mail.outbox == []


def test_a_second_open_invitation_to_the_same_address_is_refused():
    coordinator = client_for("coordinator.westerveld")
    page = _invite(coordinator, email="nieuw.gm1701@example.org").content.decode()
    assert "Dit adres heeft al een openstaande uitnodiging voor deze gemeente." in page


def test_a_withdrawn_or_expired_invitation_cannot_be_accepted():
    coordinator = client_for("coordinator.westerveld")
    _invite(coordinator)
    link = _link(mail.outbox[-1])
    invitation = Invitation.objects.get(email="j.jansen@brandweer.example.org")
    withdrawn = coordinator.post(f"{MEMBERS}uitnodiging/{invitation.pk}/intrekken/", follow=True)
    assert (
        "Uitnodiging aan j.jansen@brandweer.example.org ingetrokken." in withdrawn.content.decode()
    )
    assert "j.jansen@brandweer.example.org" not in coordinator.get(MEMBERS).content.decode()
    assert Client().get(link).status_code == 404

    _invite(coordinator, email="later@example.org")
    late = Invitation.objects.get(email="later@example.org")
    late.expires_at = timezone.now() - timedelta(minutes=1)
    late.save()
    assert "verlopen" in coordinator.get(MEMBERS).content.decode()
    response = Client().post(
        _link(mail.outbox[-1]),
        {"username": "laat", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 404
    assert not get_user_model().objects.filter(username="laat").exists()


def test_a_forged_or_altered_token_is_refused():
    coordinator = client_for("coordinator.westerveld")
    _invite(coordinator)
    link = _link(mail.outbox[-1])
    assert Client().get(link[:-3] + "xx/").status_code == 404
    assert Client().get("/uitnodiging/1/").status_code == 404


def test_a_logged_in_user_accepts_with_their_own_account():
    _invite(client_for("coordinator.westerveld"), email="partner.steenwijkerland@example.org")
    partner = client_for("partner.steenwijkerland")
    page = partner.get(_link(mail.outbox[-1])).content.decode()
    assert "U bent ingelogd als partner.steenwijkerland" in page
    assert partner.post(_link(mail.outbox[-1])).status_code == 302
    assert Membership.objects.filter(
        user__username="partner.steenwijkerland", municipality__code="GM1701"
    ).exists()


def test_the_coordinator_ends_a_partner_role_but_not_a_coordinator_role():
    coordinator = client_for("coordinator.westerveld")
    partner = Membership.objects.get(user__username="partner.westerveld")
    own = Membership.objects.get(user__username="coordinator.westerveld")
    assert coordinator.post(f"{MEMBERS}{partner.pk}/beeindigen/").status_code == 302
    assert not Membership.objects.filter(pk=partner.pk).exists()
    assert client_for("partner.westerveld").get("/gemeenten/GM1701/werkruimte/").status_code == 403

    refused = coordinator.post(f"{MEMBERS}{own.pk}/beeindigen/", follow=True)
    assert "Alleen de beheerder beëindigt de rol van een coördinator." in refused.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()
    audit = coordinator.get("/gemeenten/GM1701/audit/").content.decode()
    assert "verwijderd" in audit and "partner.westerveld" in audit


def test_objects_of_another_municipality_are_not_found_under_this_one():
    coordinator = client_for("coordinator.westerveld")
    other_partner = Membership.objects.get(user__username="partner.steenwijkerland")
    other_invitation = Invitation.objects.get(municipality__code="GM1708")
    assert coordinator.post(f"{MEMBERS}{other_partner.pk}/beeindigen/").status_code == 404
    assert (
        coordinator.post(f"{MEMBERS}uitnodiging/{other_invitation.pk}/intrekken/").status_code
        == 404
    )
    assert Membership.objects.filter(pk=other_partner.pk).exists()
    assert Invitation.objects.open().filter(pk=other_invitation.pk).exists()


@pytest.mark.parametrize(
    "username", ["coordinator.steenwijkerland", "partner.westerveld", "raad.westerveld"]
)
def test_others_may_not_invite(username):
    client = client_for(username)
    assert client.get(MEMBERS).status_code == 403
    assert _invite(client).status_code == 403
    assert mail.outbox == []


def test_a_mail_server_that_fails_leaves_no_invitation(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on discard
    before = Invitation.objects.count()
    response = _invite(client_for("coordinator.westerveld"))
    assert response.status_code == 200
    assert "De e-mail kon niet worden verstuurd" in response.content.decode()
    assert Invitation.objects.count() == before


def test_accepting_a_role_one_already_has_says_so():
    _invite(client_for("coordinator.westerveld"), email="partner.westerveld@example.org")
    partner = client_for("partner.westerveld")
    refused = partner.post(_link(mail.outbox[-1]), follow=True)
    assert "U heeft deze rol in deze gemeente al." in refused.content.decode()
    assert Membership.objects.filter(user__username="partner.westerveld").count() == 1
