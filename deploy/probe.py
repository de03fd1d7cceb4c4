"""Health probe for containers and scripts: GET a URL (or a path of the local web server) and
exit 0 on 200, 1 otherwise. Only the standard library: it runs in the slim image too.

    python deploy/probe.py /gereed/                     # inside a web container
    python deploy/probe.py http://127.0.0.1:8001/gezond/

The Host header is the first of ALLOWED_HOSTS, so production's host check lets it through.
"""

import os
import sys
import urllib.error
import urllib.request


def _host() -> str:
    first = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".")
    return "localhost" if first in ("", "*") else first


def main(target: str) -> int:
    if not target.startswith("http"):
        port = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").rsplit(":", 1)[1]
        target = f"http://127.0.0.1:{port}{target}"
    request = urllib.request.Request(target, headers={"Host": _host()})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            print(target, response.status, response.read(300).decode(errors="replace"))
            return 0 if response.status == 200 else 1
    except urllib.error.HTTPError as error:
        print(target, error.code, error.read(300).decode(errors="replace"))
    except OSError as error:
        print(target, error)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "/gezond/"))
