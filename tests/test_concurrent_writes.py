"""Eight people save at once while a national import runs: no error, no lost update.

A real web server (`ivp runserver`, threaded) and worker on a database of their own, with
the demo data. Four coordinators change actions through the API and four partners report
progress on the same actions, each sending the version they read; meanwhile the worker
imports a SYNTHETIC national file in one long transaction. Every write must either be saved
or be refused with 412 (the client was told); nothing fails, and no saved write is lost: each
action's version went up by exactly the number of writes saved on it."""

import http.cookiejar
import json
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

import pytest

from ivp.accounts.demo import DEMO_PASSWORD
from tests.live_processes import (
    environment,
    own_database,
    query,
    queue_synthetic_import,
    start,
    stop,
    upload_status,
    wait,
)

CLIENTS = 8
WRITES_PER_CLIENT = 6


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A signed-in session against the server, as a script would use the API."""

    def __init__(self, base: str, username: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        page = self.opener.open(base + "/inloggen/", timeout=120).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": token}
        self.send("POST", "/inloggen/", urllib.parse.urlencode(form).encode(), form=True)

    def csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def send(self, method: str, path: str, body: bytes | None = None, *, form=False):
        request = urllib.request.Request(self.base + path, data=body, method=method)
        request.add_header(
            "Content-Type", "application/x-www-form-urlencoded" if form else "application/json"
        )
        request.add_header("X-CSRFToken", self.csrf())
        request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def json(self, method: str, path: str, data=None):
        status, body = self.send(method, path, json.dumps(data).encode() if data else None)
        return status, json.loads(body or b"null") if body[:1] in (b"{", b"[") else body


def _client(browser, action_ids, kind, number, outcomes, lock):
    try:
        for n in range(WRITES_PER_CLIENT):
            action = action_ids[(number + n) % len(action_ids)]
            _read, current = browser.json("GET", f"/api/v1/acties/{action}/")
            if kind == "coordinator":
                status, _ = browser.json(
                    "PATCH",
                    f"/api/v1/acties/{action}/",
                    {"expected_result": f"c{number}-{n}", "lock_version": current["lock_version"]},
                )
            else:
                status, _ = browser.json(
                    "POST",
                    f"/api/v1/acties/{action}/voortgang/",
                    {
                        "status": "lopend",
                        "note": f"p{number}-{n}",
                        "lock_version": current["lock_version"],
                    },
                )
            with lock:
                outcomes.append((kind, action, status, f"{kind[0]}{number}-{n}"))
    except Exception as error:  # counted, not hidden
        with lock:
            outcomes.append((kind, None, repr(error), ""))


@pytest.mark.slow
def test_eight_clients_save_while_an_import_runs_without_errors_or_lost_updates(
    tmp_path, run_folder
):
    with own_database(tmp_path, "demo", shared=run_folder) as database:
        env = environment(tmp_path, database)
        pk, _ = queue_synthetic_import(env, tmp_path, first_year=2023)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = start(env, "runserver", f"127.0.0.1:{port}", "--noreload")
        worker = None
        try:
            wait(lambda: _answers(base), 60, "the server to answer")
            coordinator = Browser(base, "coordinator.steenwijkerland")
            _s, actions = coordinator.json(
                "GET", "/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/acties/"
            )
            police = [a["id"] for a in actions if "Politie" in a["parties"]][:3]
            assert len(police) == 3
            before = _versions(database, police)
            updates_before = _count(database, "planning_progressupdate")
            # Everyone signs in first, so that the writes themselves meet the import.
            kinds = ["coordinator" if i % 2 else "partner" for i in range(CLIENTS)]
            browsers = [Browser(base, f"{kind}.steenwijkerland") for kind in kinds]

            worker = start(env, "worker", "--no-startup-delay", "--interval", "0.2", "-v", "0")
            wait(lambda: upload_status(database, pk)[0] == "bezig", 60, "the import to start")
            outcomes, lock = [], threading.Lock()
            threads = [
                threading.Thread(
                    target=_client, args=(browsers[i], police, kinds[i], i, outcomes, lock)
                )
                for i in range(CLIENTS)
            ]
            for thread in threads:
                thread.start()
            writing_during_import = upload_status(database, pk)[0] == "bezig"
            for thread in threads:
                thread.join(timeout=600)
            wait(lambda: upload_status(database, pk)[0] == "klaar", 300, "the import to end")
        finally:
            stop(server)
            if worker is not None:
                stop(worker)

        statuses = Counter(status for _k, _a, status, _m in outcomes)
        assert len(outcomes) == CLIENTS * WRITES_PER_CLIENT, outcomes
        assert set(statuses) <= {200, 201, 412}, statuses  # saved, or told it was refused
        saved = Counter(action for _k, action, status, _m in outcomes if status in (200, 201))
        after = _versions(database, police)
        for action in police:
            assert after[action] - before[action] == saved[action], (action, statuses)
        notes = {m for k, _a, status, m in outcomes if k == "partner" and status == 201}
        stored = {
            row[0]
            for row in query(database, "SELECT note FROM planning_progressupdate")
            if row[0] in notes
        }
        assert stored == notes
        assert _count(database, "planning_progressupdate") - updates_before == len(notes)
        assert writing_during_import


def _answers(base: str) -> bool:
    try:
        return urllib.request.urlopen(base + "/", timeout=5).status == 200
    except OSError:
        return False


def _versions(database, ids) -> dict[int, int]:
    rows = query(
        database,
        f"SELECT id, lock_version FROM planning_action WHERE id IN ({','.join(map(str, ids))})",
    )
    return dict(rows)


def _count(database, table: str) -> int:
    return query(database, f"SELECT count(*) FROM {table}")[0][0]
