"""Personal API keys: made and revoked by their user on a page under My account, shown once,
stored only as a hash, in the audit trail, and acting with exactly their user's rights."""

import re

import pytest
from django.contrib.auth import get_user_model

from ivp.accounts.api_keys import api_key_create, api_key_revoke
from ivp.accounts.models import ApiKey
from ivp.planning.models import Action
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

PAGE = "/account/api-sleutels/"
KEY = re.compile(r'value="(ivp_[A-Za-z0-9_-]+)"')


def _user(name):
    return get_user_model().objects.get(username=name)


def _bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _police_action() -> Action:
    return Action.objects.get(
        theme__action_plan__municipality__code="GM1708",
        theme__action_plan__start_year=2026,
        item="Toezicht en handhaving",
    )


def test_a_key_is_made_on_the_page_shown_once_and_stored_only_as_a_hash():
    client = client_for("partner.steenwijkerland")
    page = client.get(PAGE).content.decode()
    assert '<label class="utrecht-form-label" for="id_name">' in page
    made = client.post(PAGE, {"name": "voortgang politie"})
    assert made.status_code == 200
    key = KEY.search(made.content.decode()).group(1)
    assert "alleen deze ene keer" in made.content.decode()
    stored = ApiKey.objects.get(user__username="partner.steenwijkerland")
    assert key not in {stored.prefix, stored.key_hash, stored.name}
    assert key.startswith(stored.prefix)
    again = client.get(PAGE).content.decode()
    assert key not in again and "voortgang politie" in again and stored.prefix in again


def test_the_page_lists_only_ones_own_keys_and_another_users_key_cannot_be_revoked():
    api_key_create(user=_user("coordinator.westerveld"), name="geheim-script-westerveld")
    partner = client_for("partner.steenwijkerland")
    assert "geheim-script-westerveld" not in partner.get(PAGE).content.decode()
    theirs = ApiKey.objects.get(name="geheim-script-westerveld")
    refused = partner.post(f"{PAGE}{theirs.pk}/intrekken/")
    assert refused.status_code == 404
    assert ApiKey.objects.get(pk=theirs.pk).is_active


def test_a_key_acts_with_exactly_its_users_rights():
    _api_key, key = api_key_create(user=_user("partner.steenwijkerland"), name="script")
    action = _police_action()
    client = client_for(None)  # no session: only the key
    assert client.get(f"/api/v1/acties/{action.pk}/", **_bearer(key)).status_code == 200
    reported = client.post(
        f"/api/v1/acties/{action.pk}/voortgang/",
        {"status": "lopend", "lock_version": action.lock_version},
        content_type="application/json",
        **_bearer(key),
    )
    assert reported.status_code == 201 and reported.json()["organisation"] == "Politie"
    # A partner may not change the action itself, with a key no more than on the page.
    patch = client.patch(
        f"/api/v1/acties/{action.pk}/",
        {"owner": "Politie", "lock_version": action.lock_version + 1},
        content_type="application/json",
        **_bearer(key),
    )
    assert patch.status_code == 403
    # Nor read another municipality's draft.
    draft = client.get("/api/v1/gemeenten/GM1701/uitvoeringsplannen/2026/", **_bearer(key))
    assert draft.status_code == 403
    # A key is for scripts: it does not open the pages.
    assert client.get("/account/", **_bearer(key)).status_code == 302


def test_a_revoked_key_an_unknown_key_and_the_key_of_an_inactive_user_are_refused():
    api_key, key = api_key_create(user=_user("coordinator.steenwijkerland"), name="script")
    client = client_for(None)
    url = "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/"
    assert client.get(url, **_bearer(key)).status_code == 200
    revoke = client_for("coordinator.steenwijkerland").post(f"{PAGE}{api_key.pk}/intrekken/")
    assert revoke.status_code == 302
    refused = client.get(url, **_bearer(key))
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert "ingetrokken" in refused.json()["detail"]
    assert client.get(url, **_bearer(key[:-2] + "xx")).status_code == 401
    _other, second = api_key_create(user=_user("coordinator.steenwijkerland"), name="tweede")
    get_user_model().objects.filter(username="coordinator.steenwijkerland").update(is_active=False)
    assert client.get(url, **_bearer(second)).status_code == 401


def test_making_and_revoking_a_key_is_in_the_audit_trail_with_who_did_it():
    api_key, _key = api_key_create(user=_user("partner.steenwijkerland"), name="voortgang")
    api_key_revoke(api_key=api_key, by=_user("partner.steenwijkerland"))
    history = ApiKey.history.filter(id=api_key.pk).order_by("history_date")
    assert [h.history_type for h in history] == ["+", "~"]
    assert {h.history_user.username for h in history} == {"partner.steenwijkerland"}
    assert not any(hasattr(h, "key_hash") for h in history)
    trail = client_for("coordinator.steenwijkerland").get("/gemeenten/GM1708/audit/")
    assert "voortgang" in trail.content.decode()


ALL_KEYS = "/beheer/api-sleutels/"


def test_the_administrator_sees_every_users_keys_and_revokes_one_which_then_stops_working():
    api_key, key = api_key_create(user=_user("partner.steenwijkerland"), name="gelekt script")
    url = "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/"
    assert client_for(None).get(url, **_bearer(key)).status_code == 200
    beheerder = client_for("beheerder")
    page = beheerder.get(ALL_KEYS).content.decode()
    assert "partner.steenwijkerland" in page and "gelekt script" in page
    assert f"{api_key.prefix}…" in page and api_key.key_hash not in page and key not in page
    assert "coordinator.westerveld" in page  # the keys of the test database's coordinators too

    done = beheerder.post(f"{ALL_KEYS}{api_key.pk}/intrekken/", follow=True).content.decode()
    assert "De sleutel „gelekt script” van partner.steenwijkerland is ingetrokken" in done
    assert client_for(None).get(url, **_bearer(key)).status_code == 401
    last = ApiKey.history.filter(id=api_key.pk).latest("history_date")
    assert last.history_user.username == "beheerder" and last.revoked_at is not None


def test_only_the_administrator_may_list_or_revoke_other_users_keys():
    api_key, _key = api_key_create(user=_user("partner.steenwijkerland"), name="script")
    coordinator = client_for("coordinator.steenwijkerland")
    assert coordinator.get(ALL_KEYS).status_code == 403
    assert coordinator.post(f"{ALL_KEYS}{api_key.pk}/intrekken/").status_code == 403
    assert ApiKey.objects.get(pk=api_key.pk).revoked_at is None
    own = client_for("beheerder").get(PAGE).content.decode()
    assert ALL_KEYS in own  # the administrator's own keys page links to all keys
    assert ALL_KEYS not in coordinator.get(PAGE).content.decode()
