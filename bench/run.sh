#!/usr/bin/env bash
# Payments benchmark: payments submitted over HTTP by wrk (bench/payments.lua, a unique UETR per
# request) and settled end to end, on H2 and on PostgreSQL, at several client counts (latency versus
# clients), then in bulk (pacs.008 documents of 100 and 1,000 transactions); pgbench -b simple-update
# on the same PostgreSQL at the same client counts in the same run; a durability check of every
# answered payment after a kill -9; optionally a profile (Java Flight Recorder, a flame graph) of the main run. See
# bench/README.md.
#
#   bench/run.sh                       # from the project root (or from anywhere: it cds there)
#   DURATION=60s CLIENTS="64" BULK_SIZES= bench/run.sh
#   PROFILE=1 STORES=h2 PGBENCH=0 CRASH_CHECK=0 bench/run.sh   # a flame graph of the 64-client run
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH=$ROOT/bench
OUT=$BENCH/out

# --- knobs (environment) ----------------------------------------------------------------------
STORES=${STORES:-"h2 postgres"}          # which stores to measure, in order
THREADS=${THREADS:-2}                    # wrk threads
CONNECTIONS=${CONNECTIONS:-64}           # wrk connections of the main measured run (the one profiled)
CLIENTS=${CLIENTS:-"16 64 256"}          # latency versus clients: a measured run at each (CONNECTIONS added if missing)
DURATION=${DURATION:-20s}                # wrk duration of each measured run
BULK_SIZES=${BULK_SIZES-"100 1000"}     # bulk runs: pacs.008 documents of this many transactions (empty: none)
BULK_CONNECTIONS=${BULK_CONNECTIONS:-16} # wrk connections of the bulk runs
PROFILE=${PROFILE:-0}                    # 1: Java Flight Recorder on the main run; flame graph and summary in the run folder
PROFILE_RUN=${PROFILE_RUN:-c$CONNECTIONS}    # the run PROFILE=1 records: c<clients> (single payments) or bulk<n>
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-16}
WARMUP_DURATION=${WARMUP_DURATION:-30s}    # long enough for the JIT: 5 s left the first measured run cold
CRASH_CHECK=${CRASH_CHECK:-1}            # 1: after the measured run, kill -9 the service under load and
CRASH_DURATION=${CRASH_DURATION:-10}     #    count what survived in the store (seconds of load,
CRASH_AFTER=${CRASH_AFTER:-6}            #    SIGKILL after this many seconds)
PGBENCH=${PGBENCH:-1}                    # 0 skips pgbench
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PGBENCH_JOBS=${PGBENCH_JOBS:-2}
PGBENCH_DURATION=${PGBENCH_DURATION:-20} # seconds
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-postgres}
PG_ADMIN_DB=${PG_ADMIN_DB:-test}         # an existing database to connect to for create/drop
SKIP_BUILD=${SKIP_BUILD:-0}              # 1 reuses bench/out/h2-app and bench/out/pg-app
JAVA_OPTS=${JAVA_OPTS:-}                 # extra JVM options for the service
PG_JDBC_PARAMS=${PG_JDBC_PARAMS:-}       # appended to the PostgreSQL JDBC URL, e.g. ?reWriteBatchedInserts=true
LIQUIDITY=${LIQUIDITY:-900000000000.00}  # CNY moved IN to every debtor account before the runs

LEVELS=$(printf '%s\n' $CLIENTS "$CONNECTIONS" | sort -n -u | tr '\n' ' ')
# pgbench at every client count the service is measured at
PGB_LEVELS=$(printf '%s\n' $LEVELS $( [ -n "$BULK_SIZES" ] && echo "$BULK_CONNECTIONS") | sort -n -u | tr '\n' ' ')
TS=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$OUT/run-$TS                          # service logs, wrk output, H2 data of this run
REPORT=$OUT/report-$TS.txt
mkdir -p "$RUN"
exec > >(tee -a "$REPORT") 2>&1          # everything printed below is also the report

