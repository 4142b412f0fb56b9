#!/usr/bin/env bash
# Evaluation figures (issue 6, "Measure"): with BENCH_PROBLEMS problems (default 10 million) handled by BENCH_UNITS
# units (default 2,000) in the database, the weekly ranking's time over HTTP (GET /api/v1/rankings, target <= 5 s),
# per unit category, and the time of one full recount of the per-unit per-day facts from the problems (what the
# catch-up does for its window; a ranking never reads the problems, only units × days fact rows).
#
# Runs the product as in production (the jar extracted into target/app, durable embedded PostgreSQL, a fresh data
# directory target/evaluation-bench-data, the demo city), bulk-loads the units and problems with SQL
# (bench/evaluation/load.sql), recounts the facts through POST /api/v1/evaluation/facts/recount, then times the
# rankings with curl. Every figure is printed with the load average of the moment (the machine is shared). Stops
# everything it started and deletes the data directory (BENCH_KEEP=1 keeps it).
#
# Usage: bench/evaluation-bench.sh
# Environment: BENCH_PROBLEMS (default 10000000), BENCH_UNITS (default 2000), BENCH_RUNS (rankings per category,
#   default 5), BENCH_PORT, BENCH_KEEP=1 (keep the data directory).
# The full size needs about 15 GB of disk and an hour; check the script with e.g. BENCH_PROBLEMS=20000 BENCH_UNITS=200.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
problems=${BENCH_PROBLEMS:-10000000}
units=${BENCH_UNITS:-2000}
runs=${BENCH_RUNS:-5}
password='Chuangwen@2026'

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
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
data=target/evaluation-bench-data
rm -rf "$data"
work=$(mktemp -d /tmp/chuangwen-evaluation-bench.XXXXXX)
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

# The scheduled jobs are pushed back so that they do not run during the measurements (the recount below is the same
# code as the catch-up).
java -jar "$jar" --server.port="$port" --chuangwen.data-dir="$data" \
  --chuangwen.problems.overdue-sweep.every=PT24H --chuangwen.escalation.sweep.every=PT24H \
  --chuangwen.escalation.sweep.initial-delay=PT24H --chuangwen.evaluation.drain.every=PT24H \
  '--chuangwen.evaluation.catch-up.cron=0 0 0 1 1 *' '--chuangwen.evaluation.flags.cron=0 0 0 1 1 *' > "$log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/login"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the application died; see log:" >&2; tail -50 "$log" >&2; exit 1; fi
  sleep 0.5
done
pgport=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$log" | head -1 | awk '{print $NF}')
psql_() { psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres -d postgres "$@"; }
echo "application pid $pid on port $port, embedded PostgreSQL on port $pgport ($(psql_ -At -c 'show server_version'))"
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo
echo "== bulk load: $units units, $problems problems"
t0=$(date +%s.%N)
psql_ -v count="$problems" -v units="$units" -f bench/evaluation/load.sql
printf "loaded and analysed in %.0f s; database size %s; load %s\n" "$(echo "$(date +%s.%N) - $t0" | bc)" \
  "$(psql_ -At -c "select pg_size_pretty(pg_database_size('postgres'))")" "$(load)"

token=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"username\":\"office\",\"password\":\"$password\"}" | jq -r .token)
if [ -z "$token" ] || [ "$token" = null ]; then echo "no token" >&2; exit 1; fi

echo
echo "== recount of every unit's per-day facts from the problems (POST /api/v1/evaluation/facts/recount)"
t0=$(date +%s.%N)
days=$(curl -fs -X POST "$base/api/v1/evaluation/facts/recount" -H "Authorization: Bearer $token" --max-time 36000 | jq -r .days)
printf "  %s days recounted in %.1f s; %s fact rows; load %s\n" "$days" "$(echo "$(date +%s.%N) - $t0" | bc)" \
  "$(psql_ -At -c 'select count(*) from eval_unit_day')" "$(load)"

week=$(date -d 'last monday - 7 days' +%F)
echo
echo "== weekly ranking of the week of $week (GET /api/v1/rankings?period=week, $runs runs per category after one warm-up)"
for category in community department street enterprise district commandPost; do
  url="$base/api/v1/rankings?period=week&date=$week&unitType=$category"
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"   # warm-up
  times=()
  for _ in $(seq "$runs"); do
    times+=("$(curl -fs -o "$work/ranking.json" -w '%{time_total}' -H "Authorization: Bearer $token" "$url")")
  done
  ranked=$(jq -r '.ranked' "$work/ranking.json")
  printf "  %-12s %5s ranked: %s\n" "$category" "$ranked" "$(printf '%s\n' "${times[@]}" | sort -n | awk '
    {t[NR] = $1} END {printf "median %.3f s, max %.3f s", t[int((NR + 1) / 2)], t[NR]}')"
done
echo "  load after: $(load)"
echo "  the ranking reads $(psql_ -At -c "select count(*) from eval_unit_day where day >= '$week' and day < date '$week' + 7") fact rows for the week (never the $(psql_ -At -c 'select count(*) from problem') problems)"
