#!/usr/bin/env bash
# Open311 figures (issue 7, "Measure"): GET /open311/v2/requests for a 90-day window with a million problems in the
# database (target p95 <= 200 ms), in both formats and with the usual filters, plus one query plan so that a missing
# index shows at once.
#
# Same set-up as bench/problems-bench.sh: the product run as in production (the jar extracted into target/app, durable
# embedded PostgreSQL, a fresh data directory target/open311-bench-data, the demo city), the problems bulk-loaded with
# bench/problems/load.sql (a year of a campaign: about a third of them fall in the last 90 days), then wrk over loopback
# with bench/problems/wrk.lua. The Open311 per-address throttle is lifted for the run (wrk comes from one address).
# Stops everything it started and deletes the data directory (BENCH_KEEP=1 keeps it; BENCH_REUSE=1 starts on a kept one).
#
# Usage: bench/open311-bench.sh
# Environment: BENCH_PROBLEMS (default 1000000), BENCH_READ_DURATION (default 20s), BENCH_READ_CONNECTIONS (default 4),
#   BENCH_WARMUP (unmeasured requests before each figure, default 20s: 5 s left the JIT cold for the first one),
#   BENCH_PORT, BENCH_KEEP=1, BENCH_REUSE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
problems=${BENCH_PROBLEMS:-1000000}
read_connections=${BENCH_READ_CONNECTIONS:-4}
read_duration=${BENCH_READ_DURATION:-20s}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

fat=$(ls target/chuangwen-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$fat" ]; then
  mvn -q -B -DskipTests package
  fat=$(ls target/chuangwen-*.jar | grep -v original | head -1)
fi
rm -rf target/app
java -Djarmode=tools -jar "$fat" extract --destination target/app > /dev/null
jar=target/app/$(basename "$fat")

port=${BENCH_PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use" >&2; exit 1; fi
base="http://127.0.0.1:$port"
data=target/open311-bench-data
if [ "${BENCH_REUSE:-0}" != "1" ]; then rm -rf "$data"; fi
work=$(mktemp -d /tmp/chuangwen-open311-bench.XXXXXX)
log=$work/app.log
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  [ "${BENCH_KEEP:-0}" = "1" ] || rm -rf "$root/$data"
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$jar" --server.port="$port" --chuangwen.data-dir="$data" \
  --chuangwen.problems.overdue-sweep.every=PT24H --chuangwen.escalation.sweep.every=PT24H \
  --chuangwen.escalation.sweep.initial-delay=PT24H \
  --chuangwen.throttle.limits.open311-ip.requests=1000000000 > "$log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/login"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the application died; see log:" >&2; tail -50 "$log" >&2; exit 1; fi
  sleep 0.5
done
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$log" | head -1 | awk '{print $NF}')
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres -d postgres "$@"; }
echo "application pid $pid on port $port, embedded PostgreSQL on port $pgport ($(psql_ -At -c 'show server_version'), fsync $(psql_ -At -c 'show fsync'))"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time (clock ticks) used by the application's JVM and by the embedded PostgreSQL (postmaster and children): on a
# shared machine the latency depends on what the other builds leave, the CPU per request does not.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
db_ticks() {
  local pm total child
  pm=$(head -1 "$data/pg/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat" 2>/dev/null || echo 0)
  for child in $(ps --ppid "$pm" -o pid= 2>/dev/null); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}
hz=$(getconf CLK_TCK)

echo
unit_id=$(psql_ -At -c "select unit_id from user_account where username = 'unit_admin'")
loaded=$(psql_ -At -c "select count(*) from problem where number like 'H%'")
if [ "${BENCH_REUSE:-0}" = "1" ] && [ "$loaded" -ge "$problems" ]; then
  echo "== bulk load skipped: the kept data directory holds $loaded bulk-loaded problems"
  psql_ -c 'vacuum (analyze) problem'
else
  echo "== bulk load: $problems problems"
  t0=$(date +%s.%N)
  psql_ -v count="$problems" -v unit="$unit_id" -f bench/problems/load.sql
  printf "loaded and analysed in %.0f s; database size %s\n" "$(echo "$(date +%s.%N) - $t0" | bc)" \
    "$(psql_ -At -c "select pg_size_pretty(pg_database_size('postgres'))")"
fi
echo "problems: $(psql_ -At -c 'select count(*) from problem'), of which reported in the last 90 days: $(psql_ -At -c "select count(*) from problem where created_at >= now() - interval '90 day'")"

echo
echo "== the plan of the default window (90 days, newest first, 1000 rows)"
psql_ -c "explain (analyze, buffers, costs off) select * from problem where created_at >= now() - interval '90 day'
          and created_at <= now() order by created_at desc, id desc limit 1000 offset 0" | sed 's/^/  /'

echo "== the plan of the open ones in the window (status=open)"
psql_ -c "explain (analyze, buffers, costs off) select * from problem where created_at >= now() - interval '90 day'
          and created_at <= now() and status not in ('CLOSED', 'REJECTED', 'MERGED')
          order by created_at desc, id desc limit 1000 offset 0" | sed 's/^/  /'

category=$(psql_ -At -c "select category_code from problem where created_at >= now() - interval '90 day' group by 1 order by count(*) desc limit 1")
read_bench() { # $1 label, $2 path
  wrk -t1 -c1 -d"${BENCH_WARMUP:-20s}" -s bench/problems/wrk.lua "$base$2" -- get > /dev/null
  local threads=2 result a0 d0 a1 d1 n
  [ "$read_connections" -lt 2 ] && threads=1
  a0=$(ticks "$pid"); d0=$(db_ticks)
  result=$(wrk -t"$threads" -c"$read_connections" -d"$read_duration" --timeout 10s -s bench/problems/wrk.lua "$base$2" -- get \
    | grep '^RESULT' | sed 's/^RESULT //')
  a1=$(ticks "$pid"); d1=$(db_ticks)
  n=$(sed -n 's/^requests \([0-9]*\) .*/\1/p' <<< "$result")
  echo "  $1: $result; load $(load); $(awk -v a=$((a1 - a0)) -v d=$((d1 - d0)) -v n="${n:-0}" -v hz="$hz" 'BEGIN {
    if (n > 0) printf "CPU per request: application %.1f ms, PostgreSQL %.1f ms", a * 1000 / hz / n, d * 1000 / hz / n }')"
}
echo
echo "== GET requests ($read_connections connections, $read_duration each, after a ${BENCH_WARMUP:-20s} warm-up)"
echo "  rows per answer: $(curl -fs "$base/open311/v2/requests.json" | jq length) (json), bytes: $(curl -fs "$base/open311/v2/requests.json" | wc -c) (json), $(curl -fs "$base/open311/v2/requests.xml" | wc -c) (xml)"
read_bench "default window, json: GET /open311/v2/requests.json" "/open311/v2/requests.json"
read_bench "default window, xml: GET /open311/v2/requests.xml" "/open311/v2/requests.xml"
read_bench "one category ($category), json" "/open311/v2/requests.json?service_code=$category"
read_bench "open only, json" "/open311/v2/requests.json?status=open"
read_bench "page 5 of 100, json" "/open311/v2/requests.json?page=5&page_size=100"
end=$(date -u +%Y-%m-%dT%H:%M:%SZ)
start=$(date -u -d "$end - 90 days" +%Y-%m-%dT%H:%M:%SZ)
read_bench "explicit 90-day window, json" "/open311/v2/requests.json?start_date=$start&end_date=$end"
echo
echo "load average after: $(load)"
