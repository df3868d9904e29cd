#!/usr/bin/env bash
# Installs what the tests need when missing, starts a throwaway PostgreSQL on 127.0.0.1, runs every test.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter Name~Import]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages: PostgreSQL server, Chromium (Debian's: no tool downloads its own browser), and R with the
#    survey and surveillance packages, against which the survey estimates and the aberration detection are
#    cross-checked (either brings Rscript).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v Rscript >/dev/null && Rscript -e 'quit(status = !requireNamespace("survey", quietly = TRUE))' >/dev/null 2>&1 || missing+=(r-cran-survey)
command -v Rscript >/dev/null && Rscript -e 'quit(status = !requireNamespace("surveillance", quietly = TRUE))' >/dev/null 2>&1 || missing+=(r-cran-surveillance)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} with apt-get"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# 2. npm packages (axe-core for the accessibility tests), exactly as locked.
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

# 3. A throwaway PostgreSQL cluster (not the system service), removed on exit.
pgdir=$(mktemp -d /tmp/cohesion-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$pgdir"
cleanup() {
  run_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
log "starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port"
run_pg "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null

export COHESION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
export COHESION_TEST_CHROMIUM=/usr/bin/chromium
export COHESION_TEST_AXE="$root/node_modules/axe-core/axe.min.js"

# 4. The tests.
dotnet test Cohesion.slnx --nologo "$@"
