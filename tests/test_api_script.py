"""A script with a personal API key reads and writes an action over HTTP, against a real
server (`ivp runserver` on a database of its own, with the demo data), as a municipality's
script would: the coordinator makes the key on the page, the script reads the action and its
ETag, changes it with If-Match, reports progress with the lock_version, and once the key is
revoked on the page the script is refused."""

import re
import socket

import httpx
import pytest

from ivp.accounts.demo import DEMO_PASSWORD
from tests.live_processes import environment, own_database, start, stop, wait

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'value="(ivp_[A-Za-z0-9_-]+)"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(base: str) -> bool:
    try:
        return httpx.get(base + "/gezond/", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def _post_form(browser: httpx.Client, path: str, data: dict) -> httpx.Response:
    token = CSRF.search(browser.get(path).text).group(1)
    return browser.post(
        path,
        data={**data, "csrfmiddlewaretoken": token},
        headers={"Referer": str(browser.base_url) + path},
    )


@pytest.mark.slow
def test_a_script_with_a_key_reads_and_writes_an_action_until_the_key_is_revoked(
    tmp_path, run_folder
):
    with own_database(tmp_path, "demo", shared=run_folder) as database:
        env = environment(tmp_path, database)
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = start(env, "runserver", f"127.0.0.1:{port}", "--noreload")
        try:
            wait(lambda: _answers(base), 60, "the server to answer")
            with httpx.Client(base_url=base, timeout=60) as browser:
                login = _post_form(
                    browser,
                    "/inloggen/",
                    {"username": "coordinator.steenwijkerland", "password": DEMO_PASSWORD},
                )
                assert login.status_code == 302, login.text[-500:]
                made = _post_form(browser, "/account/api-sleutels/", {"name": "script"})
                key = KEY.search(made.text).group(1)

                with httpx.Client(
                    base_url=base, timeout=60, headers={"Authorization": f"Bearer {key}"}
                ) as script:
                    actions = script.get("/api/v1/gemeenten/GM1708/uitvoeringsplannen/2026/acties/")
                    assert actions.status_code == 200
                    first = actions.json()[0]
                    read = script.get(f"/api/v1/acties/{first['id']}/")
                    assert read.json() == first
                    changed = script.patch(
                        f"/api/v1/acties/{first['id']}/",
                        json={"expected_result": "Minder overlast, gemeten in de monitor."},
                        headers={"If-Match": read.headers["ETag"]},
                    )
                    assert changed.status_code == 200, changed.text
                    assert changed.json()["lock_version"] == first["lock_version"] + 1
                    progress = script.post(
                        f"/api/v1/acties/{first['id']}/voortgang/",
                        json={"status": "lopend", "percent_done": 40, "note": "Gestart."},
                    )
                    assert progress.status_code == 428  # no version named
                    progress = script.post(
                        f"/api/v1/acties/{first['id']}/voortgang/",
                        json={
                            "status": "lopend",
                            "percent_done": 40,
                            "note": "Gestart.",
                            "lock_version": changed.json()["lock_version"],
                        },
                    )
                    assert progress.status_code == 201, progress.text
                    again = script.get(f"/api/v1/acties/{first['id']}/").json()
                    assert again["expected_result"].startswith("Minder overlast")
                    assert again["status"] == "lopend"
                    # The first ETag is stale now.
                    late = script.patch(
                        f"/api/v1/acties/{first['id']}/",
                        json={"owner": "Politie"},
                        headers={"If-Match": read.headers["ETag"]},
                    )
                    assert late.status_code == 412

                    keys = browser.get("/account/api-sleutels/").text
                    revoke = re.search(r'action="(/account/api-sleutels/\d+/intrekken/)"', keys)
                    token = CSRF.search(keys).group(1)
                    revoked = browser.post(
                        revoke.group(1),
                        data={"csrfmiddlewaretoken": token},
                        headers={"Referer": base + "/account/api-sleutels/"},
                    )
                    assert revoked.status_code == 302
                    refused = script.get(f"/api/v1/acties/{first['id']}/")
                    assert refused.status_code == 401
        finally:
            stop(server)
