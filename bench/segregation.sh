#!/usr/bin/env bash
# Issue 4: `cohesion segregation` on the Census 2011 ethnic-group table (34,753 LSOAs, 348 districts, 14 groups),
# end to end (process start to exit: read the CSV, compute, write the CSV), and the same work the way pysal
# `segregation` does it, restated in numpy/pandas (bench/analyst/segregation_numpy.py: pysal itself cannot be
# installed here), in the same run:
#   (a) all 16 indices for every district at LSOA level             target < 2 s
#   (b) multigroup Gini over all LSOAs as one unit set (no --by)    target < 5 s and < 200 MB (peak RSS)
#   (c) systematic-null inference, 999 iterations, D of every group in every district    target < 60 s
# and for numpy: (a) in full, checking every value against ours; (b) on the first 2,000/4,000/8,000 LSOAs,
# extrapolated to all (its n x n matrices need tens of GB); (c) in full, once (BENCH_NUMPY_SYSTEMATIC=0 skips it),
# vectorised over iterations, and in pysal's own loop shape (a DataFrame per iteration) on the first
# BENCH_NUMPY_LOOP_DISTRICTS districts (default 3; 0 skips it), estimated for all.
# Usage: bench/segregation.sh [RUNS]   (default 3; BENCH_NO_BUILD=1 uses the Release build as it is)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
INPUT="${BENCH_SEGREGATION_INPUT:-$REPO/../shared/data/census2011/ew2011_lsoa_ethnicity_mlid.csv}"
GROUPS_LIST=WhiteBrit,Irish,OtherWhite,Mixed,Indian,Pakistani,Bangladeshi,Chinese,OtherAsian,BlkAfrican,BlkCaribbean,OtherBlk,Arab,Other
PY=/usr/bin/python3
NUMPY="$BENCH_DIR/analyst/segregation_numpy.py"
[[ -f "$INPUT" ]] || die "$INPUT is missing (the shared data folder sits beside the repository)"
prepare_release

declare -A MEDIAN # label -> median ms
# runs LABEL TARGET_TEXT LIMIT_MS LIMIT_MB COMMAND...: RUNS timed runs; records the median and the peak memory.
runs() {
  local label="$1" target="$2" limit_ms="$3" limit_mb="$4"; shift 4
  local times=() peaks=() i r ms rss m peak
  log "$label: $RUNS runs"
  note_load
  for i in $(seq 1 "$RUNS"); do
    r="$(timed "run $i" "$BENCH_TMP/$label-$i" "$@")"; read -r ms rss <<<"$r"
    times+=("$ms") peaks+=("$rss")
  done
  m="$(median "${times[@]}")" peak="$(maximum "${peaks[@]}")"
  MEDIAN["$label"]="$m"
  log "  $(grep -h '^Read\|^Wrote' "$BENCH_TMP/$label-1.log" 2>/dev/null | tr '\n' ' ')"
  record "$label" "$target" "median $(secs "$m") s, peak $peak MB ($RUNS runs: ${times[*]} ms)" \
    "$(awk -v ms="$m" -v mb="$peak" -v lm="$limit_ms" -v lb="$limit_mb" 'BEGIN { print (ms < lm && mb < lb ? "PASS" : "MISS") }')" "bench/segregation.sh $RUNS"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print (b > 0 ? sprintf("%.1f", a / b) : "n/a") }'; }

ours=(dotnet "$APP_DLL" segregation --input "$INPUT" --unit LSOA --groups "$GROUPS_LIST")
runs "a: all indices, 348 districts" "< 2 s" 2000 100000 "${ours[@]}" --by LAD --total Persons --output "$BENCH_TMP/a.csv"
runs "b: multi_gini, 34,753 LSOAs as one set" "< 5 s, < 200 MB" 5000 200 "${ours[@]}" --indices multi_gini --output "$BENCH_TMP/b.csv"
log "  multigroup Gini of all LSOAs: $(tail -1 "$BENCH_TMP/b.csv" | cut -d, -f5)"
runs "c: systematic inference, 999 iterations, D of 14 groups x 348 districts" "< 60 s" 60000 100000 \
  "${ours[@]}" --by LAD --total Persons --indices dissimilarity --inference systematic --iterations 999 --seed 1 --output "$BENCH_TMP/c.csv"

if ! "$PY" -c 'import numpy, pandas' 2>/dev/null; then
  record "numpy re-statement of pysal" "cohesion >= 50x faster" "not measured: apt-get install -y python3-pandas" "SKIPPED" "bench/segregation.sh $RUNS"
  exit 0
fi
version="numpy $("$PY" -c 'import numpy; print(numpy.__version__)'), pandas $("$PY" -c 'import pandas; print(pandas.__version__)')"

# (a) in full, and every value compared with ours.
times=()
log "numpy (a): $RUNS runs"
note_load
for i in $(seq 1 "$RUNS"); do
  r="$(timed "run $i" "$BENCH_TMP/np-a-$i" "$PY" "$NUMPY" all "$INPUT" "$BENCH_TMP/np-a.csv")"; read -r ms rss <<<"$r"
  times+=("$ms")
