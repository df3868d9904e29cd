#!/usr/bin/env bash
# Issue 3: `cohesion change` on generated GP extracts for Oldham, end to end (process start to exit: read,
# aggregate, disclosure control, write the CSV), and the same aggregation the way an analyst would do it
# (DuckDB from npm; R data.table when installed), in the same run.
#   - extracts of 1M, 10M and 30M rows (fixed seeds), made once and kept in $BENCH_DIR (default
#     /tmp/cohesion-bench; about 3 GB)
#   - `cohesion change --period month --extract-date 2025-12-31` (so months 2021-01 to 2025-12), exact and
#     --suppress 10, RUNS times each: rows/s end to end and peak memory (max RSS from /usr/bin/time)
#   - DuckDB (bench/analyst/duckdb-change.mjs) and data.table (bench/analyst/datatable-change.R) on the 10M
#     extract, RUNS times each, and the ratio of their median time to ours
#   - that their figures agree with ours: every non-zero cell on 1M rows, totals per month on 10M
# Usage: bench/change.sh [RUNS]   (default 3; BENCH_CHANGE_ROWS="1000000 10000000" for fewer sizes)
DATA_DIR="${BENCH_DIR:-/tmp/cohesion-bench}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
SIZES=(${BENCH_CHANGE_ROWS:-1000000 10000000 30000000})
ANALYST_ROWS="${BENCH_ANALYST_ROWS:-10000000}"
THREADS="$(nproc)"
FIRST=2021-01 LAST=2025-12
require_built
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: apt-get install -y time"
mkdir -p "$DATA_DIR"

extract() { # ROWS: the path of the extract, generated once
  local rows="$1" f="$DATA_DIR/gp-oldham-$1-seed1.csv"
  if [[ ! -s "$f" ]]; then
    log "generating $rows rows into $f"
    dotnet "$APP_DLL" generate registrations --place Oldham --rows "$rows" --seed 1 --output "$f.tmp" >&2 && mv "$f.tmp" "$f"
  fi
  echo "$f"
}

# Totals per month, measure and characteristic, or every non-zero cell, of a long CSV, leaving out what
# only cohesion writes (age bands and churn), sorted.
totals() { awk -F, 'NR > 1 && $3 != "churn_per_1000" && $4 != "age_band" { t[$2 "," $3 "," $4] += $6 } END { for (k in t) print k "," t[k] }' "$1" | sort; }
cells() { awk -F, 'NR > 1 && $3 != "churn_per_1000" && $4 != "age_band" && $6 != 0 { print $1 "," $2 "," $3 "," $4 "," $5 "," $6 }' "$1" | LC_ALL=C sort; }

declare -A OURS # "ROWS policy" -> median ms
for rows in "${SIZES[@]}"; do
  input="$(extract "$rows")"
  for policy in exact suppress; do
    args=(change --input "$input" --source gp --period month --extract-date 2025-12-31 --output "$BENCH_TMP/ours-$rows-$policy.csv")
    [[ "$policy" == suppress ]] && args+=(--suppress 10)
    log "cohesion change, $rows rows, $policy: $RUNS runs"
    note_load
    times=() peaks=()
    for i in $(seq 1 "$RUNS"); do
      r="$(timed "run $i" "$BENCH_TMP/ours-$rows-$policy-$i" dotnet "$APP_DLL" "${args[@]}")"; read -r ms rss <<<"$r"
      times+=("$ms") peaks+=("$rss")
    done
    m="$(median "${times[@]}")" peak="$(maximum "${peaks[@]}")"
    OURS["$rows $policy"]="$m"
    log "  $(grep -h '^Read\|^Wrote' "$BENCH_TMP/ours-$rows-$policy-1.log" | tr '\n' ' ')"
    record "cohesion change, $rows rows, $policy" ">= 2 M rows/s; < 500 MB" \
      "median $(secs "$m") s = $(rate "$rows" "$m") M rows/s; peak $peak MB ($RUNS runs: ${times[*]} ms)" \
      "$(awk -v r="$(rate "$rows" "$m")" -v p="$peak" 'BEGIN { print (r >= 2 && p < 500 ? "PASS" : "MISS") }')" "bench/change.sh $RUNS"
  done
