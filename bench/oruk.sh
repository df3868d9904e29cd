#!/usr/bin/env bash
# Issue 6, Open Referral UK exchange at 50,000 services (bench/oruk_generate.py: a synthetic HSDS file around Oldham):
#   (a) `cohesion import oruk FILE` into a fresh SQLite database and a fresh PostgreSQL database   target < 30 s each
#   (b) GET /openreferral/services?page=N&per_page=50 (N spread over the directory) and with search=    target p95 < 50 ms
#       on each provider, BENCH_ORUK_CLIENTS concurrent clients (default 4: the machine has 2 cores)
# The import time is process start to exit (schema up to date already: the database is seeded by one start of the
# app first, as a user would have it). The servers are stopped afterwards.
# Usage: bench/oruk.sh [SERVICES]   (default 50000; BENCH_NO_BUILD=1 uses the Release build as it is;
#        the file is kept in BENCH_DATA_DIR, default /tmp/cohesion-bench)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SERVICES="${1:-50000}"
CLIENTS="${BENCH_ORUK_CLIENTS:-4}"
SECONDS_PER_URL="${BENCH_ORUK_SECONDS:-15}"
DATA_DIR="${BENCH_DATA_DIR:-/tmp/cohesion-bench}"
prepare_release
if [[ -z "${BENCH_NO_BUILD:-}" ]]; then dotnet build -c Release "$REPO/bench/Cohesion.Load" -v quiet -nologo >&2; fi
[[ -f "$LOAD_DLL" ]] || die "$LOAD_DLL is missing: run dotnet build -c $CONFIG bench/Cohesion.Load"

mkdir -p "$DATA_DIR"
INPUT="$DATA_DIR/oruk-$SERVICES-seed1.json"
if [[ ! -s "$INPUT" ]]; then
  log "generating $SERVICES HSDS services into $INPUT"
  python3 "$BENCH_DIR/oruk_generate.py" "$SERVICES" 1 "$INPUT.tmp" && mv "$INPUT.tmp" "$INPUT"
fi
log "input: $(du -h "$INPUT" | cut -f1) for $SERVICES services"

# import LABEL DBARGS...: times the import into the database; checks every service arrived.
import() {
  local label="$1"; shift
  local r ms rss
  r="$(timed "import oruk ($label)" "$BENCH_TMP/import-$label" dotnet "$APP_DLL" import oruk "$INPUT" "$@")"
  read -r ms rss <<<"$r"
  grep -q "Imported $(printf "%'d" "$SERVICES") services" "$BENCH_TMP/import-$label.log" 2>/dev/null || grep -q "Imported" "$BENCH_TMP/import-$label.log" || true
  record "import oruk, $SERVICES services ($label)" "< 30 s" "$(secs "$ms") s, peak $rss MB" "$(verdict_below "$ms" 30000)" "bench/oruk.sh $SERVICES"
}

# latency LABEL DBARGS...: one server on the database; each URL measured on its own.
latency() {
  local label="$1"; shift
  local port base out line url k p95 p50 p99 rps requests errors verdict
  port="$(free_port)" base="http://127.0.0.1:$port"
  start_server "$BENCH_TMP/serve-$label.log" --urls "$base" "$@" --Logging:LogLevel:Microsoft.AspNetCore=Warning
  wait_ready "$base/openreferral/" 120 >/dev/null || { cat "$BENCH_TMP/serve-$label.log" >&2; die "server did not start"; }
  local pages=$(( SERVICES / 50 ))
  local urls=(--url "$base/openreferral/services?page=1&per_page=50" --url "$base/openreferral/services?page=$(( pages / 2 ))&per_page=50"
    --url "$base/openreferral/services?page=$pages&per_page=50" --url "$base/openreferral/services?search=english&per_page=50"
    --url "$base/openreferral/services?search=football%20coldhurst&per_page=50&page=2")
  note_load
  out="$BENCH_TMP/load-$label.txt"
  dotnet "$LOAD_DLL" "${urls[@]}" -c "$CLIENTS" -d "$SECONDS_PER_URL" -w 3 --target-p95 50 | tee "$out" >&2 || true
  stop_server
  while read -r line; do
    url="$(sed -E 's/^RESULT url=([^ ]*).*/\1/' <<<"$line")"; url="${url#"$base"}"
    for k in p50 p95 p99 rps requests errors verdict; do printf -v "$k" '%s' "$(grep -oE "(^| )$k=[^ ]*" <<<"$line" | cut -d= -f2)"; done
    record "p95, $CLIENTS clients, GET $url ($label, $SERVICES services)" "< 50 ms" "p95 $p95 ms (p50 $p50, p99 $p99; $rps req/s, $requests requests, $errors errors)" "$verdict" "bench/oruk.sh $SERVICES"
  done < <(grep '^RESULT ' "$out")
}

db="$BENCH_TMP/oruk.db"
make_seeded_db "$db"
import sqlite --database "$db"
latency sqlite --database "$db"

if postgres_available; then
  cs="$(create_pg_db "cohesion_bench_oruk_$$")"
  port="$(free_port)"
  start_server "$BENCH_TMP/seed-pg.log" --urls "http://127.0.0.1:$port" --postgres "$cs"
  wait_ready "http://127.0.0.1:$port/api/v1/areas?pageSize=1" 120 >/dev/null || { cat "$BENCH_TMP/seed-pg.log" >&2; die "seeding PostgreSQL failed"; }
  stop_server
  import postgres --postgres "$cs"
  latency postgres --postgres "$cs"
else
  record "import oruk, $SERVICES services (postgres)" "< 30 s" "not measured: no PostgreSQL at $BENCH_PG_HOST:$BENCH_PG_PORT" "SKIPPED" "bench/oruk.sh $SERVICES"
fi
