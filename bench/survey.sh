#!/usr/bin/env bash
# Issue 5: `cohesion survey estimate` on a synthetic survey of 200,000 responses (bench/analyst/survey_generate.py:
# 20 strata, 2,000 clusters, weights, three margins — age 6 bands, sex, ethnic group 5 — and 1,000 domains),
# and the same work in R survey (bench/analyst/survey.R) in the same run:
#   (a) raking to the three margins                                               target < 1 s
#   (b) the mean with linearised SEs (raking residuals) for each of the 1,000 domains   target < 2 s
#   (c) R: rake() with its default control, svymean, and svyby(svymean) on the first BENCH_SURVEY_R_DOMAINS
#       domains (default 20; all 1,000 would take R about 20 minutes), scaled to 1,000; the ratio to ours, and
#       how far R's figures for those domains are from ours
# Targets are judged on the in-process times the CLI reports (weighting; estimation); end-to-end times (process
# start to exit, reading the 10 MB CSV included) are recorded beside them. Median of RUNS runs each.
# Usage: bench/survey.sh [RUNS]   (default 3; BENCH_NO_BUILD=1 uses the Release build as it is;
#        BENCH_SURVEY_ROWS=200000; data kept in BENCH_DATA_DIR, default /tmp/cohesion-bench)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
ROWS="${BENCH_SURVEY_ROWS:-200000}"
R_DOMAINS="${BENCH_SURVEY_R_DOMAINS:-20}"
DATA_DIR="${BENCH_DATA_DIR:-/tmp/cohesion-bench}"
prepare_release

mkdir -p "$DATA_DIR"
INPUT="$DATA_DIR/survey-$ROWS-seed1.csv"
if [[ ! -s "$INPUT" || ! -s "$INPUT.margins" ]]; then
  log "generating $ROWS responses into $INPUT"
  python3 "$BENCH_DIR/analyst/survey_generate.py" "$ROWS" 1 "$INPUT.tmp" "$INPUT.margins" && mv "$INPUT.tmp" "$INPUT"
fi
MARGINS="$(cat "$INPUT.margins")"
ours=(dotnet "$APP_DLL" survey estimate --input "$INPUT" --strata stratum --clusters psu --weights w --rake "$MARGINS" --mean y)

# The seconds a step took inside the CLI: the "in X s" of the log line that starts with PREFIX.
phase() { grep -h "^$2" "$1" | sed -E 's/.* in ([0-9.]+) s.*/\1/' | head -1; }
to_ms() { awk -v s="$1" 'BEGIN { printf "%d", s * 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print (b > 0 ? sprintf("%.0f", a / b) : "n/a") }'; }

declare -A PHASE TOTAL # label -> median ms
# measure LABEL TARGET_MS PHASE_PREFIX ARGS...: RUNS runs of ours; the target applies to the in-process phase.
measure() {
  local label="$1" limit="$2" prefix="$3"; shift 3
  local times=() phases=() i r ms rss m p
  log "$label: $RUNS runs"
  note_load
  for i in $(seq 1 "$RUNS"); do
    r="$(timed "run $i" "$BENCH_TMP/$label-$i" "${ours[@]}" "$@")"; read -r ms rss <<<"$r"
    times+=("$ms") phases+=("$(to_ms "$(phase "$BENCH_TMP/$label-$i.log" "$prefix")")")
  done
  m="$(median "${times[@]}")" p="$(median "${phases[@]}")"
  PHASE["$label"]="$p" TOTAL["$label"]="$m"
  log "  $(grep -h '^Weights\|^Estimated' "$BENCH_TMP/$label-1.log" | tr '\n' ' ')"
  record "$label" "< $(secs "$limit") s" "in process median $(secs "$p") s (${phases[*]} ms); end to end median $(secs "$m") s (${times[*]} ms), peak $rss MB" \
    "$(verdict_below "$p" "$limit")" "bench/survey.sh $RUNS"
}

