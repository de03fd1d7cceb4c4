"""No draft text, progress note or user name where the role may not see it.

The authorisation matrix proves who reaches which address; this file reads what comes back.
Marked texts are planted in Westerveld (every test role works there) and Steenwijkerland (none
does), then every GET address and API endpoint is read as every role, on both municipalities,
while the plans are drafts, once they are adopted, and once a new version is being drafted.
"""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from ivp.planning.execution.services.actions import (
    action_plan_adopt,
    action_plan_new_version,
    action_save,
)
from ivp.planning.execution.services.progress import progress_record
from ivp.planning.models import Action, ActionPlan, PolicyPlan, Priority
from ivp.planning.policy.services.plan import plan_new_version
from ivp.reports.models import GeneratedDocument
from tests.test_authorization_matrix import (
    ANONYMOUS,
    BEHEERDER,
    COORDINATOR,
    EXPECTED,
    OTHER,
    OWN,
    PARTNER,
    PREPARING,
    REGIO,
    ROLES,
    URLS,
    USERNAMES,
    VIEWER,
    _kwargs,
    _scopes,
)

pytestmark = pytest.mark.slow

DRAFT = "CONCEPTTEKST-wv"  # draft text of Westerveld's plans
DRAFT_OTHER = "CONCEPTTEKST-sw"  # draft text of Steenwijkerland's plans
NOTE = "NOTITIE-wv"  # a partner's progress note in Westerveld
NOTE_OTHER = "NOTITIE-sw"
AUTHOR = "partner.westerveld"  # the note's author: a user name, never public

STATES = ["concept", "vastgesteld", "nieuwe-versie"]


def _user(name):
    return get_user_model().objects.get(username=name)


def _plant(state: str) -> dict[str, dict]:
    """Westerveld's uitvoeringsplan 2026 gets an action of the partner's party with a note;
    in `vastgesteld` the plan is adopted (its text is then public); in `nieuwe-versie` a new
    version is started and only the new one carries the draft text, as does a new version of
    the adopted IVP."""
    westerveld = ActionPlan.objects.get(municipality__code="GM1701", start_year=2026)
    theme = westerveld.themes.first()
    police = action_save(
        theme=theme,
        item="Cameratoezicht centrum",
        description=DRAFT if state == "concept" else "Cameratoezicht, vastgesteld.",
        parties=["Politie basisteam Zuidwest-Drenthe"],
        planning_text="Q3",
    )
    progress_record(
        action=police, status="lopend", note=NOTE, user=_user(AUTHOR), on=date(2026, 3, 1)
    )
    other = ActionPlan.objects.get(municipality__code="GM1708", start_year=2026)
    sw_action = other.themes.first().actions.first()
    Action.objects.filter(pk=sw_action.pk).update(description=DRAFT_OTHER)
    progress_record(
        action=sw_action,
        status="lopend",
        note=NOTE_OTHER,
        user=_user("partner.steenwijkerland"),
        on=date(2026, 3, 1),
    )
    Priority.objects.filter(
        plan__municipality__code="GM1708", plan__status=PolicyPlan.Status.CONCEPT
    ).update(description=DRAFT_OTHER)
    # The samples the addresses are filled with: the actions that carry the notes.
    samples = {"own": {**OWN, "action": police.pk}, "other": {**OTHER, "action": sw_action.pk}}
    if state == "concept":
        return samples
    action_plan_adopt(
        action_plan=westerveld, adopted_on=date(2026, 1, 20), decision_reference="B&W 2026/1"
    )
    if state == "nieuwe-versie":
        draft = action_plan_new_version(action_plan=westerveld)
        action_save(theme=draft.themes.first(), item="Nieuwe actie", description=DRAFT)
        new_ivp = plan_new_version(plan=PolicyPlan.objects.get(municipality__code="GM1701"))
        Priority.objects.filter(plan=new_ivp).update(description=DRAFT)
    return samples


