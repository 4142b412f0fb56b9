#!/usr/bin/env bash
# Escalation figures (issue 4, "Measure": sweep job duration, target <= 10 s): the escalation sweep with 200,000
# problems in the database of which 20,000 are overdue at units (first sweep issuing every copy notice, steady-state
# sweeps with nothing new, the sweep issuing every rectification order), then the notice pages and API. Runs
# in-process on the embedded PostgreSQL with the demo city (src/test/java/org/chuangwen/escalation/EscalationBenchmark.java)
# and prints the figures with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log=$(mktemp)
mvn -q -B test -Dtest=EscalationBenchmark -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep -h "BENCH" "$log" target/surefire-reports/*EscalationBenchmark*-output.txt 2>/dev/null | sed 's/.*BENCH /  /' | awk '!seen[$0]++'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$log"
