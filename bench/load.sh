#!/usr/bin/env bash
# Issue 2, target 4: latency under 50 concurrent clients with every LSOA of England and Wales loaded,
# for the LSOA list of the API and the Oldham district overview page. The database is made the way a
# user would: start the app once (migrations, demo place Oldham E08000004), then
# `cohesion import census2011 --all`. The load tool (bench/Cohesion.Load) measures each URL on its own
# after a warm-up, and skips a URL that does not answer 200 (e.g. a page not written yet).
#
# The server runs twice: as shipped (ASP.NET Core's default Information logging, which writes several
# console lines per request), and with request logging at Warning, as a production configuration would.
#
# Usage: bench/load.sh [SECONDS] [CONCURRENCY]   (default 20 s per URL after 5 s of warm-up, 50 clients)
#   BENCH_LOAD_DB=FILE  reuse a SQLite file that already holds all LSOAs (copied, not changed)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_PER_URL="${1:-20}"
CONCURRENCY="${2:-50}"
WARMUP="${BENCH_LOAD_WARMUP:-5}"
PATHS=("/api/v1/areas?level=LSOA" "/places/E08000004")
require_built
[[ -f "$LOAD_DLL" ]] || die "$LOAD_DLL is missing: run dotnet build -c $CONFIG bench/Cohesion.Load"

db="$BENCH_TMP/all-lsoas.db"
if [[ -n "${BENCH_LOAD_DB:-}" ]]; then
  cp "$BENCH_LOAD_DB" "$db"
else
  log "load: making the database (seed the demo place, then import census2011 --all)"
  make_seeded_db "$db"
  if ! dotnet "$APP_DLL" import census2011 --all --database "$db" >"$BENCH_TMP/import.log" 2>&1; then
    if grep -q "too many SQL variables" "$BENCH_TMP/import.log"; then
      # Known defect (see docs/benchmarks.md): on a database that already has the census dataset, the
      # import asks SQLite for 34,753 codes in one IN list. Until it is fixed, remove the seeded census
      # counts first (the demo areas, wards and boundaries stay) so the import takes its first-load path.
      command -v sqlite3 >/dev/null || die "the import hit the known 'too many SQL variables' defect and sqlite3 (apt-get install sqlite3) is needed to work around it"
      log "  import census2011 --all failed with 'too many SQL variables' (known defect); removing the seeded census counts and importing again"
      sqlite3 "$db" "PRAGMA foreign_keys=ON; DELETE FROM datasets WHERE name = 'census2011-ethnicity';"
      echo "workaround" >"$BENCH_TMP/workaround"
      dotnet "$APP_DLL" import census2011 --all --database "$db" >"$BENCH_TMP/import.log" 2>&1 || { cat "$BENCH_TMP/import.log" >&2; die "import failed"; }
    else
      cat "$BENCH_TMP/import.log" >&2; die "import failed"
    fi
  fi
  grep -q "Loaded 42,313 areas" "$BENCH_TMP/import.log" || { cat "$BENCH_TMP/import.log" >&2; die "unexpected import output"; }
fi
note_db="all 34,753 LSOAs"
[[ -f "$BENCH_TMP/workaround" ]] && note_db="$note_db; census import needed the workaround for the IN-list defect"

# measure MODE ARGS...: one server run, every URL measured; records a line per URL.
measure() {
  local mode="$1"; shift
  local port base out slug
  slug="${mode// /-}"
  port="$(free_port)" base="http://127.0.0.1:$port"
  start_server "$BENCH_TMP/serve-$slug.log" --urls "$base" --database "$db" "$@"
  wait_ready "$base/api/v1/areas?pageSize=1" 60 >/dev/null || { cat "$BENCH_TMP/serve-$slug.log" >&2; die "server did not start"; }
  # The first request after start builds the in-memory directory and statistics; do it before timing.
  local urls=() p
  for p in "${PATHS[@]}"; do
    curl -s -o /dev/null --max-time 120 "$base$p" || true
    urls+=(--url "$base$p")
  done
  note_load
  out="$BENCH_TMP/load-$slug.txt"
  dotnet "$LOAD_DLL" "${urls[@]}" -c "$CONCURRENCY" -d "$SECONDS_PER_URL" -w "$WARMUP" --target-p95 100 | tee "$out" >&2 || true
  stop_server
  local line url k p95 p50 p99 rps requests errors verdict
  while read -r line; do
    url="$(sed -E 's/^RESULT url=([^ ]*).*/\1/' <<<"$line")"
    url="${url#"$base"}"
    if [[ "$line" == *skipped=* ]]; then
      record "p95, $CONCURRENCY clients, GET $url ($mode)" "< 100 ms" "not measured: $(sed -E 's/.*skipped="([^"]*)".*/\1/' <<<"$line")" "SKIPPED" "bench/load.sh $SECONDS_PER_URL $CONCURRENCY"
      continue
    fi
    for k in p50 p95 p99 rps requests errors verdict; do
      printf -v "$k" '%s' "$(grep -oE "(^| )$k=[^ ]*" <<<"$line" | cut -d= -f2)"
    done
    record "p95, $CONCURRENCY clients, GET $url ($mode)" "< 100 ms" "p95 $p95 ms (p50 $p50, p99 $p99; $rps req/s, $requests requests, $errors errors; $note_db)" "$verdict" "bench/load.sh $SECONDS_PER_URL $CONCURRENCY"
  done < <(grep '^RESULT ' "$out")
}

measure "as shipped"
measure "request logging at Warning" "--Logging:LogLevel:Microsoft.AspNetCore=Warning"
