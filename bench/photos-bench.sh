#!/usr/bin/env bash
# Photo evidence figures (issue 4, near-duplicate photos): Blobs.similarPhotos at 100,000 and 1,000,000 stored
# perceptual hashes (indexed quarters for distances under 16, full scan above), the same comparison in Java over hashes in
# memory, and reading a 12-megapixel photo's EXIF and hash. Runs in-process on the embedded PostgreSQL
# (src/test/java/org/chuangwen/blobs/PhotoSimilarityBenchmark.java) and prints the figures with the machine they ran on.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "java: $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log=$(mktemp)
mvn -q -B test -Dtest=PhotoSimilarityBenchmark -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep -h "BENCH" "$log" target/surefire-reports/*PhotoSimilarityBenchmark*-output.txt 2>/dev/null | sed 's/.*BENCH /  /' | awk '!seen[$0]++'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$log"
