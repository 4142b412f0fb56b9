#!/usr/bin/env bash
# Task breakdown figures (issue 3, "Measure"): import of a 2,000-line breakdown table (target <= 5 s) and the office's
# overview pages at 20,000 tasks (p95 target <= 300 ms). Runs in-process on the embedded PostgreSQL with the demo city
# (src/test/java/org/chuangwen/tasks/TasksBenchmark.java) and prints the figures with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log=$(mktemp)
mvn -q -B test -Dtest=TasksBenchmark -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep -h "BENCH" "$log" target/surefire-reports/*TasksBenchmark*-output.txt 2>/dev/null | sed 's/.*BENCH /  /' | awk '!seen[$0]++'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$log"