def _may_see(role: str, scope: str, state: str) -> dict[str, bool]:
    """What each marked text may appear to: drafts to those preparing the plan, notes also to
    the council once the plan is adopted (its progress report goes to the council), the
    author's user name to the author, the coordinator and the beheerder (the audit trail)."""
    if role == BEHEERDER:
        return {DRAFT: True, DRAFT_OTHER: True, NOTE: True, NOTE_OTHER: True, AUTHOR: True}
    own = scope == "own"
    readers_of_notes = PREPARING | ({VIEWER} if state != "concept" else set())
    return {
        DRAFT: own and role in PREPARING,
        DRAFT_OTHER: False,
        NOTE: own and role in readers_of_notes,
        NOTE_OTHER: False,
        AUTHOR: role in (COORDINATOR, PARTNER),
    }


GET_URLS = sorted(
    name for name, rule in EXPECTED.items() if rule.method == "get" and name != "admin:index"
)


def _client(role: str) -> Client:
    client = Client()
    if role != ANONYMOUS:
        client.force_login(_user(USERNAMES[role]))
    return client


def _texts(response) -> str:
    """The body, streamed ones too (a file could leak as well as a page)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith(("text/", "application/json")):
        return body.decode(errors="replace")
    return body.decode("latin-1")


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_no_marked_text_reaches_a_role_that_may_not_read_it(role, state):
    samples = _plant(state)
    client = _client(role)
    leaks = []
    for name in GET_URLS:
        for scope in _scopes(name):
            sample = samples[scope]
            url = reverse(name, kwargs=_kwargs(URLS[name], sample))
            response = client.get(url, follow=True)
            text = _texts(response)
            for marked, allowed in _may_see(role, scope, state).items():
                if marked in text and not allowed:
                    leaks.append(f"{url} shows {marked}")
    assert leaks == []


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["vastgesteld", "nieuwe-versie"])
def test_the_adopted_version_stays_public_while_a_new_one_is_drafted(state):
    _plant(state)
    anonymous = Client()
    plan_page = anonymous.get("/gemeenten/GM1701/uitvoeringsplan/2026/")
    assert plan_page.status_code == 200
    assert "Cameratoezicht, vastgesteld." in plan_page.content.decode()
    assert "Nieuwe actie" not in plan_page.content.decode()
    listing = anonymous.get("/gemeenten/GM1701/uitvoeringsplan/").content.decode()
    assert "/gemeenten/GM1701/uitvoeringsplan/2026/" in listing
    api = anonymous.get("/api/v1/gemeenten/GM1701/uitvoeringsplannen/2026/")
    assert api.status_code == 200
    items = [a["item"] for a in api.json()["actions"]]
    assert "Cameratoezicht centrum" in items and "Nieuwe actie" not in items
    documents = anonymous.get("/gemeenten/GM1701/documenten/").content.decode()
    assert "/gemeenten/GM1701/documenten/uitvoeringsplan/2026/" in documents
    # The coordinator works on the newest version.
    own = _client(COORDINATOR).get("/gemeenten/GM1701/uitvoeringsplan/2026/").content.decode()
    assert ("Nieuwe actie" in own) == (state == "nieuwe-versie")


@pytest.mark.django_db
def test_a_published_dashboard_shows_the_version_in_force_never_the_draft():
    _plant("nieuwe-versie")
    ActionPlan.objects.filter(municipality__code="GM1701").update(dashboard_published=True)
    page = Client().get("/gemeenten/GM1701/dashboard/", follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0] == "/gemeenten/GM1701/uitvoeringsplan/2026/dashboard/"
    assert "Nieuwe actie" not in page.content.decode()


@pytest.mark.django_db
def test_a_file_made_from_a_draft_stays_with_those_preparing_it_after_adoption(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    _plant("concept")
    coordinator = _client(COORDINATOR)
    made = coordinator.post(
        "/gemeenten/GM1701/documenten/uitvoeringsplan/2026/maken/", {"format": "html"}
    )
    record = GeneratedDocument.objects.latest("pk")
    assert made["Location"] == f"/documenten/{record.token}/"
    assert record.from_draft and record.action_plan.version == 1
    assert DRAFT in bytes(record.content).decode()
    action_plan_adopt(
        action_plan=record.action_plan, adopted_on=date(2026, 1, 20), decision_reference="X"
    )
    download = f"/documenten/{record.token}/download/"
    assert coordinator.get(download).status_code == 200
    assert _client(VIEWER).get(download).status_code == 403
    # A file made once the version is adopted is the council's to read.
    coordinator.post("/gemeenten/GM1701/documenten/uitvoeringsplan/2026/maken/", {"format": "html"})
    adopted = GeneratedDocument.objects.latest("pk")
    assert not adopted.from_draft
    assert _client(VIEWER).get(f"/documenten/{adopted.token}/download/").status_code == 200
    # Old sequential addresses lead nowhere.
    assert coordinator.get(f"/documenten/{record.pk}/download/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "party_action", "allowed"),
    [
        (PARTNER, True, True),
        (PARTNER, False, False),
        (COORDINATOR, False, True),
        (VIEWER, True, False),
        (REGIO, True, False),
        (ANONYMOUS, True, False),
    ],
)
def test_progress_notes_through_the_api_follow_the_page(role, party_action, allowed):
    _plant("vastgesteld")
    item = "Cameratoezicht centrum" if party_action else "Bibob-beleid"
    action = Action.objects.get(item=item, theme__action_plan__municipality__code="GM1701")
    if not party_action:
        progress_record(action=action, status="lopend", note=NOTE, user=_user("beheerder"))
    client = _client(role)
    api = client.get(f"/api/v1/acties/{action.pk}/voortgang/")
    page = client.get(f"/gemeenten/GM1701/uitvoeringsplan/2026/acties/{action.pk}/voortgang/")
    assert (api.status_code == 200) is allowed
    assert (page.status_code == 200) is allowed
    if allowed:
        body = api.content.decode()
        assert NOTE in body and AUTHOR not in body and "beheerder" not in body
        assert {u["organisation"] for u in api.json()} <= {
            "Politie basisteam Zuidwest-Drenthe",
            "Gemeente Westerveld",
        }


@pytest.mark.django_db
@pytest.mark.parametrize("role", [PARTNER, VIEWER, REGIO, ANONYMOUS])
def test_refused_api_writes_change_nothing(role):
    _plant("concept")
    action = Action.objects.get(item="Bibob-beleid")
    before = (action.item, action.lock_version, action.updates.count())
    client = _client(role)
    patch = client.patch(
        f"/api/v1/acties/{action.pk}/",
        {"item": "Gewijzigd", "lock_version": action.lock_version},
        content_type="application/json",
    )
    post = client.post(
        f"/api/v1/acties/{action.pk}/voortgang/",
        {"status": "afgerond", "note": "x"},
        content_type="application/json",
    )
    create = client.post(
        "/api/v1/gemeenten/GM1701/uitvoeringsplannen/2026/acties/",
        {"item": "Nieuw", "theme_id": action.theme_id},
        content_type="application/json",
    )
    assert {patch.status_code, post.status_code, create.status_code} <= {403}
    action.refresh_from_db()
    assert (action.item, action.lock_version, action.updates.count()) == before


@pytest.mark.django_db
def test_an_object_of_another_municipality_under_ones_own_code_is_not_found():
    """Mixed ids: Westerveld's coordinator asks for Steenwijkerland's action, theme or
    priority under Westerveld's code."""
    client = _client(COORDINATOR)
    leaks = []
    for name, pattern in URLS.items():
        if pattern is None or "code" not in pattern.pattern.converters:
            continue
        ids = set(pattern.pattern.converters) & {"action", "theme", "priority", "objective"}
        if not ids:
            continue
        kwargs = {**_kwargs(pattern, OWN), **{k: _kwargs(pattern, OTHER)[k] for k in ids}}
        response = getattr(client, EXPECTED[name].method)(reverse(name, kwargs=kwargs))
        if response.status_code not in (403, 404):
            leaks.append(f"{name}: {response.status_code}")
        if DRAFT_OTHER in response.content.decode(errors="replace"):
            leaks.append(f"{name} shows {DRAFT_OTHER}")
    assert leaks == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "url"),
    [
        (COORDINATOR, "/gemeenten/GM1701/uitvoeringsplan/2026/"),
        (PARTNER, "/gemeenten/GM1701/uitvoeringsplan/2026/"),
        (COORDINATOR, "/api/v1/gemeenten/GM1701/uitvoeringsplannen/2026/"),
        (COORDINATOR, "/api/v1/gemeenten/"),
    ],
)
def test_draft_pages_and_api_answers_are_never_stored_in_a_cache(role, url):
    response = _client(role).get(url)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives
