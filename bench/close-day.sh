#!/usr/bin/env bash
# Day-close benchmark (bench/close-day.py): the packaged service on a fresh H2 store, QUEUED payments
# waiting (default 100,000), then the close, timed, with a client paying meanwhile. See bench/README.md.
#
#   bench/close-day.sh                 # from the project root (or anywhere: it cds there)
#   QUEUED=189000 SKIP_BUILD=1 bench/close-day.sh
#   APP=/path/to/quarkus-app bench/close-day.sh   # another build, e.g. an older commit's, for comparison
set -euo pipefail
cd "$(dirname "$0")/.."
QUEUED=${QUEUED:-100000}
APP=${APP:-target/quarkus-app}
RUN=$PWD/bench/out/close-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RUN"
if [ "${SKIP_BUILD:-0}" != 1 ] && [ "$APP" = target/quarkus-app ]; then ./mvnw -B -q -DskipTests package; fi
PORT=18190
java ${JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$PORT -Dsettlement.auto-close=false \
  -Dquarkus.profile=demo -Drmbsim.auth.key-dir="$RUN/keys" -Drmbsim.data-dir="$RUN/data" \
  -jar "$APP/quarkus-run.jar" >"$RUN/service.log" 2>&1 &
PID=$!
trap 'kill -KILL $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/demo-token?role=operator" -H 'Accept: text/plain')
echo "nproc $(nproc), loadavg $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
python3 bench/close-day.py "http://127.0.0.1:$PORT" "$TOKEN" "$QUEUED"
