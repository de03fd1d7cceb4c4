"""Helpers for the browser tests: the demo roles, logging in, and checking a visited page.

Every page a browser test visits goes through `check_page`: it answered below 400 (or the
status the test expects), speaks Dutch (`<html lang="nl">`), has an `h1`, and axe-core finds
no serious or critical WCAG 2.1 A/AA violation on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response

DEMO_PASSWORD = "demo-ivp-2026"  # as in ivp.accounts.demo; the tests talk HTTP only
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_SOURCE = AXE_JS.read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_BLOCKING = ("serious", "critical")
# Per open page: uncaught JavaScript errors, failed requests for its assets (CSS,
# scripts, htmx calls) and what the Content-Security-Policy refused, filled by the
# `page_for` fixture and reported by `page_problems`.
PAGE_ERRORS: dict[Page, list[str]] = {}
# Run in every page before its own scripts: keeps what the Content-Security-Policy refused.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(
        `${e.effectiveDirective} refused ${e.blockedURI || 'inline'}` +
        (e.sample ? ` (${e.sample})` : '') + ` at line ${e.lineNumber}`);
});
"""


def csp_violations(page: Page) -> list[str]:
    """What the page's Content-Security-Policy refused since it loaded."""
    return page.evaluate("() => window.__cspViolations || []")


@dataclass(frozen=True)
class Role:
    """A demo account (src/ivp/accounts/demo.py) or the anonymous visitor (username None)."""

    key: str
    username: str | None
    # The municipality whose workspace the cycle navigation shows right after login
    # (None for the administrator, for whom it is simply the first of all 342).
    municipality: str | None = None
    may_see_westerveld: bool = False
    coordinates_westerveld: bool = False

    @property
    def logged_in(self) -> bool:
        return self.username is not None


ANONYMOUS = Role("anoniem", None)
BEHEERDER = Role("beheerder", "beheerder", may_see_westerveld=True, coordinates_westerveld=True)
COORDINATOR = Role(
    "coordinator",
    "coordinator.westerveld",
    municipality="GM1701",
    may_see_westerveld=True,
    coordinates_westerveld=True,
)
PARTNER = Role("partner", "partner.westerveld", municipality="GM1701", may_see_westerveld=True)
# Raad / college read only published work: no workspace, no cycle navigation.
RAAD = Role("raad", "raad.westerveld")
# Zuidwest-Drenthe: Meppel, Midden-Drenthe and Westerveld; Meppel comes first.
REGIO = Role("regio", "regio.zuidwest-drenthe", municipality="GM0119", may_see_westerveld=True)

ROLES = [ANONYMOUS, BEHEERDER, COORDINATOR, PARTNER, RAAD, REGIO]


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def nav_links(page: Page) -> list[str]:
    """The distinct same-site paths linked from the page's `nav` elements, in page order."""
    return page.evaluate(
        """() => [...new Set(Array.from(document.querySelectorAll('nav a[href]'))
            .filter(a => a.origin === location.origin)
            .map(a => a.pathname + a.search))]"""
    )


def axe_violations(page: Page) -> list[dict]:
    """Runs axe-core on the page and returns its serious and critical violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol: an added <script> element would be inline
        # script, which the pages' Content-Security-Policy refuses.
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            });
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')),
            }));
        }""",
        AXE_TAGS,
    )
    return [v for v in result if v["impact"] in AXE_BLOCKING]


def format_violations(url: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = ", ".join(v["targets"][:8])
        more = f" (+{len(v['targets']) - 8} more)" if len(v["targets"]) > 8 else ""
        lines.append(
            f"axe {v['id']} [{v['impact']}] on {path_of(url)}: {v['help']} — {targets}{more}"
        )
    return lines


def page_problems(page: Page, response: Response | None, *, status: int | None = None) -> list[str]:
    """Everything wrong with the page just loaded, as readable lines (empty: all good)."""
    url = page.url
    where = path_of(url)
    problems = []
    if response is None:
        problems.append(f"{where}: no response")
    elif status is not None and response.status != status:
        problems.append(f"{where}: status {response.status}, expected {status}")
    elif status is None and response.status >= 400:
        problems.append(f"{where}: status {response.status}")
    facts = page.evaluate(
        """() => ({
            lang: document.documentElement.getAttribute('lang'),
            h1: Array.from(document.querySelectorAll('h1'), h => h.innerText.trim()),
        })"""
    )
    if facts["lang"] != "nl":
        problems.append(f'{where}: <html lang="{facts["lang"]}">, expected "nl"')
    if not facts["h1"]:
        problems.append(f"{where}: no h1")
    elif not all(facts["h1"]):
        problems.append(f"{where}: empty h1")
    problems.extend(f"{where}: {error}" for error in PAGE_ERRORS.pop(page, []))
    problems.extend(f"{where}: CSP {violation}" for violation in csp_violations(page))
    problems.extend(format_violations(url, axe_violations(page)))
    return problems


def check_page(page: Page, response: Response | None, *, status: int | None = None) -> None:
    problems = page_problems(page, response, status=status)
    assert not problems, "\n".join(problems)


def visit(
    page: Page, path: str, *, status: int | None = None, timeout: float | None = None
) -> Response | None:
    """Opens `path` (relative to the context's base URL) and checks the page; `timeout` (ms)
    for a page whose first, uncached making is slow by nature (bench/ measures it)."""
    response = page.goto(path, timeout=timeout)
    check_page(page, response, status=status)
    return response


def log_in(page: Page, username: str, password: str = DEMO_PASSWORD) -> Response | None:
    """Fills in the login form at /inloggen/ the way a user does and submits it."""
    check_page(page, page.goto("/inloggen/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation() as navigation:
        page.locator("main form button[type=submit]").click()
    return navigation.value
