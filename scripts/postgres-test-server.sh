#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: scripts/postgres-test-server.sh COMMAND [ARGS...]
#
# Installs Debian's postgresql package when no server is installed, creates a cluster in a temporary folder,
# starts it listening only on 127.0.0.1 on a free port (trust authentication: loopback only, and thrown away),
# runs COMMAND with POLICYTRACKER_TEST_POSTGRES set to a connection string for the cluster's superuser, then
# stops the server and removes the folder whatever happened, and exits with COMMAND's status.
#
# The cluster is made for tests: fsync is off. PGTEST_DURABLE=1 keeps PostgreSQL's default durability, for
# benchmarks. The cluster's locale is C, so text sorts by code point as it does in SQLite.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  sudo=(sudo)
fi

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin="$(server_bin)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "Installing PostgreSQL for the integration tests..."
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  bin="$(server_bin)"
fi

# initdb and postgres refuse to run as root: as root, the server runs as the package's unprivileged postgres user.
as_owner=()
if [[ "$(id -u)" -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
  as_owner=(runuser -u postgres --)
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/policytracker-pg.XXXXXX")"
if [[ "$(id -u)" -eq 0 ]]; then
  chown postgres: "$dir"
fi

started=0
cleanup() {
  if [[ "$started" -eq 1 ]]; then
    (cd "$dir" && "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1) || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$dir"
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }

settings=(-c listen_addresses=127.0.0.1 -c "unix_socket_directories=$dir" -c max_connections=300)
if [[ "${PGTEST_DURABLE:-0}" != "1" ]]; then
  settings+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
fi

# A port nothing answers on; if another process takes it before the server binds, the next try picks another.
port=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 40000))
  if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    continue
  fi
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $candidate ${settings[*]}" start >/dev/null; then
    port="$candidate"
    started=1
    break
  fi
done
if [[ -z "$port" ]]; then
  echo "could not start PostgreSQL; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
fi
cd - >/dev/null

echo "PostgreSQL $("$bin/postgres" --version | awk '{ print $3 }') on 127.0.0.1:$port (throwaway cluster in $dir)"
export POLICYTRACKER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
status=0
"$@" || status=$?
exit "$status"