done
m="$(median "${times[@]}")"
agreement="$("$PY" - "$BENCH_TMP/a.csv" "$BENCH_TMP/np-a.csv" <<'PYEOF'
import csv, sys, math
def load(p):
    return {(r["by"], r["index"], r["group"]): r["value"] for r in csv.DictReader(open(p))}
ours, theirs = load(sys.argv[1]), load(sys.argv[2])
worst, missing, both = 0.0, 0, 0
for k, v in theirs.items():
    w = ours.get(k)
    a = float(v) if v not in ("", "nan") else math.nan
    b = float(w) if w not in (None, "") else math.nan
    if math.isnan(a) or math.isnan(b):
        missing += (math.isnan(a) != math.isnan(b))
        continue
    both += 1
    worst = max(worst, abs(a - b))
print(f"{both} values compared, largest difference {worst:.1e}, {missing} defined on one side only, {len(ours) - len(theirs)} rows only in ours")
PYEOF
)"
log "  $agreement"
record "numpy (a) all indices, 348 districts" "cohesion >= 50x faster" \
  "median $(secs "$m") s ($RUNS runs: ${times[*]} ms); cohesion $(secs "${MEDIAN["a: all indices, 348 districts"]}") s: numpy takes $(ratio "$m" "${MEDIAN["a: all indices, 348 districts"]}") x as long; $agreement" \
  "$(awk -v r="$(ratio "$m" "${MEDIAN["a: all indices, 348 districts"]}")" 'BEGIN { print (r >= 50 ? "PASS" : "MISS") }')" "bench/segregation.sh $RUNS"

# (b) the n x n way on growing subsets, extrapolated by n².
for n in 2000 4000 8000; do
  f="$BENCH_TMP/np-b-$n"
  t0="$(now_ns)"
  /usr/bin/time -f 'max-rss-kb %M' -o "$f.time" "$PY" "$NUMPY" gini "$INPUT" "$n" >"$f.out" 2>"$f.log" || { cat "$f.log" >&2; die "numpy gini $n failed"; }
  ms="$(ms_between "$t0" "$(now_ns)")"
  rss="$(awk '/max-rss-kb/ {print int($2 / 1024)}' "$f.time")"
  secs_in="$(sed 's/.* seconds \([0-9.]*\) .*/\1/' "$f.out")"
  record "numpy (b) multi_gini, first $n LSOAs" "extrapolate" \
    "process $(secs "$ms") s, Gini itself $secs_in s, peak $rss MB; to 34,753 by n²: Gini $(awk -v s="$secs_in" -v n="$n" 'BEGIN { printf "%.0f", s * (34753 / n) ^ 2 }') s, peak $(awk -v m="$rss" -v n="$n" 'BEGIN { printf "%.1f", m * (34753 / n) ^ 2 / 1024 }') GB" \
    "INFO" "bench/segregation.sh $RUNS"
done

# (c) in full, once: it takes a while.
if [[ "${BENCH_NUMPY_SYSTEMATIC:-1}" != 0 ]]; then
  note_load
  r="$(timed "numpy (c)" "$BENCH_TMP/np-c" "$PY" "$NUMPY" systematic "$INPUT" "$BENCH_TMP/np-c.csv" 999 1)"; read -r ms rss <<<"$r"
  c="${MEDIAN["c: systematic inference, 999 iterations, D of 14 groups x 348 districts"]}"
  record "numpy (c) systematic inference, 999 iterations" "cohesion >= 50x faster" \
    "$(secs "$ms") s (1 run; vectorised over iterations, where pysal loops in Python), peak $rss MB; cohesion $(secs "$c") s: numpy takes $(ratio "$ms" "$c") x as long" \
    "$(awk -v r="$(ratio "$ms" "$c")" 'BEGIN { print (r >= 50 ? "PASS" : "MISS") }')" "bench/segregation.sh $RUNS"
fi
# pysal's own loop shape for (c) (a DataFrame and a D call per iteration), on the first districts, estimated for all.
if [[ "${BENCH_NUMPY_LOOP_DISTRICTS:-3}" != 0 ]]; then
  note_load
  line="$("$PY" "$NUMPY" systematic-loop "$INPUT" 999 1 "${BENCH_NUMPY_LOOP_DISTRICTS:-3}")"
  per="$(sed 's/.* per_pair \([0-9.]*\).*/\1/' <<<"$line")"
  c="${MEDIAN["c: systematic inference, 999 iterations, D of 14 groups x 348 districts"]}"
  estimate_ms="$(awk -v p="$per" 'BEGIN { printf "%.0f", p * 348 * 14 * 1000 }')"
  record "pysal-shaped loop (c), estimated" "cohesion >= 50x faster" \
    "$line; for 348 x 14: about $(awk -v ms="$estimate_ms" 'BEGIN { printf "%.0f", ms / 60000 }') min, $(ratio "$estimate_ms" "$c") x cohesion's $(secs "$c") s (an emulation of pysal's loop, not pysal)" \
    "$(awk -v r="$(ratio "$estimate_ms" "$c")" 'BEGIN { print (r >= 50 ? "PASS" : "MISS") }')" "bench/segregation.sh $RUNS"
fi
log "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