log() { printf '\n=== %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '\nFAIL: %s\n' "$*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------------------------
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
need_apt=()
command -v wrk >/dev/null || need_apt+=(wrk)
command -v curl >/dev/null || need_apt+=(curl)
command -v jq >/dev/null || need_apt+=(jq)
command -v psql >/dev/null || need_apt+=(postgresql-client)
# On Debian bookworm pgbench ships in postgresql-15 (pulled in by postgresql-contrib); /usr/bin/pgbench
# is the postgresql-client-common wrapper, so check that it actually runs.
pgbench --version >/dev/null 2>&1 || need_apt+=(postgresql-contrib)
command -v java >/dev/null || need_apt+=(openjdk-17-jdk-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
PSQL=(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt)
PAY_DB="rmbsim_bench_$$"
PGB_DB="rmbsim_pgbench_$$"

# --- cleanup: only what this script started or created -----------------------------------------
SVC_PID=""
WRK_PID=""
cleanup() {
  local rc=$?
  if [ -n "$WRK_PID" ] && kill -0 "$WRK_PID" 2>/dev/null; then kill "$WRK_PID" 2>/dev/null || true; fi
  if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then kill -KILL "$SVC_PID" 2>/dev/null || true; fi
  if [[ " $STORES " == *" postgres "* ]] || [ "$PGBENCH" = 1 ]; then
    "${PSQL[@]}" -d "$PG_ADMIN_DB" -c "drop database if exists $PAY_DB with (force)" >/dev/null 2>&1 || true
    "${PSQL[@]}" -d "$PG_ADMIN_DB" -c "drop database if exists $PGB_DB with (force)" >/dev/null 2>&1 || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- machine --------------------------------------------------------------------------------------
log "machine"
echo "nproc: $(nproc)   loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo "wrk: $(wrk -v 2>&1 | head -1)"
echo "pgbench: $(pgbench --version 2>&1 | head -1)"
echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "knobs: THREADS=$THREADS CLIENTS=$LEVELS(main $CONNECTIONS) DURATION=$DURATION WARMUP=$WARMUP_CONNECTIONS/$WARMUP_DURATION" \
     "BULK_SIZES=${BULK_SIZES:-none}/-c$BULK_CONNECTIONS CRASH_CHECK=$CRASH_CHECK PROFILE=$PROFILE" \
     "PGBENCH=-s$PGBENCH_SCALE/-c[$PGB_LEVELS]/-j$PGBENCH_JOBS/-T$PGBENCH_DURATION"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- build ------------------------------------------------------------------------------------------
build() { # <dest dir> <maven args...>
  local dest=$1; shift
  log "build: ./mvnw -B -q -DskipTests package $* -> ${dest#"$ROOT"/}"
  ./mvnw -B -q -DskipTests package "$@"
  rm -rf "$dest"
  cp -r target/quarkus-app "$dest"
}
built() { # every store asked for has its build in bench/out
  local s
  for s in $STORES; do
    [ -f "$OUT/$( [ "$s" = h2 ] && echo h2 || echo pg )-app/quarkus-run.jar" ] || return 1
  done
}
if [ "$SKIP_BUILD" = 1 ] && built; then
  log "build skipped (SKIP_BUILD=1): using bench/out/h2-app and bench/out/pg-app"
else
  if [[ " $STORES " == *" h2 "* ]]; then build "$OUT/h2-app"; fi
  # -Ppostgres alone still builds db-kind h2 (application.properties' quarkus.datasource.db-kind=h2 wins over
  # the pom property the profile sets), so the build-time kind is also given as a system property.
  if [[ " $STORES " == *" postgres "* ]]; then build "$OUT/pg-app" -Ppostgres -Dquarkus.datasource.db-kind=postgresql; fi
fi

# --- profile (PROFILE=1): Java Flight Recorder started and stopped in the running service by jcmd --------
# (async-profiler's agent cannot be given its options through jcmd, which drops what follows an '=')
profile_start() {
  jcmd "$SVC_PID" JFR.start name=bench settings=profile >/dev/null || echo "WARNING: JFR.start failed"
}
profile_stop() { # <store> <what was measured>
  local jfr=$RUN/$1-profile.jfr
  jcmd "$SVC_PID" JFR.dump name=bench filename="$jfr" >/dev/null && jcmd "$SVC_PID" JFR.stop name=bench >/dev/null \
    || { echo "WARNING: JFR.dump failed"; return 0; }
  python3 "$BENCH/jfr-flame.py" "$jfr" "$RUN/$1-profile" "$1, $2" || return 0
  echo "flame graph: ${RUN#"$ROOT"/}/$1-profile.svg"
  python3 "$BENCH/profile-summary.py" "$RUN/$1-profile.collapsed" 25 || true
}

# --- PostgreSQL -------------------------------------------------------------------------------------
if [[ " $STORES " == *" postgres "* ]] || [ "$PGBENCH" = 1 ]; then
  "${PSQL[@]}" -d "$PG_ADMIN_DB" -c 'select 1' >/dev/null \
    || die "PostgreSQL at $PG_HOST:$PG_PORT (user $PG_USER, db $PG_ADMIN_DB) is not answering"
  echo "postgresql: $("${PSQL[@]}" -d "$PG_ADMIN_DB" -c 'show server_version')," \
       "synchronous_commit=$("${PSQL[@]}" -d "$PG_ADMIN_DB" -c 'show synchronous_commit')," \
       "fsync=$("${PSQL[@]}" -d "$PG_ADMIN_DB" -c 'show fsync')"
fi

# --- helpers ----------------------------------------------------------------------------------------
free_port() {
  local p
  for p in $(seq 18080 18180); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

start_service() { # <store> <port> <log>
  local store=$1 port=$2 logf=$3 app
  # the demo profile issues the operator token the benchmark sends; its key is kept per run
  local props=(-Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" -Dsettlement.auto-close=false
    -Dquarkus.profile=demo -Drmbsim.auth.key-dir="$RUN/keys")
  if [ "$store" = h2 ]; then
    app=$OUT/h2-app
    # shellcheck disable=SC2086
    java $JAVA_OPTS "${props[@]}" -Drmbsim.data-dir="$H2_DIR" -jar "$app/quarkus-run.jar" >>"$logf" 2>&1 &
  else
    app=$OUT/pg-app
    # shellcheck disable=SC2086
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PAY_DB${PG_JDBC_PARAMS:-}" \
    QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
    QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
      java $JAVA_OPTS "${props[@]}" -jar "$app/quarkus-run.jar" >>"$logf" 2>&1 &
  fi
  SVC_PID=$!
  local i
  for i in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then
      echo "service up on 127.0.0.1:$port (pid $SVC_PID) after ~$((i / 2)) s"
      TOKEN=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/demo-token?role=operator" -H 'Accept: text/plain')
      export BENCH_TOKEN=$TOKEN
      return 0
    fi
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$logf"; die "$store service exited during start"; }
    sleep 0.5
  done
  tail -30 "$logf"
  die "$store service not ready after 60 s"
}

stop_service() { # graceful, then SIGKILL after 20 s
  [ -n "$SVC_PID" ] || return 0
  kill -TERM "$SVC_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 40); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$SVC_PID" 2>/dev/null && kill -KILL "$SVC_PID" 2>/dev/null || true
  wait "$SVC_PID" 2>/dev/null || true
  SVC_PID=""
}

crash_service() {
  kill -KILL "$SVC_PID" 2>/dev/null || true
  wait "$SVC_PID" 2>/dev/null || true
  SVC_PID=""
}

field() { # <BENCH_RESULT line> <name> -> value (0 when absent)
  local v
  v=$(sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1" | head -1)
  echo "${v:-0}"
}

wrk_result() { # <wrk output file> -> its BENCH_RESULT line (or an empty one)
  grep -m1 '^BENCH_RESULT' "$1" || echo "BENCH_RESULT missing=1"
}

run_wrk() { # <nonce> <connections> <duration> <output file> [--latency]  (BULK=n: documents of n transactions)
  local nonce=$1 conns=$2 dur=$3 outf=$4; shift 4
  BENCH_NONCE=$nonce BENCH_PAIRS=$PAIRS_FILE BENCH_BULK=${BULK:-0} \
    wrk -t"$THREADS" -c"$conns" -d"$dur" --timeout 30s "$@" -s "$BENCH/payments.lua" "$BASE" >"$outf" 2>&1 || true
}

seq_metrics() { # -> "read apply write answer batches payments" sums (s) and counts from /q/metrics
  curl -sf "$BASE/q/metrics" | awk '
    /^rmbsim_sequencer_phase_seconds_sum/ { match($0, /phase="[a-z]+"/); p = substr($0, RSTART + 7, RLENGTH - 8); sum[p] = $NF }
    /^rmbsim_sequencer_phase_seconds_count\{.*phase="write"/ { n = $NF }
    /^rmbsim_journal_payments_per_write_sum/ { pay = $NF }
    END { printf "%s %s %s %s %s %s\n", sum["read"] + 0, sum["apply"] + 0, sum["write"] + 0, sum["answer"] + 0, n + 0, pay + 0 }'
}

seq_report() { # <metrics before> <metrics after> <seconds> -> where the sequencer's time went in the run
  awk -v a="$1" -v b="$2" -v secs="$3" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    n = y[5] - x[5]; if (n <= 0) { print "sequencer: no batch"; exit }
    for (i = 1; i <= 4; i++) d[i] = (y[i] - x[i]) * 1000 / n
    journal = (y[3] - x[3]) * 100 / secs
    sequencer = (y[1] + y[2] + y[4] - x[1] - x[2] - x[4]) * 100 / secs
    printf "sequencer: %d batches, %.1f payments each; per batch ms: read %.2f, apply %.2f, write %.2f, answer %.2f; journal thread busy %.0f%%, sequencer thread %.0f%% of the run\n", n, (y[6] - x[6]) / n, d[1], d[2], d[3], d[4], journal, sequencer
  }'
}

api_total() { # <query string> -> .total of GET /api/v1/payments
  curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/payments?$1" | jq -r .total
}

db_counts() { # <store> -> "settled total" read from the store itself, service stopped
  if [ "$1" = h2 ]; then
    local jar
    jar=$(ls "$OUT"/h2-app/lib/main/com.h2database.h2-*.jar | head -1)
    java -cp "$jar" org.h2.tools.Shell -url "jdbc:h2:file:$H2_DIR/rmbsim;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
      -user sa -sql "select count(case when status = 'SETTLED' then 1 end) || ' ' || count(*) as n from payment" \
      | grep -E '^[0-9]+ [0-9]+$'
  else
    "${PSQL[@]}" -d "$PAY_DB" -c "select count(*) filter (where status = 'SETTLED') || ' ' || count(*) from payment"
  fi
}

FAILURES=()
declare -A R_SEQ R_PPS R_P50 R_P99 R_NON2XX R_STORE R_ANSWERED R_DUR R_DOCS PGB

# --- one store ----------------------------------------------------------------------------------------
bench_store() { # <h2|postgres>
  local store=$1 port logf
  log "store: $store"
  logf=$RUN/$store-service.log
  H2_DIR=$RUN/h2-data
  if [ "$store" = h2 ]; then
    rm -rf "$H2_DIR"; mkdir -p "$H2_DIR"
  else
    "${PSQL[@]}" -d "$PG_ADMIN_DB" -c "drop database if exists $PAY_DB with (force)" -c "create database $PAY_DB"
    echo "database $PAY_DB created"
  fi
  port=$(free_port) || die "no free port in 18080-18180"
  BASE="http://127.0.0.1:$port"
  start_service "$store" "$port" "$logf"

  # debtor accounts: the Chinese directs and Harbin Bank's active Russian indirect participants
  local directs=(HCCBCNBHXXX ICBKCNBJXXX BKCHCNBJXXX PCBCCNBJXXX ABOCCNBJXXX COMMCNSHXXX CMBCCNBSXXX CIBKCNBJXXX)
  local russians
  mapfile -t russians < <(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/participants?settlementAgent=HCCBCNBHXXX&country=RU&status=ACTIVE&size=100" \
    | jq -r '.items[].bic')
  [ ${#russians[@]} -gt 0 ] || die "no Russian indirect participants of HCCBCNBHXXX found"
  PAIRS_FILE=$RUN/pairs-$store.lua
  {
    echo "-- generated by bench/run.sh from $BASE: Chinese directs among each other, interleaved with"
    echo "-- Russian indirect participants of HCCBCNBHXXX paying Chinese directs other than Harbin Bank"
    echo "return {"
    local a b i=0 direct=() russian=()
    for a in "${directs[@]}"; do for b in "${directs[@]}"; do [ "$a" = "$b" ] || direct+=("$a $b"); done; done
    for a in "${russians[@]}"; do for b in "${directs[@]:1}"; do russian+=("$a $b"); done; done
    local n=$(( ${#direct[@]} > ${#russian[@]} ? ${#direct[@]} : ${#russian[@]} ))
    for ((i = 0; i < n; i++)); do
      if [ $i -lt ${#direct[@]} ]; then read -r a b <<<"${direct[$i]}"; echo "  {\"$a\", \"$b\"},"; fi
      if [ $i -lt ${#russian[@]} ]; then read -r a b <<<"${russian[$i]}"; echo "  {\"$a\", \"$b\"},"; fi
    done
    echo "}"
  } >"$PAIRS_FILE"
  echo "pairs: $(grep -c '^  {' "$PAIRS_FILE") (8 Chinese directs, ${#russians[@]} Russian indirects) -> ${PAIRS_FILE#"$ROOT"/}"

  local bic code funded=0
  for bic in "${directs[@]}" "${russians[@]}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/accounts/$bic/liquidity" \
      -H 'Content-Type: application/json' \
      -d "{\"direction\":\"IN\",\"amount\":\"$LIQUIDITY\",\"currency\":\"CNY\",\"reference\":\"BENCH-FUNDING\"}")
    [ "$code" = 200 ] || [ "$code" = 201 ] || die "funding $bic answered HTTP $code"
    funded=$((funded + 1))
  done
  echo "funded $funded accounts with $LIQUIDITY CNY each"

  log "$store: warm-up wrk -t$THREADS -c$WARMUP_CONNECTIONS -d$WARMUP_DURATION"
  run_wrk "$((RANDOM * 8 + 1))" "$WARMUP_CONNECTIONS" "$WARMUP_DURATION" "$RUN/$store-wrk-warmup.txt"
  local warm; warm=$(wrk_result "$RUN/$store-wrk-warmup.txt"); echo "$warm"

  local answered_ok answered_settled live_total live_settled live_ok db_ok meas c n m0 m1
  answered_ok=$(field "$warm" ok2xx)
  answered_settled=$(field "$warm" settled)
  for c in $LEVELS; do
    log "$store: measured wrk -t$THREADS -c$c -d$DURATION --latency (single JSON payments)"
    if [ "$PROFILE_RUN" = "c$c" ] && [ "$PROFILE" = 1 ]; then
      profile_start
    fi
    m0=$(seq_metrics)
    run_wrk "$((RANDOM * 8 + 2))" "$c" "$DURATION" "$RUN/$store-wrk-c$c.txt" --latency
    m1=$(seq_metrics)
    if [ "$PROFILE_RUN" = "c$c" ] && [ "$PROFILE" = 1 ]; then
      profile_stop "$store" "wrk -c$c, single JSON payments"
    fi
    cat "$RUN/$store-wrk-c$c.txt"
    meas=$(wrk_result "$RUN/$store-wrk-c$c.txt")
    R_SEQ[$store,$c]=$(seq_report "$m0" "$m1" "$(field "$meas" seconds)"); echo "${R_SEQ[$store,$c]}"
    [ "$(field "$meas" missing)" = 0 ] || FAILURES+=("$store: wrk -c$c gave no result (see ${RUN#"$ROOT"/}/$store-wrk-c$c.txt)")
    answered_ok=$((answered_ok + $(field "$meas" ok2xx)))
    answered_settled=$((answered_settled + $(field "$meas" settled)))
    R_PPS[$store,$c]=$(field "$meas" settled_per_s)
    R_P50[$store,$c]=$(field "$meas" p50_ms)
    R_P99[$store,$c]=$(field "$meas" p99_ms)
    R_NON2XX[$store,$c]=$(( $(field "$meas" non2xx) + $(field "$meas" socket_errors) ))
    if [ "$(field "$meas" non2xx)" != 0 ]; then
      echo "!!!!! $store -c$c: $(field "$meas" non2xx) non-2xx answers: $(field "$meas" codes) !!!!!"
    fi
  done
  for n in $BULK_SIZES; do
    log "$store: bulk: pacs.008 documents of $n transactions, wrk -t$THREADS -c$BULK_CONNECTIONS -d$DURATION --latency"
    m0=$(seq_metrics)
    [ "$PROFILE_RUN" = "bulk$n" ] && [ "$PROFILE" = 1 ] && profile_start
    BULK=$n run_wrk "$((RANDOM * 8 + 4))" "$BULK_CONNECTIONS" "$DURATION" "$RUN/$store-wrk-bulk$n.txt" --latency
    m1=$(seq_metrics)
    [ "$PROFILE_RUN" = "bulk$n" ] && [ "$PROFILE" = 1 ] && profile_stop "$store" "wrk -c$BULK_CONNECTIONS, pacs.008 of $n transactions"
    cat "$RUN/$store-wrk-bulk$n.txt"
    meas=$(wrk_result "$RUN/$store-wrk-bulk$n.txt")
    R_SEQ[$store,bulk$n]=$(seq_report "$m0" "$m1" "$(field "$meas" seconds)"); echo "${R_SEQ[$store,bulk$n]}"
    [ "$(field "$meas" missing)" = 0 ] || FAILURES+=("$store: bulk $n gave no result (see ${RUN#"$ROOT"/}/$store-wrk-bulk$n.txt)")
    # a document answered 200 holds n payments, each stored whatever became of it
    answered_ok=$((answered_ok + $(field "$meas" ok2xx) * n))
    answered_settled=$((answered_settled + $(field "$meas" settled)))
    R_PPS[$store,bulk$n]=$(field "$meas" settled_per_s)
    R_DOCS[$store,bulk$n]=$(field "$meas" requests_per_s)
    R_P50[$store,bulk$n]=$(field "$meas" p50_ms)
    R_P99[$store,bulk$n]=$(field "$meas" p99_ms)
    R_NON2XX[$store,bulk$n]=$(( $(field "$meas" non2xx) + $(field "$meas" socket_errors) ))
  done

  # durability, live: every answered payment must be in the store (requests in flight when wrk
  # stopped are settled but not counted by wrk, so the store may hold a few more)
  sleep 1
  live_total=$(api_total "size=1") || live_total=0
  live_settled=$(api_total "status=SETTLED&size=1") || live_settled=0
  log "$store: durability (live, GET /api/v1/payments)"
  echo "answered 2xx (warm-up + measured): $answered_ok, of which answered SETTLED: $answered_settled"
  echo "in store: $live_total payments, $live_settled SETTLED"
  if [ "$live_settled" -lt "$answered_settled" ] || [ "$live_total" -lt "$answered_ok" ]; then
    echo "!!!!! FAIL: $store store holds fewer payments than were answered !!!!!"
    FAILURES+=("$store live: $live_settled settled in store < $answered_settled answered SETTLED")
    live_ok=FAIL
  else
    echo "OK: every answered payment is in the store"
    live_ok=ok
  fi

  local after
  if [ "$CRASH_CHECK" = 1 ]; then
    log "$store: crash check: wrk for ${CRASH_DURATION}s, kill -9 of the service after ${CRASH_AFTER}s"
    BENCH_NONCE=$((RANDOM * 8 + 3)) BENCH_PAIRS=$PAIRS_FILE \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${CRASH_DURATION}s" -s "$BENCH/payments.lua" "$BASE" \
      >"$RUN/$store-wrk-crash.txt" 2>&1 &
    WRK_PID=$!
    sleep "$CRASH_AFTER"
    crash_service
    echo "service killed (SIGKILL) under load"
    wait "$WRK_PID" || true
    WRK_PID=""
    local crash; crash=$(wrk_result "$RUN/$store-wrk-crash.txt"); echo "$crash"
    answered_settled=$((answered_settled + $(field "$crash" settled)))
    answered_ok=$((answered_ok + $(field "$crash" ok2xx)))
    after="after kill -9"
  else
    stop_service
    after="after a clean stop"
  fi
  local counts db_settled db_total
  counts=$(db_counts "$store") || counts="0 0"
  read -r db_settled db_total <<<"$counts"
  log "$store: durability ($after, read from the database itself)"
  echo "answered 2xx in all phases: $answered_ok, of which answered SETTLED: $answered_settled"
  echo "in the database: $db_total payments, $db_settled SETTLED"
  if [ "$db_settled" -lt "$answered_settled" ] || [ "$db_total" -lt "$answered_ok" ]; then
    echo "!!!!! FAIL: $((answered_settled - db_settled)) answered SETTLED payments are missing from the $store store $after !!!!!"
    FAILURES+=("$store $after: $db_settled settled in store < $answered_settled answered SETTLED ($((answered_settled - db_settled)) lost)")
    db_ok="FAIL ($((answered_settled - db_settled)) lost)"
  else
    echo "OK: every answered payment survived ($after)"
    db_ok=ok
  fi

  log "$store: service log (${logf#"$ROOT"/}): $(grep -cE ' (ERROR|WARN) ' "$logf" || true) ERROR/WARN lines"
  grep -E ' (ERROR|WARN) ' "$logf" | head -20 || true

  R_ANSWERED[$store]=$answered_settled
  R_STORE[$store]="$live_settled/$db_settled"
  R_DUR[$store]="live: $live_ok; $after: $db_ok"
}

for s in $STORES; do
  case $s in h2|postgres) bench_store "$s" ;; *) die "unknown store '$s' (h2, postgres)" ;; esac
done

# --- pgbench on the same PostgreSQL, at every client count the service was measured at -----------------
if [ "$PGBENCH" = 1 ]; then
  MAXCONN=$("${PSQL[@]}" -d "$PG_ADMIN_DB" -c 'show max_connections')
  log "pgbench -i -s $PGBENCH_SCALE, then -b simple-update -j $PGBENCH_JOBS -T $PGBENCH_DURATION at -c $PGB_LEVELS(database $PGB_DB; max_connections $MAXCONN)"
  "${PSQL[@]}" -d "$PG_ADMIN_DB" -c "drop database if exists $PGB_DB with (force)" -c "create database $PGB_DB"
  pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -i -q -s "$PGBENCH_SCALE" "$PGB_DB" >"$RUN/pgbench-init.txt" 2>&1 \
    || { cat "$RUN/pgbench-init.txt"; die "pgbench -i failed"; }
  for c in $PGB_LEVELS; do
    # pgbench's clients are connections: no more than the server takes (the service pools 32 whatever its clients)
    pc=$(( c < MAXCONN - 5 ? c : MAXCONN - 5 ))
    pgbench -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -b simple-update -c "$pc" -j "$PGBENCH_JOBS" \
      -T "$PGBENCH_DURATION" "$PGB_DB" >"$RUN/pgbench-c$c.txt" 2>&1 || { cat "$RUN/pgbench-c$c.txt"; die "pgbench failed"; }
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$RUN/pgbench-c$c.txt" | head -1)
    PGB[$c]=$(awk -v t="${tps:-0}" 'BEGIN { printf "%.1f", t }')
    echo "pgbench -c $pc$( [ "$pc" != "$c" ] && echo " (for $c: capped by max_connections)"): ${PGB[$c]} TPS," \
      "latency average $(sed -n 's/^latency average = //p' "$RUN/pgbench-c$c.txt")"
  done
  "${PSQL[@]}" -d "$PG_ADMIN_DB" -c "drop database if exists $PGB_DB with (force)"
fi

# --- the table -------------------------------------------------------------------------------------------
log "results"
echo "machine: nproc $(nproc); loadavg at start $LOAD_START, now $(cut -d' ' -f1-3 /proc/loadavg)" \
     "(wrk, the service and PostgreSQL share these CPUs)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo
echo "Single JSON payments, wrk -t$THREADS -d$DURATION each; payments/s = answered 201 SETTLED per second;"
echo "ratio = payments/s over pgbench simple-update TPS at the same client count"
printf '%-9s %8s %12s %9s %9s %8s %12s %7s\n' store clients 'payments/s' 'p50 ms' 'p99 ms' non-2xx 'pgbench TPS' ratio
for s in $STORES; do
  for c in $LEVELS; do
    printf '%-9s %8s %12s %9s %9s %8s %12s %7s\n' "$s" "$c" "${R_PPS[$s,$c]}" "${R_P50[$s,$c]}" "${R_P99[$s,$c]}" \
      "${R_NON2XX[$s,$c]}" "${PGB[$c]:-n/a}" "$(ratio "${R_PPS[$s,$c]}" "${PGB[$c]:-0}")"
  done
done
if [ -n "$BULK_SIZES" ]; then
  echo
  echo "Bulk pacs.008, wrk -t$THREADS -c$BULK_CONNECTIONS -d$DURATION; transactions/s = transactions answered ACSC per second;"
  echo "ratio = transactions/s over pgbench TPS at $BULK_CONNECTIONS clients"
  printf '%-9s %8s %11s %14s %9s %9s %8s %12s %7s\n' store 'tx/doc' 'docs/s' 'transactions/s' 'p50 ms' 'p99 ms' non-2xx 'pgbench TPS' ratio
  for s in $STORES; do
    for n in $BULK_SIZES; do
      printf '%-9s %8s %11s %14s %9s %9s %8s %12s %7s\n' "$s" "$n" "${R_DOCS[$s,bulk$n]}" "${R_PPS[$s,bulk$n]}" \
        "${R_P50[$s,bulk$n]}" "${R_P99[$s,bulk$n]}" "${R_NON2XX[$s,bulk$n]}" "${PGB[$BULK_CONNECTIONS]:-n/a}" \
        "$(ratio "${R_PPS[$s,bulk$n]}" "${PGB[$BULK_CONNECTIONS]:-0}")"
    done
  done
fi
echo
echo "Where settlement's time went in each run (rmbsim.sequencer.phase; the journal thread writes a batch while the"
echo "sequencer reads the next; journal busy near 100 %: the store's writes bound the rate, well below: the requests'"
echo "way to settlement and back does):"
for s in $STORES; do
  for c in $LEVELS; do echo "  $s -c$c: ${R_SEQ[$s,$c]#sequencer: }"; done
  for n in $BULK_SIZES; do echo "  $s bulk $n: ${R_SEQ[$s,bulk$n]#sequencer: }"; done
done
echo
echo "Durability: SETTLED payments in the store via the API after the measured runs / read from the database"
echo "after the crash check (or a clean stop), against SETTLED answers wrk received in all phases:"
for s in $STORES; do echo "  $s: ${R_STORE[$s]} in store, ${R_ANSWERED[$s]} answered; ${R_DUR[$s]}"; done
if [ "$PGBENCH" = 1 ]; then
  echo
  echo "Goals (issue 17):"
  goal() { # <label> <value> <pgbench> <factor> [p99 limit] [p99]
    local ok
    ok=$(awk -v a="$2" -v b="$3" -v f="$4" -v lim="${5:-0}" -v p="${6:-0}" \
      'BEGIN { print (b > 0 && a >= f * b && (lim == 0 || p <= lim)) ? "MET" : "NOT MET" }')
    echo "  $1: $ok ($2 against $4 x $3$( [ -n "${5:-}" ] && echo "; p99 ${6} ms, limit ${5} ms"))"
  }
  for s in $STORES; do
    if [[ " $LEVELS " == *" 64 "* ]]; then
      goal "$s, 64 clients, payments/s >= 1.0 x pgbench, p99 <= 25 ms" "${R_PPS[$s,64]}" "${PGB[64]:-0}" 1.0 25 "${R_P99[$s,64]}"
    fi
    if [[ " $LEVELS " == *" 16 "* ]]; then
      goal "$s, 16 clients, payments/s >= 0.6 x pgbench at 16" "${R_PPS[$s,16]}" "${PGB[16]:-0}" 0.6
    fi
    if [[ " $BULK_SIZES " == *" 1000 "* ]]; then
      goal "$s, bulk of 1,000, transactions/s >= 5 x pgbench at $BULK_CONNECTIONS" "${R_PPS[$s,bulk1000]}" "${PGB[$BULK_CONNECTIONS]:-0}" 5
    fi
  done
fi
echo "files: ${RUN#"$ROOT"/}/ (service logs, wrk and pgbench output), report ${REPORT#"$ROOT"/}"
if [ ${#FAILURES[@]} -gt 0 ]; then
  echo
  echo "!!!!! FAIL !!!!!"
  printf '  %s\n' "${FAILURES[@]}"
  exit 1
fi
