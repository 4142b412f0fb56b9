#!/usr/bin/env bash
# Dashboard figures (issue 6, "Measure"): the p95 latency of each command-dashboard panel (GET /dashboard/panels/{slug},
# the htmx fragment: its queries and its rendering), of the list behind a chart, of the weekly summary and of a panel's
# Excel export, with BENCH_PROBLEMS problems (default 10 million) and BENCH_UNITS units (default 2,000) in the database.
# Target: p95 <= 300 ms per panel.
#
# Runs the product as in production (the jar extracted into target/app, durable embedded PostgreSQL with fsync and
# synchronous commit on, a fresh data directory target/dashboard-bench-data, the demo city), adds units up to
# BENCH_UNITS (bench/dashboard/units.sql), bulk-loads the problems with SQL (bench/dashboard/load.sql, the states and
# times of bench/problems/load.sql), vacuums and analyses, then times each request with curl, one at a time (a
# dashboard is read by a few people, not by a crowd): BENCH_WARMUP unmeasured requests, then BENCH_SAMPLES measured
# ones per path, as the city office (whole city) and as the district office (one district). Prints p50, p95 and max
# per path with the load average of the moment (the machine is shared). Stops everything it started and deletes the
# data directory (BENCH_KEEP=1 keeps it).
#
# Usage: bench/dashboard-bench.sh
# Environment: BENCH_PROBLEMS (default 10000000), BENCH_UNITS (default 2000), BENCH_SAMPLES (default 40),
#   BENCH_WARMUP (default 5), BENCH_PORT, BENCH_KEEP=1 (keep the data directory), BENCH_REUSE=1 (start on a kept data
#   directory and skip the loads when it already holds BENCH_PROBLEMS bulk-loaded problems).
# A small run to check the script: BENCH_PROBLEMS=20000 BENCH_UNITS=300 BENCH_SAMPLES=10 bench/dashboard-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
problems=${BENCH_PROBLEMS:-10000000}
units=${BENCH_UNITS:-2000}
samples=${BENCH_SAMPLES:-40}
warmup=${BENCH_WARMUP:-5}
password='Chuangwen@2026'

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1); $(psql --version)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

fat=$(ls target/chuangwen-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$fat" ] || [ -n "$(find src pom.xml -newer "$fat" -type f -print -quit)" ]; then
  echo "building the jar (sources newer than $fat)"
  mvn -q -B -DskipTests package
  fat=$(ls target/chuangwen-*.jar | grep -v original | head -1)
fi
rm -rf target/app
java -Djarmode=tools -jar "$fat" extract --destination target/app > /dev/null
jar=target/app/$(basename "$fat")

port=${BENCH_PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use" >&2; exit 1; fi
base="http://127.0.0.1:$port"
data=target/dashboard-bench-data
if [ "${BENCH_REUSE:-0}" != "1" ]; then rm -rf "$data"; fi
work=$(mktemp -d /tmp/chuangwen-dashboard-bench.XXXXXX)
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

# the scheduled sweeps are pushed back a day so that they do not run during the measurements
java -jar "$jar" --server.port="$port" --chuangwen.data-dir="$data" \
  --chuangwen.problems.overdue-sweep.every=PT24H --chuangwen.escalation.sweep.every=PT24H \
  --chuangwen.escalation.sweep.initial-delay=PT24H > "$log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/login"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the application died; see log:" >&2; tail -50 "$log" >&2; exit 1; fi
  sleep 0.5
done
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$log" | head -1 | awk '{print $NF}')
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres -d postgres "$@"; }
echo "application pid $pid on port $port, embedded PostgreSQL on port $pgport ($(psql_ -At -c 'show server_version'), fsync $(psql_ -At -c 'show fsync'))"

echo
loaded=$(psql_ -At -c "select count(*) from problem where number like 'H%'")
if [ "${BENCH_REUSE:-0}" = "1" ] && [ "$loaded" -ge "$problems" ]; then
  echo "== loads skipped: the kept data directory holds $loaded bulk-loaded problems"
  psql_ -c 'vacuum (analyze) problem'
else
  echo "== units up to $units"
  psql_ -v units="$units" -f bench/dashboard/units.sql
  echo "== bulk load: $problems problems"
  t0=$(date +%s.%N)
  psql_ -v count="$problems" -f bench/dashboard/load.sql
  printf "loaded and analysed in %.0f s; database size %s\n" "$(echo "$(date +%s.%N) - $t0" | bc)" \
    "$(psql_ -At -c "select pg_size_pretty(pg_database_size('postgres'))")"
fi
# the maintained counts take the load's deltas in one compaction (the application compacts every few seconds)
psql_ -At -c 'select problem_count_compact()' > /dev/null
echo "units: $(psql_ -At -c 'select count(*) from unit'); problems: $(psql_ -At -c 'select count(*) from problem');" \
  "at units: $(psql_ -At -c "select count(*) from problem where status in ('DISPATCHED','CLAIMED','REWORK')");" \
  "open at points: $(psql_ -At -c "select count(*) from problem where point_id is not null and status not in ('CLOSED','REJECTED','MERGED')")"

session() { # signs in through the login form; prints the Cookie header value
  local jar=$work/cookies-$1
  curl -fs -c "$jar" -b "$jar" -o "$work/login.html" "$base/login"
  local csrf
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//' || true)
  local to
  to=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/login" \
    --data-urlencode "username=$1" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf")
  case "$to" in *error*|*login*) echo "sign-in of $1 failed (redirected to $to)" >&2; exit 1 ;; esac
  awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar"
}
office_cookie=$(session office)
district_cookie=$(session district_office)