measure "a: raking $ROWS responses to 3 margins" 1000 "Weights:" --output "$BENCH_TMP/a.csv"
measure "b: mean and linearised SE for 1,000 domains (raked design)" 2000 "Estimated" --by domain --output "$BENCH_TMP/b.csv"

if ! command -v Rscript >/dev/null || ! Rscript -e 'quit(status = !requireNamespace("survey", quietly = TRUE))' >/dev/null 2>&1; then
  record "c: R survey, same work" "ratio" "not measured: apt-get install -y r-cran-survey" "SKIPPED" "bench/survey.sh $RUNS"
  exit 0
fi
version="R $(Rscript -e 'cat(as.character(getRversion()))') survey $(Rscript -e 'cat(as.character(packageVersion("survey")))')"
log "R survey ($version), svyby on $R_DOMAINS of 1,000 domains: $RUNS runs"
note_load
rakes=() bys=() reads=()
for i in $(seq 1 "$RUNS"); do
  Rscript "$BENCH_DIR/analyst/survey.R" "$INPUT" "$INPUT.margins" "$R_DOMAINS" "$BENCH_TMP/r.csv" >"$BENCH_TMP/r-$i.out" 2>"$BENCH_TMP/r-$i.log" \
    || { cat "$BENCH_TMP/r-$i.log" >&2; die "R run $i failed"; }
  log "  run $i: $(tr '\n' ' ' <"$BENCH_TMP/r-$i.out")"
  rakes+=("$(to_ms "$(awk '$1 == "rake" {print $2}' "$BENCH_TMP/r-$i.out")")")
  bys+=("$(to_ms "$(awk '$1 == "svyby" {print $2}' "$BENCH_TMP/r-$i.out")")")
  reads+=("$(to_ms "$(awk '$1 == "read" {print $2}' "$BENCH_TMP/r-$i.out")")")
done
r_rake="$(median "${rakes[@]}")" r_by="$(median "${bys[@]}")" r_read="$(median "${reads[@]}")"
r_by_all="$(awk -v ms="$r_by" -v k="$R_DOMAINS" 'BEGIN { printf "%d", ms * 1000 / k }')"
# Agreement: R's estimates and SEs for its domains against ours (R stops raking when no cell changes by 1 or more).
agreement="$(awk -F, 'NR == FNR { if (FNR > 1) { gsub(/"/, ""); e[$1] = $2; s[$1] = $3 } next }
  FNR > 1 && ($1 in e) { n++; a = ($2 - e[$1]) / e[$1]; b = ($3 - s[$1]) / s[$1]; if (a < 0) a = -a; if (b < 0) b = -b; if (a > m) m = a; if (b > m) m = b }
  END { printf "%d domains, largest relative difference %.1e", n, m }' "$BENCH_TMP/r.csv" "$BENCH_TMP/b.csv")"
a_ms="${PHASE["a: raking $ROWS responses to 3 margins"]}"
b_ms="${PHASE["b: mean and linearised SE for 1,000 domains (raked design)"]}"
b_total="${TOTAL["b: mean and linearised SE for 1,000 domains (raked design)"]}"
r_whole=$(( r_read + r_rake + r_by_all ))
record "c: R rake() (default control)" "ratio" "median $(secs "$r_rake") s (${rakes[*]} ms) = $(ratio "$r_rake" "$a_ms")x ours (a)" "INFO" "bench/survey.sh $RUNS"
record "c: R svyby(svymean), $R_DOMAINS domains timed, 1,000 estimated" "ratio" \
  "median $(secs "$r_by") s for $R_DOMAINS (${bys[*]} ms) -> $(secs "$r_by_all") s for 1,000 = $(ratio "$r_by_all" "$b_ms")x ours (b); $agreement; $version" "INFO" "bench/survey.sh $RUNS"
record "c: R read.csv + rake() + svyby for 1,000 (estimated) against ours (b) end to end" "ratio" \
  "$(secs "$r_whole") s against $(secs "$b_total") s = $(ratio "$r_whole" "$b_total")x" "INFO" "bench/survey.sh $RUNS"
