#!/usr/bin/env bash
# Issue 2, target 3: `cohesion import census2011 --all` (34,753 LSOAs, 7,201 MSOAs, 348 districts,
# regions and nations, 556,048 counts, plus the sums for larger areas) in one transaction.
# Wall time of the whole command, process start to exit:
#   - into a fresh SQLite database (RUNS times)
#   - into a fresh PostgreSQL database (RUNS times; skipped when no server answers, see lib.sh)
#   - into a SQLite database the app has already seeded with the demo place (what a user does after
#     `dotnet run`: once)
# Usage: bench/import.sh [RUNS]   (default 3)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
require_built

# run_import LABEL ARGS...: times one import, checks it loaded everything; prints the milliseconds.
run_import() {
  local label="$1"; shift
  local out="$BENCH_TMP/import-$label.log" t0 ms
  t0="$(now_ns)"
  if ! dotnet "$APP_DLL" import census2011 --all "$@" >"$out" 2>&1; then
    log "  $label: the import failed:"; grep -v '^   at ' "$out" | head -5 >&2
    return 1
  fi
  ms="$(ms_between "$t0" "$(now_ns)")"
  grep -q "Loaded 42,313 areas and 556,048 Census 2011 counts" "$out" || { cat "$out" >&2; die "$label: unexpected output"; }
  log "  $label: $ms ms ($(grep -o 'counts ([0-9.]* s)' "$out"))"
  echo "$ms"
}

summary() { # LABEL TIMES...
  local label="$1"; shift
  local m x
  m="$(median "$@")" x="$(maximum "$@")"
  echo "$label: median $m ms, max $x ms over $# runs: $*" >&2
  echo "median $(awk -v m="$m" 'BEGIN{printf "%.1f", m/1000}') s, max $(awk -v m="$x" 'BEGIN{printf "%.1f", m/1000}') s ($# runs)|$(verdict_below "$x" 20000)"
}

log "import census2011 --all: $RUNS runs into fresh SQLite databases"
note_load
sqlite=()
for i in $(seq 1 "$RUNS"); do
  sqlite+=("$(run_import "sqlite-$i" --database "$BENCH_TMP/import-$i.db")")
  rm -f "$BENCH_TMP/import-$i.db"*
done
IFS='|' read -r result verdict <<<"$(summary "SQLite, fresh database" "${sqlite[@]}")"
record "Import census2011 --all, fresh SQLite" "< 20 s" "$result" "$verdict" "bench/import.sh $RUNS"

if postgres_available; then
  log "import census2011 --all: $RUNS runs into fresh PostgreSQL databases on $BENCH_PG_HOST:$BENCH_PG_PORT"
  note_load
  pg=()
  for i in $(seq 1 "$RUNS"); do
    cs="$(create_pg_db "cohesion_bench_import_$$_$i")"
    pg+=("$(run_import "postgres-$i" --postgres "$cs")")
    psql_admin -qc "DROP DATABASE IF EXISTS \"cohesion_bench_import_$$_$i\"" >/dev/null
  done
  IFS='|' read -r result verdict <<<"$(summary "PostgreSQL, fresh database" "${pg[@]}")"
  record "Import census2011 --all, fresh PostgreSQL 15" "< 20 s" "$result" "$verdict" "bench/import.sh $RUNS"
else
  log "PostgreSQL not reachable at $BENCH_PG_HOST:$BENCH_PG_PORT as $BENCH_PG_USER: skipped"
  record "Import census2011 --all, fresh PostgreSQL" "< 20 s" "not measured: no server" "SKIPPED" "bench/import.sh $RUNS"
fi

log "import census2011 --all into a database the app has seeded (demo place Oldham)"
note_load
make_seeded_db "$BENCH_TMP/seeded.db"
if ms="$(run_import "sqlite-seeded" --database "$BENCH_TMP/seeded.db")"; then
  record "Import census2011 --all, SQLite already seeded with Oldham" "< 20 s" "$(awk -v m="$ms" 'BEGIN{printf "%.1f", m/1000}') s (1 run)" "$(verdict_below "$ms" 20000)" "bench/import.sh $RUNS"
else
  reason="$(grep -m1 -o "SQLite Error [0-9]*: '[^']*'" "$BENCH_TMP/import-sqlite-seeded.log" || echo "see the log")"
  record "Import census2011 --all, SQLite already seeded with Oldham" "< 20 s" "fails: $reason" "FAIL" "bench/import.sh $RUNS"
fi
