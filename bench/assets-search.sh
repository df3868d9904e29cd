#!/usr/bin/env bash
# Issue 6: the directory search at scale. Generates SERVICES services (default 50,000: names and descriptions from word
# lists, one to three activity terms and an audience, weekly or monthly schedules, languages, 10,000 locations inside
# Oldham's real LSOA boundaries) into a fresh SQLite file and a fresh PostgreSQL database, the way a bulk import writes
# (one transaction of prepared inserts; binary COPY; the search index's one refresh before the commit), so the index
# triggers of migration 0007 run; then times QUERIES searches through AssetSearch, the code the /assets page and
# /api/v1/assets run, each with its own DbContext: first the criterion's mix, every one words + taxonomy term +
# distance from a ward (some words misspelt or unfinished), with the verdict (target p95 < 50 ms on each provider);
# then a wider mix (some without a term or a distance), reported without one. Prints the slowest searches and runs
# the three slowest again alone (BENCH_SLOWEST=N prints N).
# Usage: bench/assets-search.sh [SERVICES] [QUERIES]   (BENCH_NO_BUILD=1 uses the Release build as it is;
#        PostgreSQL from BENCH_PG_HOST/PORT/USER as for the other scripts; data in BENCH_DATA_DIR, default /tmp/cohesion-bench)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SERVICES="${1:-50000}"
QUERIES="${2:-400}"
DATA_DIR="${BENCH_DATA_DIR:-/tmp/cohesion-bench}"
BENCH="$REPO/bench/Cohesion.AssetSearch/bin/$CONFIG/net10.0/cohesion-asset-search-bench.dll"
if [[ -z "${BENCH_NO_BUILD:-}" ]]; then
  log "building Release"
  dotnet build -c Release "$REPO/bench/Cohesion.AssetSearch" -v quiet -nologo >&2
fi
[[ -f "$BENCH" ]] || die "$BENCH is missing: dotnet build -c Release bench/Cohesion.AssetSearch"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; commit $(git -C "$REPO" rev-parse --short HEAD)"
# A MISS exits 1: the load at the end is still worth printing before passing that on.
status=0
dotnet "$BENCH" --services "$SERVICES" --queries "$QUERIES" --sqlite-dir "$DATA_DIR" \
  --postgres "Host=$BENCH_PG_HOST;Port=$BENCH_PG_PORT;Username=$BENCH_PG_USER;Database=postgres" || status=$?
log "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
