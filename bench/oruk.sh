#!/usr/bin/env bash
# Issue 6, Open Referral UK exchange at 50,000 services (bench/oruk_generate.py: a synthetic HSDS file around Oldham):
#   (a) `cohesion import oruk FILE` into a fresh SQLite database and a fresh PostgreSQL database   target < 30 s each
#   (b) GET /openreferral/services?page=N&per_page=50 (N spread over the directory) and with search=    target p95 < 50 ms
#       on each provider by one client (what one consumer sees), with the CPU each request cost the app and PostgreSQL;
#       then by BENCH_ORUK_CLIENTS concurrent clients (default 4), shown without a verdict (the machine has 2 cores)
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
  grep -h "planner statistics" "$BENCH_TMP/import-$label.log" >&2 || true
  grep -q "Imported $(printf "%'d" "$SERVICES") services" "$BENCH_TMP/import-$label.log" 2>/dev/null || grep -q "Imported" "$BENCH_TMP/import-$label.log" || true
  record "import oruk, $SERVICES services ($label)" "< 30 s" "$(secs "$ms") s, peak $rss MB" "$(verdict_below "$ms" 30000)" "bench/oruk.sh $SERVICES"
}

# CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s).
cpu_s() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# The summed CPU seconds of the PostgreSQL backends serving the bench server (found by their application name).
pg_cpu_s() {
  local pid total=0
  for pid in $(psql_admin -qtAc "SELECT pid FROM pg_stat_activity WHERE application_name = 'cohesion-bench-oruk'" 2>/dev/null); do
    total="$(awk -v t="$total" -v c="$(cpu_s "$pid")" 'BEGIN { printf "%.2f", t + c }')"
  done
  echo "$total"
}

# latency LABEL DBARGS...: one server on the database; each URL measured on its own, first by one client (what one
# consumer sees: the figure with the verdict), then by CLIENTS at once (shown without a verdict: on 2 cores 4 clients
# queue behind each other). Beside the single client's times, the CPU each request cost the app and the database:
# on a machine busy with other work the times stretch with the queue for a core, the CPU per request much less.
latency() {
  local label="$1"; shift
  local port base out line url k p95 p50 p99 rps requests errors verdict clients app0 db0 app1 db1 cpu busy load
  port="$(free_port)" base="http://127.0.0.1:$port"
  # The demo seeders off: the seeding start above is stopped as soon as the app answers, so each later start would
  # generate the demo's change data and surveys again in the background (some 20-40 s of CPU) during the measurement.
  start_server "$BENCH_TMP/serve-$label.log" --urls "$base" "$@" --Logging:LogLevel:Microsoft.AspNetCore=Warning \
    --Cohesion:Demo:ChangeData=false --Cohesion:Demo:Surveys=false --Cohesion:Demo:PlaceStandard=false --Cohesion:Demo:Assets=false
  wait_ready "$base/openreferral/" 120 >/dev/null || { cat "$BENCH_TMP/serve-$label.log" >&2; die "server did not start"; }
  local pages=$(( SERVICES / 50 ))
  local urls=("$base/openreferral/services?page=1&per_page=50" "$base/openreferral/services?page=$(( pages / 2 ))&per_page=50"
    "$base/openreferral/services?page=$pages&per_page=50" "$base/openreferral/services?search=english&per_page=50"
    "$base/openreferral/services?search=football%20coldhurst&per_page=50&page=2")
  for clients in 1 "$CLIENTS"; do
    for url in "${urls[@]}"; do
      busy="$(cpu_busy)" load="$(cut -d' ' -f1 /proc/loadavg)"
      out="$BENCH_TMP/load-$label-$clients.txt"
      dotnet "$LOAD_DLL" --url "$url" -c "$clients" -d 3 -w 0 >/dev/null 2>&1 || true # warm-up, not recorded
      app0="$(cpu_s "$SERVER_PID")" db0="$(pg_cpu_s)"
      if (( clients == 1 )); then
        dotnet "$LOAD_DLL" --url "$url" -c 1 -d "$SECONDS_PER_URL" -w 0 --target-p95 50 >"$out" 2>&1 || true
      else
        dotnet "$LOAD_DLL" --url "$url" -c "$clients" -d "$SECONDS_PER_URL" -w 0 >"$out" 2>&1 || true
      fi
      app1="$(cpu_s "$SERVER_PID")" db1="$(pg_cpu_s)"
      line="$(grep '^RESULT ' "$out" || true)"
      [[ -n "$line" ]] || { cat "$out" >&2; record "GET ${url#"$base"} ($label)" "< 50 ms" "no result" "SKIPPED" "bench/oruk.sh $SERVICES"; continue; }
      for k in p50 p95 p99 rps requests errors verdict; do printf -v "$k" '%s' "$(grep -oE "(^| )$k=[^ ]*" <<<"$line" | cut -d= -f2)"; done
      cpu="$(awk -v a="$(awk -v x="$app0" -v y="$app1" 'BEGIN{print y-x}')" -v d="$(awk -v x="$db0" -v y="$db1" 'BEGIN{print y-x}')" -v n="$requests" \
        'BEGIN { if (n > 0) printf "CPU per request: app %.1f ms, database %.1f ms", 1000 * a / n, 1000 * d / n; else printf "no requests" }')"
      [[ "$label" == sqlite ]] && cpu="${cpu%%, database*} (SQLite runs in the app)"
      if (( clients == 1 )); then
        record "p95, 1 client, GET ${url#"$base"} ($label, $SERVICES services)" "< 50 ms" \
          "p95 $p95 ms (p50 $p50, p99 $p99; $requests requests, $errors errors; $cpu; load $load, CPU busy ${busy}% before)" "$verdict" "bench/oruk.sh $SERVICES"
      else
        record "p95, $clients clients, GET ${url#"$base"} ($label, $SERVICES services)" "(no target: $clients clients on $(nproc) cores queue)" \
          "p95 $p95 ms (p50 $p50, p99 $p99; $rps req/s, $requests requests, $errors errors; load $load, CPU busy ${busy}% before)" "-" "bench/oruk.sh $SERVICES"
      fi
    done
  done
  stop_server
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
  latency postgres --postgres "$cs;Application Name=cohesion-bench-oruk"
else
  record "import oruk, $SERVICES services (postgres)" "< 30 s" "not measured: no PostgreSQL at $BENCH_PG_HOST:$BENCH_PG_PORT" "SKIPPED" "bench/oruk.sh $SERVICES"
fi
