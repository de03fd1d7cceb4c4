#!/usr/bin/env bash
# Tries compose.yaml for real: validates it, builds and starts the stack (PostgreSQL, migrate,
# two web processes, the worker), waits until /gezond/ and /gereed/ answer 200 through both web
# processes, then removes it again with its volumes. Needs docker or podman with compose;
# without one it says so and exits 0 (CI has none).
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 \
  && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1 \
  && podman compose version >/dev/null 2>&1; then
  compose=(podman compose)
else
  echo "overgeslagen: geen container-runtime (docker of podman met compose) op deze machine"
  exit 0
fi

export SECRET_KEY="test-compose-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
export ALLOWED_HOSTS=localhost
export IVP_WEB_1_PORT=${IVP_WEB_1_PORT:-18001} IVP_WEB_2_PORT=${IVP_WEB_2_PORT:-18002}
project="ivp-test-$$"
run=("${compose[@]}" -p "$project")

echo "== ${compose[*]}: compose.yaml controleren"
"${run[@]}" config --quiet
trap '"${run[@]}" logs --no-color --tail 50 || true; "${run[@]}" down --volumes --remove-orphans || true' EXIT

echo "== bouwen en starten"
"${run[@]}" up --detach --build

check() {  # url: waits up to 5 minutes for a 200
  local url=$1 deadline=$((SECONDS + 300))
  until python3 deploy/probe.py "$url"; do
    if ((SECONDS > deadline)); then
      echo "FOUT: $url antwoordt niet met 200" >&2
      return 1
    fi
    sleep 5
  done
}

for port in "$IVP_WEB_1_PORT" "$IVP_WEB_2_PORT"; do
  check "http://127.0.0.1:$port/gezond/"
  check "http://127.0.0.1:$port/gereed/"
done
echo "== in orde: beide webprocessen gezond en gereed (database en worker bereikbaar)"
