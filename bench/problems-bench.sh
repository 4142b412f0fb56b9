#!/usr/bin/env bash
# Problems figures (issue 4, "Measure") with a million problems in the database: intake throughput and latency of
# POST /api/v1/problems (wrk over loopback; target >= 800/s with p99 <= 100 ms), the unit inbox and the office board
# with filters (p95 <= 200 ms), one run of the overdue sweep and of the escalation sweep (<= 10 s), and the machine's
# own limit for comparison: pgbench single-row inserts into a table shaped like problem on the same PostgreSQL.
#
# Runs the product as in production (bench/startup.sh: the jar extracted into target/app, durable embedded PostgreSQL
# with fsync and synchronous commit on, a fresh data directory target/problems-bench-data, the demo city), bulk-loads
# the problems with SQL (bench/problems/load.sql), then measures over HTTP with bench/problems/wrk.lua. The sweeps are
# timed in-process by src/test/java/org/chuangwen/problems/ProblemSweepsBenchmark.java against the same running
# database. Stops everything it started and deletes the data directory (BENCH_KEEP=1 keeps it).
#
# Every figure is printed with the load average of the moment (the machine is shared), and during each intake run the
# application's database sessions are sampled from pg_stat_activity (what they wait on), to show any serialisation.
#
# Usage: bench/problems-bench.sh
# Environment: BENCH_PROBLEMS (default 1000000), BENCH_DURATION (intake and pgbench, default 30s), BENCH_READ_DURATION (default 20s),
#   BENCH_INTAKE_CONNECTIONS (default "4 16 64"), BENCH_READ_CONNECTIONS (default 4), BENCH_PORT,
#   BENCH_WARMUP (intake warm-up, default 10s; on a loaded machine the JIT needs minutes), BENCH_SWEEPS=0 (skip the sweeps), BENCH_KEEP=1 (keep the data directory), BENCH_REUSE=1 (start on a kept data directory and skip the bulk load when it
#   already holds BENCH_PROBLEMS problems; the application migrates it to the current schema at start).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
problems=${BENCH_PROBLEMS:-1000000}
duration=${BENCH_DURATION:-30s}
intake_connections=${BENCH_INTAKE_CONNECTIONS:-"4 16 64"}
read_connections=${BENCH_READ_CONNECTIONS:-4}
read_duration=${BENCH_READ_DURATION:-20s}
password='Chuangwen@2026'

machine() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(pgbench --version)"
}
machine
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
data=target/problems-bench-data
if [ "${BENCH_REUSE:-0}" != "1" ]; then rm -rf "$data"; fi
work=$(mktemp -d /tmp/chuangwen-problems-bench.XXXXXX)
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

# The scheduled sweeps are pushed back a day so that they do not run during the measurements; the timed runs below
# call the same code.
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
echo "application pid $pid on port $port, embedded PostgreSQL on port $pgport ($(psql_ -At -c 'show server_version'), fsync $(psql_ -At -c 'show fsync'), synchronous_commit $(psql_ -At -c 'show synchronous_commit'), max_connections $(psql_ -At -c 'show max_connections'))"

load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU time (clock ticks, user + system) used so far by the application's JVM and by the embedded PostgreSQL (the
# postmaster and its children: backends, also exited ones, WAL writer, checkpointer…). On a shared machine the throughput depends on the
# CPU the other builds leave; the CPU spent per intake does not, and bounds what two idle cores could do.
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
app_ticks() { ticks "$pid"; }
db_ticks() {
  local pm total=0 child
  pm=$(head -1 "$data/pg/postmaster.pid")
  # the postmaster's own time and that of its children that have exited (cutime, cstime: backends of closed
  # connections, e.g. pgbench's and the sampler's), plus the live children's
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat" 2>/dev/null || echo 0)
  for child in $(ps --ppid "$pm" -o pid= 2>/dev/null); do total=$((total + $(ticks "$child"))); done
  echo "$total"
}
hz=$(getconf CLK_TCK)

echo
unit_id=$(psql_ -At -c "select unit_id from user_account where username = 'unit_admin'")
loaded=$(psql_ -At -c "select count(*) from problem where number like 'H%'")
if [ "${BENCH_REUSE:-0}" = "1" ] && [ "$loaded" -ge "$problems" ]; then
  echo "== bulk load skipped: the kept data directory holds $loaded bulk-loaded problems ($(psql_ -At -c 'select count(*) from problem') in all)"
  psql_ -c 'vacuum (analyze) problem'
else
  echo "== bulk load: $problems problems"
  t0=$(date +%s.%N)
  psql_ -v count="$problems" -v unit="$unit_id" -f bench/problems/load.sql
  printf "loaded and analysed in %.0f s; database size %s\n" "$(echo "$(date +%s.%N) - $t0" | bc)" \
    "$(psql_ -At -c "select pg_size_pretty(pg_database_size('postgres'))")"
