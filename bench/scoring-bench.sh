#!/usr/bin/env bash
# Scoring figures (issue 5, "Measure"): a full recompute of every score from 1,000,000 observations over a
# 500-standard framework (target <= 2 s), the update after one new observation (target <= 50 ms), and the forecast
# with 10,000 simulations over 5,000 points (target <= 5 s).
#   - in process, no database (src/test/java/org/chuangwen/scoring/ScoringEngineBenchmark.java): the facts aggregated
#     per standard for the city and every grouping and every group rolled up the tree; the forecast's simulation;
#   - on the embedded PostgreSQL with the demo city (ScoringBenchmark.java): the city-wide cache rebuilt from the same
#     1,000,000 facts, and one observation's delta applied and committed, then the city score read back.
# Prints the figures with the machine and its load (the figures are wall time and, where given, the thread's CPU time,
# which a loaded machine disturbs less).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
echo "uptime before: $(uptime)"
log=$(mktemp)
mvn -q -B verify -Dtest=ScoringEngineBenchmark -Dit.test=ScoringBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
{ grep -hs "BENCH" "$log" target/surefire-reports/*ScoringEngineBenchmark-output.txt \
  target/failsafe-reports/*ScoringBenchmark-output.txt 2>/dev/null || true; } | sed 's/.*BENCH /  /' | awk '!seen[$0]++'
echo "uptime after: $(uptime)"
rm -f "$log"
