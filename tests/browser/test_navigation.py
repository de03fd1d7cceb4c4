"""Every role walks the site through its navigation; every page it reaches is checked.

The walk starts at the home page and a few pages a user of that role opens directly, then
follows every link in the page's `nav` elements (main navigation, cycle navigation, …) until
no new page turns up, so navigation added later is covered without touching this test.
Each page must answer below 400, be Dutch, have an h1 and pass axe-core (see support.py).
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urlsplit

import pytest

from .support import (
    ANONYMOUS,
    BEHEERDER,
    COORDINATOR,
    REGIO,
    ROLES,
    Role,
    check_page,
    log_in,
    nav_links,
    page_problems,
    path_of,
)

pytestmark = pytest.mark.browser

ADMIN = "/beheer/django/"
MAX_PAGES = 80
# Where the login form leads each role: Westerveld's demo has no uitvoeringsplan for its
# partner to land on, so the partner lands on the workspace too.
LANDINGS = {
    "beheerder": "/",
    "coordinator": "/gemeenten/GM1701/werkruimte/",
    "partner": "/gemeenten/GM1701/werkruimte/",
    "regio": "/regios/zuidwest-drenthe/",
}
WORKSPACE = re.compile(r"^/gemeenten/(GM\d{4})/werkruimte/$")
CYCLE_STEP = re.compile(r"^/gemeenten/(GM\d{4})/cyclus/([a-z-]+)/$")
CYCLE_SLUGS = {
    "startnotitie",
    "veiligheidsanalyse",
    "prioritering",
    "veiligheidsplan",
    "uitvoeringsplan",
    "monitoring",
    "verantwoording",
}


def start_pages(role: Role) -> list[str]:
    """Where the walk starts: the home page and the pages this role would open directly."""
    # Opening a workspace makes it the one the cycle navigation shows, so a role that may
    # see Westerveld opens Westerveld's workspace first and then walks Westerveld's cycle.
    pages = ["/gemeenten/GM1701/werkruimte/"] if role.may_see_westerveld else []
    pages += ["/", "/gemeenten/GM1701/", "/regios/zuidwest-drenthe/"]
    pages.append("/account/" if role.logged_in else "/inloggen/")
    if role.may_see_westerveld:
        pages.append("/gemeenten/GM1701/themas/")
    if role.coordinates_westerveld:
        pages += ["/gemeenten/GM1701/themas/bewerken/", "/gemeenten/GM1701/audit/"]
    return pages


def walk(page, role: Role, *, width: int | None = None):
    """Visits the start pages and everything reachable through `nav` links, checking each;
    with `width`, also that the page does not scroll sideways at that width."""
    queue = deque(start_pages(role))
    seen = set(queue)
    visited: dict[str, int] = {}
    links_seen: dict[str, list[str]] = {}
    problems: list[str] = []
    while queue and len(visited) < MAX_PAGES:
        path = queue.popleft()
        response = page.goto(path)
        visited[path] = response.status if response else 0
        problems.extend(page_problems(page, response))
        if width and (wide := page.evaluate("document.documentElement.scrollWidth")) > width:
            problems.append(f"{path}: {wide} px wide at {width} px")
        if path_of(page.url).startswith(ADMIN):
            continue  # Django's own admin: checked on arrival, not crawled through.
        links = nav_links(page)
        links_seen[path] = links
        for link in links:
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert not queue, f"more than {MAX_PAGES} pages reachable through navigation"
    return visited, links_seen, problems


def cycle_links(links: list[str]) -> tuple[set[str], list[tuple[str, str]]]:
    """The workspace codes and (code, step) pairs among navigation links."""
    workspaces = {m[1] for link in links if (m := WORKSPACE.match(link))}
    steps = [m.groups() for link in links if (m := CYCLE_STEP.match(link))]
    return workspaces, steps


@pytest.mark.parametrize("role", ROLES, ids=[r.key for r in ROLES])
def test_role_walks_the_navigation(page_for, login_landings, role):
    page = page_for(role)
    visited, links_seen, problems = walk(page, role)
    assert not problems, f"{role.key}: {len(problems)} problem(s):\n" + "\n".join(problems)

    home_links = links_seen["/"]
    for path in ("/gemeenten/", "/regios/", "/taxonomie/"):
        assert path in home_links, f"main navigation lacks {path}: {home_links}"
        assert visited[path] == 200
    assert (ADMIN in home_links) == (role == BEHEERDER)

    # The main navigation is the first navigation landmark, with the Dutch link names.
    page.goto("/")
    main_nav = page.get_by_role("navigation").first
    for name in ("Gemeenten", "Regio's", "Veiligheidsvelden"):
        assert main_nav.get_by_role("link", name=name, exact=True).count() == 1, name

    workspaces, steps = cycle_links(home_links)
    if not role.logged_in:
        assert not workspaces and not steps
        assert page.get_by_role("link", name="Inloggen", exact=True).count() == 1
        assert page.get_by_role("button", name="Uitloggen").count() == 0
        return
    if not role.may_see_westerveld:  # raad / college: only published work
        assert not workspaces and not steps
        assert not any("/werkruimte/" in path or "/cyclus/" in path for path in visited)
        assert page.get_by_role("banner").get_by_role("button", name="Uitloggen").count() == 1
        return

    # The login form led to the role's own work (ivp.web.landing), whose cycle navigation
    # shows the role's own municipality (the administrator's is simply the first of all).
    landing, landing_links = login_landings[role.key]
    assert landing == LANDINGS[role.key]
    landing_workspaces, landing_steps = cycle_links(landing_links)
    assert len(landing_workspaces) == 1 and len(landing_steps) == 7, landing_links
    if role.municipality:
        assert landing_workspaces == {role.municipality}

    # Logged in: the header names the user and offers to log out.
    header = page.get_by_role("banner")
    assert header.get_by_role("link", name=role.username, exact=True).count() == 1
    assert header.get_by_role("button", name="Uitloggen").count() == 1

    # After opening Westerveld's workspace, the cycle navigation shows Westerveld's
    # workspace and its seven steps, and the walk reached all of them.
    assert workspaces == {"GM1701"}, home_links
    assert {code for code, _ in steps} == {"GM1701"}
    assert {slug for _, slug in steps} == CYCLE_SLUGS
    cycle_pages = ["/gemeenten/GM1701/werkruimte/"] + [
        f"/gemeenten/GM1701/cyclus/{slug}/" for slug in sorted(CYCLE_SLUGS)
    ]
    for path in cycle_pages:
        assert visited.get(path) == 200, f"{path}: {visited.get(path)}"

    # The current step is marked for assistive technology.
    page.goto("/gemeenten/GM1701/cyclus/prioritering/")
    current = page.locator("nav a[aria-current='page']")
    assert current.count() == 1
    assert current.get_attribute("href") == "/gemeenten/GM1701/cyclus/prioritering/"


def test_anonymous_visitor_is_sent_to_login_for_a_workspace(page_for):
    page = page_for(ANONYMOUS)
    response = page.goto("/gemeenten/GM1701/werkruimte/")
    assert response.status == 200
    parts = urlsplit(page.url)
    assert parts.path == "/inloggen/"
    assert parts.query == "next=/gemeenten/GM1701/werkruimte/"
    assert page.locator("#id_username").is_visible()


def test_regional_coordinator_switches_municipality(new_context):
    """regio.zuidwest-drenthe works for three municipalities and picks one in the header."""
    context = new_context()
    page = context.new_page()
    log_in(page, REGIO.username)
    switcher = page.locator("#switch-municipality")
    options = switcher.locator("option").all_inner_texts()
    assert options == ["Meppel", "Midden-Drenthe", "Westerveld"]
    assert page.locator("#switch-municipality option:checked").inner_text() == "Meppel"
    switcher.select_option(label="Westerveld")
    with page.expect_navigation() as navigation:
        page.locator("form.ivp-switcher button[type=submit]").click()
    check_page(page, navigation.value)
    assert path_of(page.url) == "/gemeenten/GM1701/werkruimte/"
    assert page.locator("#switch-municipality option:checked").inner_text() == "Westerveld"
    workspace_links = [p for p in nav_links(page) if WORKSPACE.match(p)]
    assert workspace_links == ["/gemeenten/GM1701/werkruimte/"]


@pytest.mark.parametrize("role", ROLES, ids=[r.key for r in ROLES])
def test_screenshot_of_workspace_or_home(page_for, screenshot_dir, role):
    """Proof that each role's page renders; the image is left in pytest's tmp dir."""
    page = page_for(role)
    page.goto("/")
    workspace = [p for p in nav_links(page) if WORKSPACE.match(p)]
    response = page.goto(workspace[0] if workspace else "/")
    assert response.status == 200
    if workspace:
        assert "werkruimte" in page.locator("h1").inner_text().lower()
    target = screenshot_dir / f"{role.key}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 1000


@pytest.mark.parametrize("role", [ANONYMOUS, COORDINATOR], ids=["anoniem", "coordinator"])
def test_every_page_of_the_walk_fits_a_phone(page_for, role):
    """The same walk at 390 px: axe on every page, and no page wider than the phone."""
    page = page_for(role)
    page.set_viewport_size({"width": 390, "height": 844})
    visited, _links, problems = walk(page, role, width=390)
    assert len(visited) > 5
    assert not problems, f"{role.key} at 390 px:\n" + "\n".join(problems)
