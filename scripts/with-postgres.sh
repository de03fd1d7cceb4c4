#!/usr/bin/env bash
# Runs a command against a private, throw-away PostgreSQL server (Debian's package),
# started on a free local port and removed afterwards. DATABASE_URL points at it.
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# A port nobody listens on (IVP_PG_PORT to choose one), so runs side by side do not collide.
PORT=${IVP_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DIR=$(mktemp -d /tmp/ivp-postgres.XXXXXX)
chmod 755 "$DIR"

as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$DIR"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

"${as_pg[@]}" "$PGBIN/initdb" -D "$DIR/data" -A trust -U ivp -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"${as_pg[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U ivp ivp

echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') op 127.0.0.1:$PORT"
export DATABASE_URL="postgres://ivp@127.0.0.1:$PORT/ivp"
"$@"
