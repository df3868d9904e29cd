#!/usr/bin/env bash
# Issue 7: `cohesion detect` — Noufaily (b 5, w 3, 10 seasonal levels, nbPlugin bound) over 10,000 weekly series of
# 364 weeks, every week of the last year (52 × 10,000 = 520,000 detections), target < 10 s on 2 cores; and R
# surveillance's farringtonFlexible with the same settings on the first BENCH_DETECT_R_SERIES series (default 20)
# in the same run: seconds per series, the ratio to ours, and whether its bounds and alarms agree with ours.
# The series (bench/analyst/detect_generate.py) mix what tension monitoring has: 70% sparse (0.05–0.45 a week),
# the rest busier and seasonal, 5% with a recent outbreak; weeks with no cases are left out of the file.
# Usage: bench/detect.sh [RUNS]   (default 3; BENCH_NO_BUILD=1 uses the Release build as it is;
#        BENCH_DETECT_SERIES=10000; data kept in BENCH_DATA_DIR, default /tmp/cohesion-bench)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
SERIES="${BENCH_DETECT_SERIES:-10000}"
WEEKS=364
R_SERIES="${BENCH_DETECT_R_SERIES:-20}"
DATA_DIR="${BENCH_DATA_DIR:-/tmp/cohesion-bench}"
prepare_release

mkdir -p "$DATA_DIR"
INPUT="$DATA_DIR/detect-$SERIES-$WEEKS.csv"
if [[ ! -s "$INPUT" ]]; then
  log "generating $SERIES series × $WEEKS weeks into $INPUT"
  python3 "$BENCH_DIR/analyst/detect_generate.py" "$SERIES" "$WEEKS" "$INPUT.tmp" && mv "$INPUT.tmp" "$INPUT"
fi
FIRST=$(( WEEKS - 51 ))
ours=(dotnet "$APP_DLL" detect --input "$INPUT" --series series --time week --count count --method noufaily --b 5 --w 3 --range "$FIRST:$WEEKS")

phase() { grep -h "$2" "$1" | sed -E 's/.* in ([0-9.]+) s.*/\1/' | head -1; }
to_ms() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000 }'; }

log "ours: $RUNS runs"
note_load
times=() phases=()
for i in $(seq 1 "$RUNS"); do
  r="$(timed "run $i" "$BENCH_TMP/ours-$i" "${ours[@]}" --output "$BENCH_TMP/ours.csv")"; read -r ms rss <<<"$r"
  times+=("$ms") phases+=("$(to_ms "$(phase "$BENCH_TMP/ours-$i.log" "times ×")")")
done
p="$(median "${phases[@]}")" m="$(median "${times[@]}")"
log "  $(grep -h 'times ×' "$BENCH_TMP/ours-1.log")"
record "detect: Noufaily b 5 w 3 over $SERIES series × 52 weeks" "< 10 s" \
  "detection median $(secs "$p") s (${phases[*]} ms); end to end (reading the $(du -h "$INPUT" | cut -f1) CSV, writing 520,000 rows) median $(secs "$m") s (${times[*]} ms), peak $rss MB" \
  "$(verdict_below "$p" 10000)" "bench/detect.sh $RUNS"

if ! command -v Rscript >/dev/null || ! Rscript -e 'quit(status = !requireNamespace("surveillance", quietly = TRUE))' >/dev/null 2>&1; then
  record "detect: R surveillance, same work" "ratio" "not measured: apt-get install -y r-cran-surveillance" "SKIPPED" "bench/detect.sh $RUNS"
  exit 0
fi
version="R $(Rscript -e 'cat(as.character(getRversion()))') surveillance $(Rscript -e 'cat(as.character(packageVersion("surveillance")))')"
log "R ($version) on the first $R_SERIES series"
note_load
Rscript "$BENCH_DIR/analyst/detect.R" "$INPUT" "$WEEKS" "$R_SERIES" "$FIRST" "$WEEKS" "$BENCH_TMP/r.csv" >"$BENCH_TMP/r.out" 2>"$BENCH_TMP/r.log" \
  || { cat "$BENCH_TMP/r.log" >&2; die "R failed"; }
r_secs="$(awk '{print $4}' "$BENCH_TMP/r.out")"
per_series_r="$(awk -v s="$r_secs" -v n="$R_SERIES" 'BEGIN { printf "%.3f", s / n }')"
per_series_ours="$(awk -v ms="$p" -v n="$SERIES" 'BEGIN { printf "%.5f", ms / 1000 / n }')"
ratio="$(awk -v a="$per_series_r" -v b="$per_series_ours" 'BEGIN { printf "%.0f", a / b }')"
# Agreement on R's series: same alarms, bounds equal (nbPlugin bounds are whole numbers).
agreement="$(awk -F, 'NR == FNR { if (FNR > 1) { gsub(/"/, ""); k = $1 "," $2; u[k] = $3; a[k] = $4 } next }
  FNR > 1 { k = $1 "," $2; if (k in u) { n++; if (u[k] != $5) du++; if ((a[k] == "TRUE") != ($6 == "TRUE")) da++ } }
  END { printf "%d weeks compared: %d bounds and %d alarms differ", n, du, da }' "$BENCH_TMP/r.csv" "$BENCH_TMP/ours.csv")"
record "detect: R farringtonFlexible, same settings, $R_SERIES series" "≥ 50× slower" \
  "$(printf '%.1f' "$r_secs") s = $per_series_r s a series against ours $per_series_ours s a series: ${ratio}x; $agreement; $version" \
  "$(awk -v r="$ratio" 'BEGIN { print (r >= 50 ? "PASS" : "MISS") }')" "bench/detect.sh $RUNS"
