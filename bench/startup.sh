#!/usr/bin/env bash
# Issue 2, targets 1 and 2: time from starting `cohesion serve` until GET /api/v1/areas?pageSize=1
# answers 200, measured from just before the process is launched (so it includes the .NET host start).
#   first start: an empty SQLite file, so the time includes the migrations, the demo seed and the first admin
#   warm start:  the database the first start left behind (migrated and seeded)
#   demo change data: on first start the synthetic GP and school extracts are generated and imported in the
#                background after the app listens; the time until the server logs that they are seeded
#                is reported too (the first start's stop waits for it so the warm starts find them)
# Usage: bench/startup.sh [RUNS]   (default 5 of each; needs a build: dotnet build -c Release src/Cohesion)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-5}"
require_built

first=() warm=() change=()
log "startup: $RUNS first starts on an empty database, then $RUNS starts on the seeded one"
note_load
for i in $(seq 1 "$RUNS"); do
  db="$BENCH_TMP/first-$i.db" port="$(free_port)"
  start_server "$BENCH_TMP/first-$i.log" --urls "http://127.0.0.1:$port" --database "$db"
  ms="$(wait_ready "http://127.0.0.1:$port/api/v1/areas?pageSize=1" 120)" || { cat "$BENCH_TMP/first-$i.log" >&2; die "first start $i failed"; }
  grep -q "Seeded the demo place" "$BENCH_TMP/first-$i.log" || die "first start $i did not seed the demo place"
  log "  first start $i: $ms ms"
  first+=("$ms")
  deadline=$(( $(date +%s) + 300 ))
  until grep -q "Seeded synthetic GP registrations" "$BENCH_TMP/first-$i.log"; do
    (( $(date +%s) < deadline )) || die "first start $i: demo change data not seeded after 300 s"
    sleep 0.05
  done
  cms="$(ms_between "$SERVER_START_NS" "$(now_ns)")"
  log "  first start $i: demo change data seeded after $cms ms"
  change+=("$cms")
  stop_server
done
seeded="$BENCH_TMP/first-1.db"
for i in $(seq 1 "$RUNS"); do
  port="$(free_port)"
  start_server "$BENCH_TMP/warm-$i.log" --urls "http://127.0.0.1:$port" --database "$seeded"
  ms="$(wait_ready "http://127.0.0.1:$port/api/v1/areas?pageSize=1" 60)" || { cat "$BENCH_TMP/warm-$i.log" >&2; die "warm start $i failed"; }
  stop_server
  grep -q "Seeded the demo place\|Preparing the demo" "$BENCH_TMP/warm-$i.log" && die "warm start $i seeded again"
  log "  warm start $i: $ms ms"
  warm+=("$ms")
done

wm="$(median "${warm[@]}")" wx="$(maximum "${warm[@]}")" fm="$(median "${first[@]}")" fx="$(maximum "${first[@]}")"
echo "warm start (seeded SQLite) to ready: median $wm ms, max $wx ms over $RUNS runs: ${warm[*]}"
cm="$(median "${change[@]}")"
echo "first start: demo change data seeded in the background after median $cm ms: ${change[*]}"
echo "first start (empty SQLite, migrate + seed) to ready: median $fm ms, max $fx ms over $RUNS runs: ${first[*]}"
record "Serve to ready, seeded SQLite database" "< 2 s" "median $(awk -v m="$wm" 'BEGIN{printf "%.2f", m/1000}') s, max $(awk -v m="$wx" 'BEGIN{printf "%.2f", m/1000}') s ($RUNS runs)" "$(verdict_below "$wx" 2000)" "bench/startup.sh $RUNS"
record "First start: empty SQLite to ready (migrations + demo seed)" "< 15 s" "median $(awk -v m="$fm" 'BEGIN{printf "%.2f", m/1000}') s, max $(awk -v m="$fx" 'BEGIN{printf "%.2f", m/1000}') s ($RUNS runs)" "$(verdict_below "$fx" 15000)" "bench/startup.sh $RUNS"
record "First start: demo change data (800,000 synthetic rows) seeded in the background" "-" "median $(awk -v m="$cm" 'BEGIN{printf "%.1f", m/1000}') s after process start ($RUNS runs)" "-" "bench/startup.sh $RUNS"
