#!/usr/bin/env bash
# Simulator benchmark, two parts (a benchmark, not a test; not part of ./mvnw verify):
#  1. cips-2023-year through the engine (RTGS_LSM and RTGS) beside a plain reference loop, in one
#     JVM with a 1 GB heap;
#  2. API against engine: the packaged service, with the heap a 512 MiB container gives it (75 %:
#     -Xmx384m), runs cips-2023-year under RTGS, RTGS_LSM and DNS (bounds included) from
#     POST /api/v1/simulations until its report is ready; the engine alone does the same work
#     (generation, bounds, three modes; best of three after a warm-up) in the same script run. It
#     prints both times, their ratio, and the service's heap high-water mark (the largest heap in use
#     sampled from /q/metrics every 100 ms during the run).
# Usage: bench/simulator.sh [seed] [rounds]    (API=0 skips part 2)
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${1:-2023}
./mvnw -B -q -DskipTests package -Dquarkus.package.jar.type=fast-jar >/dev/null
echo "machine: nproc $(nproc), loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -XX:+UseParallelGC -cp target/classes bench/SimulatorBench.java "$@"
[ "${API:-1}" = 1 ] || exit 0

OUT=$(mktemp -d /tmp/simbench.XXXXXX)
PORT=18190
java -Xmx384m -XX:+ExitOnOutOfMemoryError -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT \
  -Dquarkus.profile=demo -Drmbsim.auth.key-dir="$OUT/keys" -Drmbsim.data-dir="$OUT/h2" \
  -jar target/quarkus-app/quarkus-run.jar >"$OUT/service.log" 2>&1 &
SVC=$!
trap 'kill $SVC 2>/dev/null || true; wait $SVC 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/demo-token?role=operator" -H 'Accept: text/plain')
heap() { curl -sf "http://127.0.0.1:$PORT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d\n", s}'; }
run_api() {
  local start id status max=0 h
  start=$(date +%s%N)
  id=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/simulations" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"scenario\": \"cips-2023-year\", \"seed\": $SEED, \"modes\": [\"RTGS\", \"RTGS_LSM\", \"DNS\"]}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  while :; do
    h=$(heap); [ "$h" -gt "$max" ] && max=$h
    status=$(curl -sf "http://127.0.0.1:$PORT/api/v1/simulations/$id" -H "Authorization: Bearer $TOKEN" | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
    [ "$status" = RUNNING ] || [ "$status" = QUEUED ] || break
    sleep 0.1
  done
  [ "$status" = DONE ] || { echo "simulation $id ended $status"; tail -20 "$OUT/service.log"; exit 1; }
  echo "$(( ($(date +%s%N) - start) / 1000000 )) $max"
}
run_api >/dev/null   # warm-up
read -r API_MS HEAP_MAX < <(run_api)
ENGINE_MS=$(java -Xmx1g -XX:+UseParallelGC -cp target/classes bench/SimulatorBench.java engine-three-modes "$SEED" | tee /dev/stderr | awk '/^engine-ms/ {print $2}')
echo "cips-2023-year, RTGS + RTGS_LSM + DNS with bounds: API ${API_MS} ms, engine ${ENGINE_MS} ms," \
  "ratio $(awk -v a="$API_MS" -v e="$ENGINE_MS" 'BEGIN {printf "%.2f", a / e}') (target at most 3);" \
  "service heap high-water $((HEAP_MAX / 1048576)) MiB of 384 MiB (-Xmx of a 512 MiB container)"