fi

token() {
  curl -fs -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" | jq -r .token
}
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
inspector=$(token inspector)
unit_admin=$(token unit_admin)
office=$(token office)
for t in "$inspector" "$unit_admin" "$office"; do
  if [ -z "$t" ] || [ "$t" = null ]; then echo "no token" >&2; exit 1; fi
done
unit_cookie=$(session unit_admin)
office_cookie=$(session office)
district_cookie=$(session district_office)

# intake data: the active minor categories (from the API) and active demo points inside a grid
{
  echo "return {"
  echo "categories = {"
  curl -fs "$base/api/v1/problem-categories" -H "Authorization: Bearer $inspector" \
    | jq -r '.[] | select(.level == 2 and .active) | "\"" + .code + "\","'
  echo "},"
  echo "points = {"
  psql_ -At -F ' ' -c "select id, latitude, longitude from point where status = 'ACTIVE' and grid_id is not null order by id" \
    | awk '{printf "{id=\"%s\", lat=%s, lng=%s},\n", $1, $2, $3}'
  echo "},"
  echo "}"
} > "$work/intake-data.lua"
echo "intake data: $(grep -c '^"' "$work/intake-data.lua") categories, $(grep -c '^{id' "$work/intake-data.lua") points"

run_wrk() { # $1 connections, $2 header, $3 url, rest: script args; prints wrk's RESULT line
  local threads=2
  [ "$1" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$1" -d"$duration" --timeout 10s -s bench/problems/wrk.lua -H "$2" "$3" -- "${@:4}" \
    | grep '^RESULT' | sed 's/^RESULT //'
}
rate() { sed -n 's/.*= \([0-9.]*\) req\/s.*/\1/p' <<< "$1"; }

echo
echo "== intake: POST /api/v1/problems as inspector (wrk, $duration per run, 2 threads)"
wrk -t2 -c8 -d"${BENCH_WARMUP:-10s}" -s bench/problems/wrk.lua -H "Authorization: Bearer $inspector" \
  -H 'Content-Type: application/json' "$base" -- intake "$work/intake-data.lua" > /dev/null  # warm-up (JIT, pools)
best_rate=0; best_c=0
sample_waits() { # samples the application's busy sessions every 0.2 s while $work/sampling exists: what a session in
  # a statement waits on (a lock, the WAL, db-CPU), or that it is in a transaction waiting for the application's next
  # statement
  while [ -e "$work/sampling" ]; do
    psql_ -At -c "select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'db-CPU')
                              else 'in-transaction,waiting-for-the-application' end
                  from pg_stat_activity where application_name = 'PostgreSQL JDBC Driver' and state <> 'idle'" \
      >> "$work/waits.raw" 2>/dev/null || true
    sleep 0.2
  done
}
for c in $intake_connections; do
  : > "$work/waits.raw"; touch "$work/sampling"; sample_waits & sampler=$!
  a0=$(app_ticks); d0=$(db_ticks)
  result=$(wrk -t2 -c"$c" -d"$duration" --timeout 10s -s bench/problems/wrk.lua -H "Authorization: Bearer $inspector" \
    -H 'Content-Type: application/json' "$base" -- intake "$work/intake-data.lua" | grep '^RESULT' | sed 's/^RESULT //')
  a1=$(app_ticks); d1=$(db_ticks)
  rm -f "$work/sampling"; wait "$sampler" || true
  echo "  $c connections: $result; load $(load)"
  n=$(sed -n 's/^requests \([0-9]*\) .*/\1/p' <<< "$result")
  if [ -n "$n" ] && [ "$n" -gt 0 ]; then
    awk -v a=$((a1 - a0)) -v d=$((d1 - d0)) -v n="$n" -v hz="$hz" 'BEGIN {
      app = a * 1000 / hz / n; db = d * 1000 / hz / n;
      printf "    CPU per intake: application %.1f ms, PostgreSQL %.1f ms (sampler included), together %.1f ms: two idle cores would allow about %.0f/s\n", app, db, app + db, 2000 / (app + db) }'
  fi
  echo "    the application's busy database sessions, sampled every 0.2 s (state or wait event × samples): $(sort "$work/waits.raw" \
    | uniq -c | sort -rn | head -8 | awk '{printf "%s×%s  ", $2, $1}')"
  r=$(rate "$result")
  if [ "$(echo "$r > $best_rate" | bc)" = 1 ]; then best_rate=$r; best_c=$c; fi
done
echo "  problems now: $(psql_ -At -c 'select count(*) from problem')"

echo
echo "== reads ($read_connections connections, $read_duration each, after a 5 s warm-up)"
overdue_category=$(psql_ -At -c "select category_code from problem where status = 'DISPATCHED' and deadline < now() group by 1 order by count(*) desc limit 1")
if [ -n "$unit_id" ]; then
  echo "  unit_admin's unit: $(psql_ -At -c "select count(*) || ' problems, ' || count(*) filter (where status in ('DISPATCHED','CLAIMED','REWORK','PARKED','RECTIFIED')) || ' in its inbox' from problem where unit_id = '$unit_id'")"
fi
echo "  board filter category: $overdue_category"
read_bench() { # $1 label, $2 header, $3 path
  wrk -t1 -c1 -d5s -s bench/problems/wrk.lua -H "$2" "$base$3" -- get > /dev/null
  local a0 d0 a1 d1 result n
  a0=$(app_ticks); d0=$(db_ticks)
  result=$(duration=$read_duration run_wrk "$read_connections" "$2" "$base$3" get)
  a1=$(app_ticks); d1=$(db_ticks)
  n=$(sed -n 's/^requests \([0-9]*\) .*/\1/p' <<< "$result")
  echo "  $1: $result; load $(load); $(awk -v a=$((a1 - a0)) -v d=$((d1 - d0)) -v n="${n:-0}" -v hz="$hz" 'BEGIN {
    if (n > 0) printf "CPU per request: application %.1f ms, PostgreSQL %.1f ms", a * 1000 / hz / n, d * 1000 / hz / n }')"
}
read_bench "unit inbox page GET /problems/inbox (unit_admin)" "Cookie: $unit_cookie" "/problems/inbox"
read_bench "unit list API GET /api/v1/problems (unit_admin)" "Authorization: Bearer $unit_admin" "/api/v1/problems"
read_bench "unit list API GET /api/v1/problems?status=dispatched (unit_admin)" "Authorization: Bearer $unit_admin" "/api/v1/problems?status=dispatched"
read_bench "office board page GET /problems/board?status=dispatched&overdue=true&categoryCode=$overdue_category (office)" "Cookie: $office_cookie" "/problems/board?status=dispatched&overdue=true&categoryCode=$overdue_category"
read_bench "office board page GET /problems/board?categoryCode=$overdue_category (office)" "Cookie: $office_cookie" "/problems/board?categoryCode=$overdue_category"
read_bench "office board API GET /api/v1/problems?status=dispatched&overdue=true&categoryCode=$overdue_category (office)" "Authorization: Bearer $office" "/api/v1/problems?status=dispatched&overdue=true&categoryCode=$overdue_category"
read_bench "office board API GET /api/v1/problems?overdue=true (office)" "Authorization: Bearer $office" "/api/v1/problems?overdue=true"
read_bench "office board page GET /problems/board, no filter (office)" "Cookie: $office_cookie" "/problems/board"
read_bench "office board page GET /problems/board?status=closed (office)" "Cookie: $office_cookie" "/problems/board?status=CLOSED"
read_bench "district board page GET /problems/board, no filter (district_office)" "Cookie: $district_cookie" "/problems/board"
read_bench "board API GET /api/v1/problems, no filter (office)" "Authorization: Bearer $office" "/api/v1/problems"

