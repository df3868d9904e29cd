# Shared helpers for the end-to-end benchmark scripts; sourced, not run.
# Everything binds or targets 127.0.0.1 only. Each script that sources this gets its own temporary
# directory and, on exit (normal, error or Ctrl+C), stops the servers it started (by pid) and removes
# the directory and any PostgreSQL database it created.

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH_DIR/.." && pwd)"
CONFIG="${BENCH_CONFIGURATION:-Release}"
APP_DLL="$REPO/src/Cohesion/bin/$CONFIG/net10.0/cohesion.dll"
LOAD_DLL="$REPO/bench/Cohesion.Load/bin/$CONFIG/net10.0/cohesion-load.dll"
# Results are appended here as tab-separated lines: measure, target, result, verdict, command.
BENCH_RESULTS="${BENCH_RESULTS:-}"
# PostgreSQL for the import benchmark: a server on this machine that the postgres user can reach (no password or PGPASSWORD).
BENCH_PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
BENCH_PG_PORT="${BENCH_PG_PORT:-55432}"
BENCH_PG_USER="${BENCH_PG_USER:-postgres}"

BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/cohesion-bench.XXXXXX")"
BENCH_PIDS=()
BENCH_PG_DBS=()

bench_cleanup() {
  local pid db
  for pid in "${BENCH_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && { kill -TERM "$pid" 2>/dev/null || true; }
  done
  for pid in "${BENCH_PIDS[@]:-}"; do
    [[ -n "$pid" ]] || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid" 2>/dev/null || true; }
  done
  # WITH (FORCE): a backend of the server just stopped may still be closing, and a plain DROP then fails and leaves the database behind.
  for db in "${BENCH_PG_DBS[@]:-}"; do
    [[ -n "$db" ]] && psql_admin -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$BENCH_TMP"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Builds the Release app (unless BENCH_NO_BUILD is set), checks it and /usr/bin/time are there, and logs the
# load and the commit that the figures belong to.
prepare_release() {
  [[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: apt-get install -y time"
  if [[ -z "${BENCH_NO_BUILD:-}" ]]; then
    log "building Release"
    dotnet build -c Release "$REPO/src/Cohesion" -v quiet -nologo >&2
  fi
  require_built
  log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; commit $(git -C "$REPO" rev-parse --short HEAD)"
}

require_built() {
  [[ -f "$APP_DLL" ]] || die "$APP_DLL is missing: run dotnet build -c $CONFIG src/Cohesion (bench/run-issue2.sh does)"
}

# Nanoseconds since the epoch, and the milliseconds between two such stamps.
now_ns() { date +%s%N; }
ms_between() { echo $(( ($2 - $1) / 1000000 )); }

# The median and the maximum of integers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
maximum() { printf '%s\n' "$@" | sort -n | tail -1; }

# timed LABEL OUT CMD...: runs CMD under /usr/bin/time; prints "MILLISECONDS MAX_RSS_MB"; CMD's stderr goes to OUT.log.
timed() {
  local label="$1" out="$2"; shift 2
  local t0 ms rss
  t0="$(now_ns)"
  /usr/bin/time -f 'max-rss-kb %M' -o "$out.time" "$@" 2>"$out.log" >/dev/null || { cat "$out.log" >&2; die "$label failed"; }
  ms="$(ms_between "$t0" "$(now_ns)")"
  rss="$(awk '/max-rss-kb/ {print int($2 / 1024)}' "$out.time")"
  log "  $label: $ms ms, $rss MB"
  echo "$ms $rss"
}

rate() { awk -v n="$1" -v ms="$2" 'BEGIN { printf "%.2f", n / (ms / 1000) / 1e6 }'; } # M rows/s
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

# A free TCP port on 127.0.0.1, from a range the app does not use by default.
free_port() {
  local p
  for p in $(seq 5181 5299); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  die "no free port in 5181-5299"
}

# How busy the CPUs are with other work, in percent over one second, sampled when this script's own
# servers and clients are idle: other work on this 2-core machine inflates every figure, so it is printed.
# (The load average would not do: it still counts the previous step's own 50 clients for a minute.)
cpu_busy() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
note_load() {
  local busy; busy="$(cpu_busy)"
  log "  (CPU busy with other work before this step: ${busy}%)"
  (( busy > 20 )) && log "  warning: the machine is busy (${busy}% of $(nproc) cores in use by other work); figures will be slower than on an idle machine"
  return 0
}

# start_server LOGFILE ARGS...: starts 'cohesion serve' in the background; sets SERVER_PID and SERVER_START_NS.
start_server() {
  local logfile="$1"; shift
  SERVER_START_NS="$(now_ns)"
  dotnet "$APP_DLL" serve "$@" >"$logfile" 2>&1 &
  SERVER_PID=$!
  BENCH_PIDS+=("$SERVER_PID")
}

# wait_ready URL TIMEOUT_S: polls until URL answers 200; prints the milliseconds since SERVER_START_NS.
wait_ready() {
  local url="$1" timeout="${2:-60}" deadline code
  deadline=$(( $(date +%s) + timeout ))
  while (( $(date +%s) < deadline )); do
    kill -0 "$SERVER_PID" 2>/dev/null || { log "the server exited before it was ready"; return 1; }
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)"
    if [[ "$code" == 200 ]]; then ms_between "$SERVER_START_NS" "$(now_ns)"; return 0; fi
    sleep 0.02
  done
  log "not ready after ${timeout} s: $url"
  return 1
}

stop_server() {
  local pid="${1:-$SERVER_PID}"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid" 2>/dev/null || true; }
  wait "$pid" 2>/dev/null || true
}

# A seeded SQLite database (migrated, demo place Oldham, first admin) made by starting the app once.
make_seeded_db() {
  local db="$1" port
  port="$(free_port)"
  start_server "$BENCH_TMP/seed-$port.log" --urls "http://127.0.0.1:$port" --database "$db"
  wait_ready "http://127.0.0.1:$port/api/v1/areas?pageSize=1" 120 >/dev/null || { cat "$BENCH_TMP/seed-$port.log" >&2; die "seeding $db failed"; }
  stop_server
}

psql_admin() { psql -X -h "$BENCH_PG_HOST" -p "$BENCH_PG_PORT" -U "$BENCH_PG_USER" -d postgres "$@"; }

# Whether the PostgreSQL server for the benchmarks is reachable (and on this machine).
postgres_available() {
  [[ "$BENCH_PG_HOST" == 127.0.0.1 || "$BENCH_PG_HOST" == localhost ]] || { log "BENCH_PG_HOST must be 127.0.0.1 or localhost"; return 1; }
  command -v psql >/dev/null && psql_admin -qtAc 'SELECT 1' >/dev/null 2>&1
}

# create_pg_db NAME: a fresh database, dropped again on exit; prints its connection string.
create_pg_db() {
  local name="$1"
  psql_admin -qc "DROP DATABASE IF EXISTS \"$name\"" >/dev/null
  psql_admin -qc "CREATE DATABASE \"$name\"" >/dev/null
  BENCH_PG_DBS+=("$name")
  echo "Host=$BENCH_PG_HOST;Port=$BENCH_PG_PORT;Username=$BENCH_PG_USER;Database=$name"
}

# record MEASURE TARGET RESULT VERDICT COMMAND: one line of the summary.
record() {
  printf '%s\t%s\t%s\t%s\t%s\n' "$@" >&2
  [[ -n "$BENCH_RESULTS" ]] && printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$BENCH_RESULTS"
  return 0
}

verdict_below() { awk -v x="$1" -v t="$2" 'BEGIN { print (x < t ? "PASS" : "MISS") }'; }
