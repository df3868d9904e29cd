#!/usr/bin/env bash
# Issue 2 — foundation benchmarks, all in one go on a Release build:
#   1. serve to ready on a seeded SQLite database            target < 2 s
#   2. first start: empty database to ready (migrate + seed)  target < 15 s
#   3. import census2011 --all (SQLite; PostgreSQL if a local server answers)  target < 20 s
#   4. p95 under 50 concurrent clients with all LSOAs loaded: /api/v1/areas?level=LSOA and
#      /places/E08000004                                      target < 100 ms
# Binds and targets 127.0.0.1 only; stops its own processes and removes its temporary files; takes
# about 4–5 minutes on an idle 2-core machine (more when it is busy). Prints a summary table at the end (also written to $BENCH_SUMMARY if set).
# Usage: bench/run-issue2.sh        (environment: BENCH_PG_HOST/PORT/USER, see bench/lib.sh)
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
results="$(mktemp "${TMPDIR:-/tmp}/cohesion-bench-results.XXXXXX")"
trap 'rm -f "$results"' EXIT
export BENCH_RESULTS="$results"
started=$(date +%s)

echo "Cohesion issue 2 benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(. /etc/os-release && echo "$PRETTY_NAME"); .NET SDK $(dotnet --version)"
echo "commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO" diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes in src or bench)')"
echo "build: Release (dotnet build -c Release src/Cohesion; dotnet build -c Release bench/Cohesion.Load)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (each step also prints how busy the CPUs are with other work just before it)"
echo

echo "== build (Release)"
dotnet build -c Release "$REPO/src/Cohesion" -v quiet -nologo | tail -3
dotnet build -c Release "$REPO/bench/Cohesion.Load" -v quiet -nologo | tail -3

echo "== 1, 2: startup"
"$BENCH/startup.sh" 5
echo "== 3: import census2011 --all"
"$BENCH/import.sh" 3
echo "== 4: latency under load"
"$BENCH/load.sh" 20 50

echo
echo "Summary ($(( $(date +%s) - started )) s; load average now $(cut -d' ' -f1-3 /proc/loadavg))"
{
  printf 'measure\ttarget\tresult\tverdict\tcommand\n'
  cat "$results"
} | awk -F'\t' '
  { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NR }
  END { for (r = 1; r <= n; r++) { line = ""; for (i = 1; i <= 5; i++) line = line sprintf("%-" w[i] "s  ", cell[r, i]); sub(/ +$/, "", line); print line } }' | tee "${BENCH_SUMMARY:-/dev/null}"