measure() { # $1 label, $2 cookie, $3 path: prints p50 / p95 / max in ms over $samples sequential requests
  local i code t times=$work/times
  : > "$times"
  for ((i = 0; i < warmup; i++)); do curl -s -o /dev/null -H "Cookie: $2" "$base$3"; done
  for ((i = 0; i < samples; i++)); do
    read -r code t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Cookie: $2" "$base$3")
    if [ "$code" != 200 ]; then echo "  $1: HTTP $code for $3" >&2; exit 1; fi
    echo "$t" >> "$times"
  done
  sort -n "$times" | awk -v label="$1" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
    { t[NR] = $1 * 1000 }
    END { p50 = t[int((NR + 1) * 0.50)]; i95 = int(NR * 0.95 + 0.999); if (i95 > NR) i95 = NR;
          printf "  %-58s p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms  (n=%d; load %s)\n", label, p50, t[i95], t[NR], NR, load }'
}

echo
echo "== dashboard panels, $samples sequential requests each after $warmup warm-up requests"
panels="countdown score states lights trend map worst-points overdue notices"
for who in office district_office; do
  cookie=$office_cookie
  [ "$who" = district_office ] && cookie=$district_cookie
  echo " as $who:"
  for p in $panels; do
    measure "GET /dashboard/panels/$p" "$cookie" "/dashboard/panels/$p"
  done
  measure "GET /dashboard/problems?light=YELLOW (list behind a chart)" "$cookie" "/dashboard/problems?light=YELLOW"
  measure "GET /dashboard/problems?day=today&flow=closed" "$cookie" "/dashboard/problems?day=$(TZ=Asia/Shanghai date +%F)&flow=closed"
  measure "GET /dashboard/export/overdue (Excel, 500 rows)" "$cookie" "/dashboard/export/overdue"
  measure "GET /dashboard/weekly (this week)" "$cookie" "/dashboard/weekly"
done

echo
echo "== query plans of the heaviest panel queries (city scope)"
now=$(date -u +%FT%TZ)
psql_ -c "explain (analyze, buffers, costs off) select (created_at at time zone 'Asia/Shanghai')::date, count(*) from problem where created_at >= now() - interval '30 day' group by 1" | grep -E 'Scan|Execution Time|Heap Fetches' | sed 's/^/  /'
psql_ -c "explain (analyze, buffers, costs off) select id, coalesce(clock_started_at, created_at), deadline from problem where status in ('DISPATCHED','CLAIMED','REWORK') and deadline >= '$now' order by deadline, id" | grep -E 'Scan|Execution Time|Heap Fetches' | sed 's/^/  /'
psql_ -c "explain (analyze, buffers, costs off) select point_id, count(*) from problem where status not in ('CLOSED','REJECTED','MERGED') and point_id is not null group by point_id order by 2 desc limit 10" | grep -E 'Scan|Execution Time|Heap Fetches' | sed 's/^/  /'

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
