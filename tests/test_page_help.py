"""The "What do I do here?" box on every page and the manual per role (issue 19, item 8)."""

import re

import pytest
from django.utils import translation
from django.utils.html import escape

from ivp.web.help import DEFAULT, PAGE_HELP
from ivp.web.manual import MANUALS, MANUALS_BY_SLUG
from tests.conftest import client_for
from tests.test_authorization_matrix import EXPECTED, URLS

# Not pages a person reads: the API, Django's admin, health checks, redirects, downloads,
# htmx fragments and a chart image.
NOT_PAGES = {
    "web:favicon",
    "web:liveness",
    "web:readiness",
    "web:start",
    "reports:house_style_template",
    "reports:public_download",
    "reports:document_progress",
    "figures:upload_progress",
    "figures:indicator_chart",
    "intake:plan_import_status",
    "intake:actions_import_status",
}
PAGES = sorted(
    name
    for name, rule in EXPECTED.items()
    if rule.method == "get"
    and not name.startswith(("api:", "admin:"))
    and not name.endswith("_download")
    and name not in NOT_PAGES
)
# The demo user who reads each manual as their own (None: a visitor).
READERS = {
    "coordinator": "coordinator.westerveld",
    "ketenpartner": "partner.westerveld",
    "raad": "raad.westerveld",
    "beheerder": "beheerder",
    "regiocoordinator": "regio.zuidwest-drenthe",
    "bewoner": None,
}


def _dutch(text) -> str:
    with translation.override("nl"):
        return escape(str(text))


def _help_box(page: str) -> str:
    found = re.search(r'<details class="ivp-help">.*?</details>', page, re.S)
    assert found, "the page has no help box"
    return found.group(0)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_a_help_text(name):
    assert name in PAGE_HELP, f"write a 'What do I do here?' text for {name} in ivp.web.help"


def test_help_texts_belong_to_pages_that_exist():
    assert set(PAGE_HELP) - set(URLS) == set()


def test_a_help_text_per_role_has_one_for_the_other_roles():
    for name, text in PAGE_HELP.items():
        if isinstance(text, dict):
            assert DEFAULT in text, name
            assert set(text) - {DEFAULT} <= set(MANUALS_BY_SLUG), name


def test_every_role_has_a_manual():
    assert set(MANUALS_BY_SLUG) == set(READERS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "text", "manual"),
    [
        (
            "coordinator.steenwijkerland",
            PAGE_HELP["planning:action_plan"]["coordinator"],
            "coordinator",
        ),
        (
            "partner.steenwijkerland",
            PAGE_HELP["planning:action_plan"]["ketenpartner"],
            "ketenpartner",
        ),
        ("beheerder", PAGE_HELP["planning:action_plan"][DEFAULT], "beheerder"),
    ],
)
def test_the_action_list_explains_itself_to_each_role(username, text, manual):
    page = client_for(username).get("/gemeenten/GM1708/uitvoeringsplan/2026/")
    assert page.status_code == 200
    box = _help_box(page.content.decode())
    assert _dutch(text) in box
    assert f'href="/handleiding/{manual}/"' in box


@pytest.mark.django_db
def test_a_visitor_gets_help_and_the_residents_manual():
    box = _help_box(client_for(None).get("/gemeenten/").content.decode())
    assert _dutch(PAGE_HELP["regions:municipality_list"]) in box
    assert 'href="/handleiding/bewoner/"' in box


@pytest.mark.django_db
def test_a_council_member_is_sent_to_the_council_manual():
    box = _help_box(client_for("raad.westerveld").get("/gemeenten/GM1701/").content.decode())
    assert 'href="/handleiding/raad/"' in box


@pytest.mark.django_db
@pytest.mark.parametrize("slug", sorted(READERS))
def test_a_manual_lists_its_tasks_with_links_that_work_for_its_role(slug):
    client = client_for(READERS[slug])
    response = client.get(f"/handleiding/{slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    manual = MANUALS_BY_SLUG[slug]
    assert 4 <= len(manual.tasks) <= 8
    for task in manual.tasks:
        assert _dutch(task.title) in page
    links = [
        href
        for block in re.findall(r'<ul class="ivp-manual__links">(.*?)</ul>', page, re.S)
        for href in re.findall(r'href="([^"]+)"', block)
    ]
    # Every link a task names is shown: the reader has the municipality or region it needs.
    assert len(links) == sum(len(task.links) for task in manual.tasks)
    for href in links:
        followed = client.get(href)
        assert followed.status_code in (200, 302), f"{slug}: {href} gave {followed.status_code}"
        if followed.status_code == 302:
            assert "/inloggen/" not in followed["Location"], f"{slug} may not open {href}"


@pytest.mark.django_db
def test_a_visitor_reading_the_coordinators_manual_gets_the_steps_without_broken_links():
    page = client_for(None).get("/handleiding/coordinator/").content.decode()
    assert _dutch(MANUALS_BY_SLUG["coordinator"].tasks[0].steps[0]) in page
    assert "/gemeenten/None/" not in page


@pytest.mark.django_db
def test_an_unknown_manual_is_not_found():
    assert client_for(None).get("/handleiding/burgemeester/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("username", "own"), [("partner.westerveld", "ketenpartner"), (None, "bewoner")]
)
def test_the_index_lists_every_manual_and_marks_the_readers_own(username, own):
    page = client_for(username).get("/handleiding/").content.decode()
    for manual in MANUALS:
        assert f'href="/handleiding/{manual.slug}/"' in page
    marked = re.search(r'href="/handleiding/([a-z]+)/"[^<]*</a>\s*<strong>', page)
    assert marked and marked.group(1) == own