done

# The analysts' tools, on the same extract, with as many threads as we use.
input="$(extract "$ANALYST_ROWS")"
ours="${OURS["$ANALYST_ROWS exact"]:-}"

# analyst NAME VERSION COMMAND...: times COMMAND INPUT OUTPUT FIRST LAST THREADS RUNS times, records its median
# and its ratio to ours (exact counts), and checks its totals against ours.
analyst() {
  local name="$1" version="$2" out="$BENCH_TMP/$1.csv" times=() peaks=() i r ms rss m ratio
  shift 2
  log "$name, $ANALYST_ROWS rows: $RUNS runs"
  note_load
  for i in $(seq 1 "$RUNS"); do
    r="$(timed "run $i" "$BENCH_TMP/$name-$i" "$@" "$input" "$out" "$FIRST" "$LAST" "$THREADS")"; read -r ms rss <<<"$r"
    times+=("$ms") peaks+=("$rss")
  done
  m="$(median "${times[@]}")"
  ratio="$(awk -v a="$m" -v b="${ours:-0}" 'BEGIN { print (b > 0 ? sprintf("%.1f", a / b) : "n/a") }')"
  record "$name $version, $ANALYST_ROWS rows" "cohesion faster" \
    "median $(secs "$m") s, peak $(maximum "${peaks[@]}") MB; cohesion (exact) ${ours:+$(secs "$ours") s}; $name takes $ratio x as long" \
    "$(awk -v a="$m" -v b="${ours:-0}" 'BEGIN { print (b > 0 && b < a ? "PASS" : "MISS") }')" "bench/change.sh $RUNS"
  [[ -f "$BENCH_TMP/ours-$ANALYST_ROWS-exact.csv" ]] || return 0
  diff <(totals "$BENCH_TMP/ours-$ANALYST_ROWS-exact.csv") <(totals "$out") >/dev/null || die "$name's totals differ from ours"
  log "  $name's totals per month, measure and characteristic equal ours"
}

if command -v node >/dev/null; then
  if [[ ! -d "$BENCH_DIR/node_modules/@duckdb/node-api" || "$BENCH_DIR/package-lock.json" -nt "$BENCH_DIR/node_modules/.package-lock.json" ]]; then
    log "npm ci in bench/ (DuckDB)"
    (cd "$BENCH_DIR" && npm ci --no-audit --no-fund >&2)
  fi
  analyst DuckDB "$(node -p "require('$BENCH_DIR/node_modules/@duckdb/node-api/package.json').version")" node "$BENCH_DIR/analyst/duckdb-change.mjs"
else
  record "DuckDB" "cohesion faster" "not measured: no node" "SKIPPED" "bench/change.sh $RUNS"
fi
if command -v Rscript >/dev/null && Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  analyst data.table "$(Rscript -e 'cat(format(packageVersion("data.table")))')" Rscript "$BENCH_DIR/analyst/datatable-change.R"
else
  record "R data.table" "cohesion faster" "not measured: Rscript or data.table missing (apt-get install r-cran-data.table)" "SKIPPED" "bench/change.sh $RUNS"
fi

# Like for like, cell by cell, on the smallest extract (quick).
small="${SIZES[0]}"
if [[ -f "$BENCH_TMP/ours-$small-exact.csv" ]] && command -v node >/dev/null; then
  node "$BENCH_DIR/analyst/duckdb-change.mjs" "$(extract "$small")" "$BENCH_TMP/duckdb-small.csv" "$FIRST" "$LAST" "$THREADS" 2>/dev/null
  cmp -s <(cells "$BENCH_TMP/ours-$small-exact.csv") <(cells "$BENCH_TMP/duckdb-small.csv") \
    && log "every non-zero cell of DuckDB's $small-row figures equals ours" || die "DuckDB's $small-row figures differ from ours"
fi
