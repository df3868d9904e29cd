#!/usr/bin/env bash
# Issue 3: `cohesion import registrations` of a generated GP extract for Oldham (rows given, default 10
# million) into a fresh SQLite database and a fresh PostgreSQL database (skipped when no server answers,
# see lib.sh), monthly periods 2017-01 to 2025-12, suppression K = 10. Each database is prepared first with
# the Oldham areas and the owner organisation; the time is the whole import command, process start to exit,
# and rows/s = extract rows / that time. Target: at least 1,000,000 rows/s on both.
# The extract is cached in BENCH_CACHE (default /tmp/cohesion-bench) so reruns skip generating it.
# Usage: bench/import-change.sh [ROWS] [RUNS]   (defaults 10000000 3)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROWS="${1:-10000000}"
RUNS="${2:-3}"
require_built
CACHE="${BENCH_CACHE:-/tmp/cohesion-bench}"
mkdir -p "$CACHE"
EXTRACT="$CACHE/gp-oldham-$ROWS-seed42.csv"
[[ -f "$EXTRACT" ]] || { log "generating $ROWS rows"; dotnet "$APP_DLL" generate registrations --place Oldham --rows "$ROWS" --seed 42 --output "$EXTRACT" >&2; }
OWNER="Oldham GP Federation"

prepare() { # DATABASE ARGS...: Oldham's areas and the owner organisation
  dotnet "$APP_DLL" import census2011 --district Oldham "$@" >/dev/null 2>&1 || die "preparing the database failed"
  dotnet "$APP_DLL" users add --email bench@gp.example --organisation "$OWNER" --kind Nhs "$@" >/dev/null 2>&1 || die "adding the owner failed"
}

run_import() { # LABEL ARGS...: prints rows per second
  local label="$1"; shift
  local out="$BENCH_TMP/import-$label.log" t0 ms
  t0="$(now_ns)"
  dotnet "$APP_DLL" import registrations "$EXTRACT" --source gp --dataset gp-bench --owner "$OWNER" --period month \
    --from 2017-01-01 --to 2025-12-31 --extract-date 2025-12-31 --suppress 10 "$@" >"$out" 2>&1 || { cat "$out" >&2; die "$label: the import failed"; }
  ms="$(ms_between "$t0" "$(now_ns)")"
  log "  $label: $ms ms; $(head -1 "$out")"
  awk -v r="$ROWS" -v ms="$ms" 'BEGIN { printf "%d", r / (ms / 1000) }'
}

summary() { # LABEL RATES...
  local label="$1"; shift
  local m
  m="$(median "$@")"
  log "$label: median $m rows/s over $# runs: $*"
  record "import registrations, $ROWS rows, $label" ">= 1,000,000 rows/s" "median $m rows/s ($# runs)" "$(awk -v m="$m" 'BEGIN { print (m >= 1000000 ? "PASS" : "MISS") }')" "bench/import-change.sh $ROWS $RUNS"
}

note_load
sqlite=()
for i in $(seq 1 "$RUNS"); do
  db="$BENCH_TMP/change-$i.db"
  prepare --database "$db"
  sqlite+=("$(run_import "sqlite-$i" --database "$db")")
  rm -f "$db" "$db-wal" "$db-shm"
done
summary SQLite "${sqlite[@]}"

if postgres_available; then
  pg=()
  for i in $(seq 1 "$RUNS"); do
    cs="$(create_pg_db "cohesion_bench_change_$i")"
    prepare --postgres "$cs"
    pg+=("$(run_import "postgres-$i" --postgres "$cs")")
  done
  summary PostgreSQL "${pg[@]}"
else
  log "PostgreSQL: no server at $BENCH_PG_HOST:$BENCH_PG_PORT, skipped"
fi