echo
echo "== pgbench: single-row inserts into bench_scratch.problem (shape, checks and indexes of problem, filled with a copy of its rows), $best_c clients"
psql_ -f bench/problems/scratch.sql
secs=${duration%s}
d0=$(db_ticks)
pgbench -n -h localhost -p "$pgport" -U postgres -c "$best_c" -j 2 -T "$secs" -f bench/problems/insert.pgbench postgres > "$work/pgbench.out" 2>&1 \
  || { cat "$work/pgbench.out"; exit 1; }
d1=$(db_ticks)
grep -E 'latency average|tps =|failed' "$work/pgbench.out" | sed 's/^/  /'
echo "  load $(load)"
pgn=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench.out")
[ -n "$pgn" ] && awk -v d=$((d1 - d0)) -v n="$pgn" -v hz="$hz" 'BEGIN { printf "  PostgreSQL CPU per insert: %.2f ms\n", d * 1000 / hz / n }'
tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.out" | head -1)
psql_ -c 'drop schema bench_scratch cascade'

if [ "${BENCH_SWEEPS:-1}" = "1" ]; then
echo
echo "== sweeps (in-process, ProblemSweepsBenchmark against this database)"
mvn -q -B test -Dtest=ProblemSweepsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspring.datasource.url="jdbc:postgresql://localhost:$pgport/postgres" -Dspring.datasource.username=postgres \
  > "$work/sweeps.log" 2>&1 || { tail -60 "$work/sweeps.log"; exit 1; }
{ grep -h "BENCH" "$work/sweeps.log" target/surefire-reports/*ProblemSweepsBenchmark*-output.txt 2>/dev/null || true; } \
  | sed 's/.*BENCH /  /' | awk '!seen[$0]++'
fi

echo
echo "== summary"
machine
echo "intake: best $best_rate requests/s at $best_c connections; pgbench $tps tps at $best_c clients; ratio intake/pgbench $(echo "scale=3; $best_rate / $tps" | bc)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
