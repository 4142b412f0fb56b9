#!/usr/bin/env bash
# Measures the time from `java -jar` to the first page served (GET /login answering 200), on a first start (empty
# data directory: initdb, migrations, demo city) and on a restart, and the heap in use after start.
# Usage: bench/startup.sh [runs]   (default 3 runs of each). Prints one line per run (with the load average when it
# started: other builds on the machine slow every figure) and a summary. The application logs of every start are kept
# in target/bench-logs/ (first-N.log, restart-N.log); the demo city's per-step timings are printed from them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
fat=$(ls target/chuangwen-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$fat" ]; then
  mvn -q -B -DskipTests package
  fat=$(ls target/chuangwen-*.jar | grep -v original | head -1)
fi
# The production form (README): the jar extracted once into target/app, then started with java -jar. BENCH_FAT=1
# times the single fat jar instead; BENCH_JAR=path times a jar extracted elsewhere (e.g. an older build, to compare
# two builds in alternating runs on a machine whose load changes).
if [ -n "${BENCH_JAR:-}" ]; then
  jar=$BENCH_JAR
elif [ "${BENCH_FAT:-0}" = "1" ]; then
  jar=$fat
else
  rm -rf target/app
  java -Djarmode=tools -jar "$fat" extract --destination target/app > /dev/null
  jar=target/app/$(basename "$fat")
fi
port=${BENCH_PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
if curl -s -o /dev/null "http://localhost:$port/"; then echo "port $port is already in use" >&2; exit 1; fi
work=$(mktemp -d /tmp/chuangwen-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
logs=${BENCH_LOGS:-target/bench-logs}
rm -rf "$logs"; mkdir -p "$logs"

load_now() { cut -d' ' -f1-3 /proc/loadavg; }

start_and_time() { # $1 = data dir, $2 = log file; sets $elapsed (seconds to the first page), $load and $pid
  local t0 t1
  load=$(load_now)
  t0=$(date +%s.%N)
  java -jar "$jar" --server.port="$port" --chuangwen.data-dir="$1" > "$2" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/login"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the application died; see log:" >&2; tail -50 "$2" >&2; exit 1; fi
    sleep 0.1
  done
  t1=$(date +%s.%N)
  elapsed=$(echo "$t1 - $t0" | bc)
}

heap_after_gc_mb() {
  jcmd "$pid" GC.run > /dev/null
  jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ { for (i=1;i<=NF;i++) if ($i=="used") { v=$(i+1); sub("K","",v); printf "%.0f", v/1024 } }'
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "jar: $jar"
firsts=(); restarts=(); heaps=()
for i in $(seq 1 "$runs"); do
  dir="$work/data-$i"
  start_and_time "$dir" "$logs/first-$i.log"; first=$elapsed; first_load=$load; heap=$(heap_after_gc_mb); stop
  start_and_time "$dir" "$logs/restart-$i.log"; restart=$elapsed; stop
  echo "run $i: first start ${first}s (load ${first_load}; heap after start ${heap} MB), restart ${restart}s (load ${load})"
  grep -o 'Demo city loaded.*' "$logs/first-$i.log" | sed 's/^/       /' || true
  firsts+=("$first"); restarts+=("$restart"); heaps+=("$heap")
done
summary() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %.1f s, median %.1f s, max %.1f s", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "first start: $(summary "${firsts[@]}")  (target <= 45 s)"
echo "restart:     $(summary "${restarts[@]}")  (target <= 15 s)"
echo "heap in use after start and a full GC: $(printf '%s\n' "${heaps[@]}" | sort -n | tail -1) MB (largest of the runs)"
