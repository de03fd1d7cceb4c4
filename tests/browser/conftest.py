"""Fixtures for the browser tests: a real ivp server with the demo data, and Debian's chromium.

The server runs `ivp runserver` (and `ivp db_worker` for background tasks) in a subprocess on a
database of its own (a copy of the demo database made once per run, tests/live_processes.py:
a SQLite file in a temporary directory, or a database on the PostgreSQL server the session
runs against), so the browser sees exactly what a user of `make demo` sees, and the rest of
the suite's test database is never touched.

The Playwright driver keeps an asyncio event loop running in the main thread while it lives,
which makes Django refuse ORM calls in later, non-browser tests of the same session. The
browser therefore lives for this package only: one browser, one context per role, closed
as soon as the last browser test has run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from tests.live_processes import own_database

from .support import CSP_LISTENER, PAGE_ERRORS, Role, check_page, log_in, nav_links, path_of

REPO = Path(__file__).resolve().parents[2]
IVP_SCRIPT = Path(sys.executable).with_name("ivp")
IVP = [str(IVP_SCRIPT)] if IVP_SCRIPT.exists() else [sys.executable, "-m", "ivp.cli"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_TIMEOUT = 60


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet (URLError, ConnectionError, timeouts)
            pass
        time.sleep(0.1)
    tail = log.read_text(errors="replace")[-4000:]
    pytest.fail(f"ivp runserver did not answer on {url}:\n{tail}", pytrace=False)


SERVER_ENV: dict[str, str] = {}  # the running server's environment, for `ivp_cli`


@pytest.fixture
def ivp_cli(ivp_server):
    """Runs an `ivp` command on the server's database (as a coordinator would on the
    machine) and gives its standard output."""

    def run(*args: str) -> str:
        done = subprocess.run(
            [*IVP, *args], cwd=REPO, env=SERVER_ENV, capture_output=True, text=True, check=True
        )
        return done.stdout

    return run


@pytest.fixture(scope="session")
def ivp_server(run_folder) -> Iterator[str]:
    """Base URL of a real `ivp runserver` on its own database holding the demo data."""
    var_dir = Path(tempfile.mkdtemp(prefix="ivp-browser-"))
    log = var_dir / "server.log"
    process = worker = None
    try:
        with own_database(var_dir, "demo", shared=run_folder) as database_url:
            env = os.environ.copy()
            env.update(
                IVP_ENVIRONMENT="local",
                IVP_VAR_DIR=str(var_dir),
                DEBUG="0",
                DATABASE_URL=database_url,
                DJANGO_SETTINGS_MODULE="ivp.conf.settings",
                PYTHONUNBUFFERED="1",
            )
            SERVER_ENV.update(env)
            port = _free_port()
            base_url = f"http://127.0.0.1:{port}"
            with log.open("ab") as out:
                process = subprocess.Popen(
                    [*IVP, "runserver", "--noreload", f"127.0.0.1:{port}"],
                    cwd=REPO,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
                # The worker takes background tasks (imports of uploads) from the database queue.
                worker = subprocess.Popen(
                    [*IVP, "db_worker", "--no-startup-delay", "--interval", "0.2", "--no-reload"],
                    cwd=REPO,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            _wait_until_up(base_url + "/", process, log)
            yield base_url
            _stop(process, worker)
    finally:
        _stop(process, worker)
        shutil.rmtree(var_dir, ignore_errors=True)


def _stop(*children: subprocess.Popen | None) -> None:
    for child in children:
        if child is None or child.poll() is not None:
            continue
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _watch(page: Page) -> None:
    """Records uncaught JavaScript errors and failed asset requests of the page."""

    def on_error(error) -> None:
        PAGE_ERRORS.setdefault(page, []).append(f"JavaScript error: {error}")

    def on_response(response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            PAGE_ERRORS.setdefault(page, []).append(f"status {response.status} for {response.url}")

    def on_console(message) -> None:
        # Chromium reports what the Content-Security-Policy refused on the console as well.
        if message.type == "error" and "Content Security Policy" in message.text:
            PAGE_ERRORS.setdefault(page, []).append(message.text)

    page.on("pageerror", on_error)
    page.on("response", on_response)
    page.on("console", on_console)


@pytest.fixture(scope="package")
def new_context(browser: Browser, ivp_server: str):
    """Makes a fresh browser context of a Dutch user against the server (closed at the end)."""
    made: list[BrowserContext] = []

    def make() -> BrowserContext:
        context = browser.new_context(
            base_url=ivp_server, locale="nl-NL", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(15_000)
        context.add_init_script(CSP_LISTENER)
        context.on("page", _watch)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


@pytest.fixture(scope="package")
def login_landings() -> dict[str, tuple[str, list[str]]]:
    """Per role: the page the login form led to, and the links of that page's `nav`s."""
    return {}


@pytest.fixture(scope="package")
def context_for(new_context, login_landings):
    """The browser context of a role, logged in through the login form on first use."""
    contexts: dict[str, BrowserContext] = {}

    def get(role: Role) -> BrowserContext:
        if role.key not in contexts:
            context = new_context()
            if role.logged_in:
                page = context.new_page()
                response = log_in(page, role.username)
                check_page(page, response)
                login_landings[role.key] = (path_of(page.url), nav_links(page))
                page.close()
            contexts[role.key] = context
        return contexts[role.key]

    return get


@pytest.fixture
def page_for(context_for):
    """Opens a page for a role; pages are closed after the test, contexts stay."""
    pages: list[Page] = []

    def open_page(role: Role) -> Page:
        page = context_for(role).new_page()
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        PAGE_ERRORS.pop(page, None)
        page.close()


@pytest.fixture(scope="package")
def screenshot_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("screenshots")
