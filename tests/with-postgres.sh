#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server, as the test suite's second database:
# a cluster from Debian's packages in a temporary folder, listening only on 127.0.0.1, with
# durability turned off for speed; the command sees DATABASE_URL, and the server is stopped
# and its folder removed when the command ends, whatever its outcome.
#
#   TEST_POSTGRES_PORT=55441 tests/with-postgres.sh .venv/bin/pytest -n 2
set -uo pipefail

# TEST_POSTGRES_PORT, or a port free right now.
PORT="${TEST_POSTGRES_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
initdb="$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$initdb" ]; then
    echo "with-postgres: no PostgreSQL server; install Debian's postgresql package" >&2
    exit 1
fi
bin="$(dirname "$initdb")"
# initdb refuses to run as root; the cluster then belongs to the postgres user.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    as_owner=(runuser -u postgres --)
fi
data="$(mktemp -d /tmp/cnnt-postgres-XXXXXX)"
[ "$(id -u)" -eq 0 ] && chown postgres: "$data"

stop_server() {
    "${as_owner[@]}" "$bin/pg_ctl" stop -D "$data/cluster" -m immediate >/dev/null 2>&1
    rm -rf "$data"
}
trap stop_server EXIT INT TERM

started=$(date +%s)
if ! "${as_owner[@]}" "$bin/initdb" -D "$data/cluster" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1; then
    echo "with-postgres: initdb failed:" >&2
    cat "$data/initdb.log" >&2
    exit 1
fi
options="-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$data"
options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
if ! "${as_owner[@]}" "$bin/pg_ctl" start -D "$data/cluster" -w -t 60 -l "$data/server.log" \
        -o "$options" >/dev/null; then
    echo "with-postgres: the server did not start on port $PORT:" >&2
    tail -n 40 "$data/server.log" >&2
    exit 1
fi
"${as_owner[@]}" "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres cnnt || exit 1
echo "with-postgres: PostgreSQL $("$bin/postgres" -V | awk '{print $3}') on $PORT ready after $(( $(date +%s) - started )) s"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/cnnt"
"$@"
