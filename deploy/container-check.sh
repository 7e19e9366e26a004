#!/usr/bin/env bash
# deploy/container-check.sh [PROJECT_ROOT]
#
# Proves the container images by running them, on a Debian bookworm machine as root, with no
# container registry: builds a JRE 17 base image and a PostgreSQL image from Debian's packages
# (debootstrap), builds the service image from deploy/Dockerfile.jvm on that base, starts both
# through deploy/compose.yaml (docker-compose 1.29 against `podman system service`), waits for
# /q/health/ready, submits a payment, restarts the service container, finds the payment again,
# and tears everything down (also on failure). Prints one summary line:
#
#   CONTAINER-CHECK: ok image=...MB base=... ready_after=...s restart_ready_after=...s total=...s
#
# Idempotent: base images are cached under their tags (rebuilt only when missing, when their
# recipe changes, or with RMBSIM_REBUILD_BASE=1); the application jar is rebuilt with -Ppostgres
# only when target/ lacks a PostgreSQL build that is newer than the sources (or RMBSIM_REBUILD=1).
#
# Environment (all optional): RMBSIM_PORT (host port; default: the first free one from 18080),
# READY_TIMEOUT (seconds, default 300), DEBIAN_MIRROR (default: the one apt uses), RMBSIM_REBUILD,
# RMBSIM_REBUILD_BASE, CONTAINERS_CONF (default deploy/podman/containers.conf, see there).
set -euo pipefail

STARTED=$(date +%s)
ROOT=$(cd "${1:-$(dirname "$0")/..}" && pwd)
DEPLOY=$ROOT/deploy
COMPOSE_FILE=$DEPLOY/compose.yaml
PROJECT=rmbsim-ci

JRE_BASE_IMAGE=localhost/rmbsim-jre17-base:bookworm
PG_BASE_IMAGE=localhost/rmbsim-pg15-base:bookworm
PG_IMAGE=localhost/rmbsim-postgres:15
APP_IMAGE=localhost/rmbsim:jvm
# Bump when the package lists or the stripping below change: cached base images with another
# recipe label are rebuilt.
BASE_RECIPE=1
JRE_PACKAGES=(openjdk-17-jre-headless ca-certificates)
PG_PACKAGES=(postgresql-15)

READY_TIMEOUT=${READY_TIMEOUT:-300}
# State of this run: the podman API socket and its pid (fixed paths, so that a run killed
# half-way is cleaned up by the next), and a scratch folder on disk for the root file systems.
RUN_DIR=/run/rmbsim-container-check
SOCKET=$RUN_DIR/podman.sock
SCRATCH=/var/tmp/rmbsim-container-check

# The settings these machines need (runc, cgroupfs, file events, lower ulimits) in a file of the
# project's own, rather than in /etc/containers/containers.conf, so that a user's configuration is
# neither overwritten nor needed; it applies to every podman process started from this script,
# the API service included.
export CONTAINERS_CONF=${CONTAINERS_CONF:-$DEPLOY/podman/containers.conf}
export DEBIAN_FRONTEND=noninteractive

# Figures for the summary line.
IMAGE_MB=- BASE_FIGURE=- READY_AFTER=- RESTART_READY_AFTER=-
STEP=start
COMPOSE_STARTED=false
COMPOSE_UP_PID=
PORT=

log() { printf '\n=== %s container-check: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { echo "container-check: $*" >&2; exit 1; }
step() { STEP=$1; log "$*"; }

# --- 1. host tools and the podman API service ----------------------------------------------------

install_host_packages() {
  local missing=() pair
  for pair in podman:podman buildah:buildah runc:runc debootstrap:debootstrap curl:curl jq:jq unzip:unzip; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  local need_compose=false
  command -v docker-compose >/dev/null || need_compose=true
  [ ${#missing[@]} -eq 0 ] && ! $need_compose && return 0
  log "installing ${missing[*]} $($need_compose && echo docker-compose)"
  apt-get update -qq
  [ ${#missing[@]} -eq 0 ] || apt-get install -y -qq "${missing[@]}" >/dev/null
  # Without --no-install-recommends docker-compose pulls in docker.io (a second engine).
  ! $need_compose || apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
}

start_podman_service() {
  mkdir -p "$RUN_DIR"
  stop_podman_service   # one left by a run that was killed
  rm -f "$SOCKET"
  # --time=0: no idle timeout; the service lives until this script stops it.
  podman system service --time=0 "unix://$SOCKET" >"$RUN_DIR/podman-service.log" 2>&1 &
  echo $! >"$RUN_DIR/podman-service.pid"
  export DOCKER_HOST=unix://$SOCKET
  for _ in $(seq 1 60); do
    [ "$(curl -s --unix-socket "$SOCKET" http://d/_ping 2>/dev/null)" = OK ] && return 0
    sleep 0.5
  done
  cat "$RUN_DIR/podman-service.log" >&2
  die "podman system service did not answer on $SOCKET"
}

stop_podman_service() {
  local pid_file=$RUN_DIR/podman-service.pid pid
  [ -f "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  # Only our own service: the pid must still be a `podman system service` on our socket.
  if grep -qs "$SOCKET" "/proc/$pid/cmdline"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  fi
  rm -f "$pid_file" "$SOCKET"
}

# --- 2./3. base images from Debian's packages ----------------------------------------------------

# The mirror apt already uses (the only Debian archive the machine may reach), unless given.
debian_mirror() {
  local suffix=$1 fallback=$2 url
  url=$(grep -hsE '^[[:space:]]*(URIs:|deb[[:space:]])' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
          /etc/apt/sources.list.d/*.sources | grep -oE 'https?://[^[:space:]]+' | grep -E "/${suffix}/?\$" | head -1 || true)
  echo "${url:-$fallback}"
}

image_is_current() {  # tag: exists and was made by this BASE_RECIPE
  [ "${RMBSIM_REBUILD_BASE:-0}" = 1 ] && return 1
  podman image exists "$1" || return 1
  [ "$(podman image inspect --format '{{ index .Labels "io.rmbsim.base-recipe" }}' "$1")" = "$BASE_RECIPE" ]
}

# debootstrap once per run, copied for each image that needs building: debootstrap is the slow part.
make_minbase() {
  local dir=$SCRATCH/minbase mirror
  [ -x "$dir/bin/bash" ] && return 0
  mirror=${DEBIAN_MIRROR:-$(debian_mirror debian http://deb.debian.org/debian)}
  log "debootstrap --variant=minbase bookworm from $mirror"
  debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$SCRATCH/debootstrap.log" 2>&1 \
    || { tail -20 "$SCRATCH/debootstrap.log" >&2; die "debootstrap failed"; }
  rm -rf "$dir"/var/cache/apt/archives/*.deb
}

# Installs packages into a copy of the minbase root file system with apt inside a chroot.
install_into_rootfs() {
  local dir=$1; shift
  local mirror security
  mirror=${DEBIAN_MIRROR:-$(debian_mirror debian http://deb.debian.org/debian)}
  security=$(debian_mirror debian-security '')
  {
    echo "deb $mirror bookworm main"
    echo "deb $mirror bookworm-updates main"
    # Security updates too, when the host has (so can reach) a security archive.
    [ -z "$security" ] || echo "deb $security bookworm-security main"
  } >"$dir/etc/apt/sources.list"
  # No service may start inside the chroot while packages are configured.
  printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"; chmod +x "$dir/usr/sbin/policy-rc.d"
  # The JRE's and PostgreSQL's maintainer scripts need /proc.
  mount -t proc proc "$dir/proc"
  local rc=0
  chroot "$dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold "$@"' \
    apt "$@" >"$dir.apt.log" 2>&1 || rc=$?
  umount "$dir/proc"
  [ $rc -eq 0 ] || { tail -30 "$dir.apt.log" >&2; die "apt-get install $* in the chroot failed"; }
  rm -f "$dir/usr/sbin/policy-rc.d"
}

# Smaller images: no package lists or caches, no documentation but the copyright files, no
# translations, no logs of the installation.
strip_rootfs() {
  local dir=$1
  rm -rf "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* "$dir"/var/cache/debconf/*-old \
         "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/* "$dir"/usr/share/lintian \
         "$dir"/var/log/*.log "$dir"/var/log/apt/*
  find "$dir/usr/share/doc" -type f ! -name copyright -delete
  find "$dir/usr/share/doc" -type l -delete
}

import_rootfs() {  # dir tag
  local dir=$1 tag=$2
  tar --numeric-owner -C "$dir" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - . \
    | podman import --quiet \
        --change "LABEL io.rmbsim.base-recipe=$BASE_RECIPE" \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'ENV LANG=C.UTF-8' \
        --change 'CMD ["/bin/bash"]' - "$tag" >/dev/null
}

build_base_image() {  # tag packages...
  local tag=$1; shift
  local dir=$SCRATCH/rootfs-${tag//[^a-z0-9]/-}
  make_minbase
  rm -rf "$dir"; cp -a "$SCRATCH/minbase" "$dir"
  if [[ " $* " == *" postgresql-"* ]]; then
    # The package would create and start a cluster in /var/lib/postgresql/15/main; the
    # image's entrypoint makes one in PGDATA on the first start instead.
    mkdir -p "$dir/etc/postgresql-common"
    echo 'create_main_cluster = false' >"$dir/etc/postgresql-common/createcluster.conf"
  fi
  log "installing $* into a bookworm root file system for $tag"
  install_into_rootfs "$dir" "$@"
  strip_rootfs "$dir"
  import_rootfs "$dir" "$tag"
  rm -rf "$dir" "$dir.apt.log"
}

# Removes the scratch folder, after unmounting a /proc that a failed (or killed) chroot step may
# have left mounted there; never removes anything while a mount remains below it.
release_scratch() {
  local mnt
  for mnt in $(awk -v d="$SCRATCH/" 'index($2, d) == 1 { print $2 }' /proc/mounts); do
    umount "$mnt" || umount -l "$mnt" || true
  done
  if awk -v d="$SCRATCH/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    echo "container-check: something is still mounted under $SCRATCH; not removing it" >&2
    return 0
  fi
  rm -rf "$SCRATCH"
}

ensure_base_images() {
  local t0; t0=$(date +%s)
  release_scratch
  mkdir -p "$SCRATCH"
  local built=()
  image_is_current "$JRE_BASE_IMAGE" || { build_base_image "$JRE_BASE_IMAGE" "${JRE_PACKAGES[@]}"; built+=(jre); }
  image_is_current "$PG_BASE_IMAGE" || { build_base_image "$PG_BASE_IMAGE" "${PG_PACKAGES[@]}"; built+=(pg); }
  release_scratch
  if [ ${#built[@]} -eq 0 ]; then
    BASE_FIGURE=cached
    log "base images cached: $JRE_BASE_IMAGE, $PG_BASE_IMAGE"
  else
    BASE_FIGURE="built(${built[*]}):$(( $(date +%s) - t0 ))s"
  fi
}

# --- 4. the application jar and the images -------------------------------------------------------

# db-kind is fixed at build time; the packaged application.properties says which kind it is.
jar_is_current_postgres_build() {
  local run_jar=$ROOT/target/quarkus-app/quarkus-run.jar app_jars props
  [ -f "$run_jar" ] || return 1
  app_jars=("$ROOT"/target/quarkus-app/app/*.jar)
  [ -f "${app_jars[0]}" ] || return 1
  props=$(unzip -p "${app_jars[0]}" application.properties) || return 1
  grep -qx 'quarkus.datasource.db-kind=postgresql' <<<"$props" || return 1
  # Sources edited after the jar was packaged: stale.
  [ -z "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$run_jar" -print -quit)" ]
}

ensure_jar() {
  if [ "${RMBSIM_REBUILD:-0}" != 1 ] && jar_is_current_postgres_build; then
    log "using the PostgreSQL build in target/quarkus-app"
    return 0
  fi
  step jar "packaging the application: ./mvnw -B -ntp -DskipTests package -Ppostgres"
  (cd "$ROOT" && ./mvnw -B -ntp -DskipTests package -Ppostgres)
  jar_is_current_postgres_build || die "target/quarkus-app is still not a PostgreSQL build"
}

build_images() {
  step images "building $PG_IMAGE and $APP_IMAGE"
  # --pull=never: every base is local; there is no registry to ask.
  podman build --pull=never -q -f "$DEPLOY/postgres/Containerfile" \
    --build-arg BASE_IMAGE="$PG_BASE_IMAGE" -t "$PG_IMAGE" "$ROOT" >/dev/null
  podman build --pull=never -q -f "$DEPLOY/Dockerfile.jvm" \
    --build-arg BASE_IMAGE="$JRE_BASE_IMAGE" -t "$APP_IMAGE" "$ROOT" >/dev/null
  IMAGE_MB="$(( $(podman image inspect --format '{{.Size}}' "$APP_IMAGE") / 1000000 ))MB"
  log "$APP_IMAGE: $IMAGE_MB (base $(( $(podman image inspect --format '{{.Size}}' "$JRE_BASE_IMAGE") / 1000000 )) MB);" \
      "$PG_IMAGE: $(( $(podman image inspect --format '{{.Size}}' "$PG_IMAGE") / 1000000 )) MB"
}

# --- 5. compose ----------------------------------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  if [ -n "${RMBSIM_PORT:-}" ]; then PORT=$RMBSIM_PORT; return 0; fi
  for PORT in $(seq 18080 18180); do port_in_use "$PORT" || return 0; done
  die "no free port in 18080-18180"
}

# The check expects a payment to settle at once, which it does only while the business day is open:
# run it on a Monday morning in Beijing, whatever the machine's date (a Saturday CI run once saw
# its payment QUEUED for the Monday). The clock restarts there after the restart step, same day.
CLOCK_START=${SETTLEMENT_CLOCK_START:-2026-12-07T10:00:00+08:00}

compose() {
  SETTLEMENT_CLOCK_START=$CLOCK_START \
  POSTGRES_IMAGE=$PG_IMAGE RMBSIM_IMAGE=$APP_IMAGE RMBSIM_PORT=$PORT \
    docker-compose -f "$COMPOSE_FILE" -p "$PROJECT" "$@"
}

# Whatever `down` missed (e.g. a container created while it ran): everything podman labelled
# with the project, then its network.
remove_project_leftovers() {
  local filter=label=com.docker.compose.project=$PROJECT ids
  ids=$(podman ps -aq --filter "$filter"); [ -z "$ids" ] || podman rm -f -v $ids >/dev/null
  ids=$(podman volume ls -q --filter "$filter"); [ -z "$ids" ] || podman volume rm -f $ids >/dev/null
  ! podman network exists "${PROJECT}_default" || podman network rm -f "${PROJECT}_default" >/dev/null
}

# podman runs container healthchecks from systemd timers; without systemd (PID 1 here is not) the
# postgres healthcheck would never run and `up` would wait for "healthy" forever. So while `up`
# waits, run the project's healthchecks by hand.
run_healthchecks() {
  local id
  for id in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT"); do
    podman healthcheck run "$id" >/dev/null 2>&1 || true
  done
}

compose_up() {
  step up "docker-compose up (project $PROJECT, http://localhost:$PORT)"
  # A project left by a killed run.
  compose down -v --remove-orphans >/dev/null 2>&1 || true
  remove_project_leftovers
  COMPOSE_STARTED=true
  local t0; t0=$(date +%s)
  compose up -d --no-build &
  COMPOSE_UP_PID=$!
  while kill -0 "$COMPOSE_UP_PID" 2>/dev/null; do
    (( $(date +%s) - t0 > READY_TIMEOUT )) && die "docker-compose up did not finish within ${READY_TIMEOUT}s"
    run_healthchecks
    sleep 1
  done
  wait "$COMPOSE_UP_PID" || die "docker-compose up failed"
  COMPOSE_UP_PID=
  wait_ready "$t0"
  READY_AFTER="$(( $(date +%s) - t0 ))s"
}

wait_ready() {  # start time
  local t0=$1 url=http://127.0.0.1:$PORT/q/health/ready
  until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    (( $(date +%s) - t0 > READY_TIMEOUT )) && die "$url not ready within ${READY_TIMEOUT}s"
    sleep 1
  done
  log "ready after $(( $(date +%s) - t0 ))s: $url"
}

# --- 6. a payment that survives a restart --------------------------------------------------------

AUTH=()
get_token() {
  local code
  code=$(curl -s -o "$RUN_DIR/token" -w '%{http_code}' -X POST \
           "http://127.0.0.1:$PORT/api/v1/auth/demo-token?role=operator" -H 'Accept: text/plain')
  case $code in
    200) AUTH=(-H "Authorization: Bearer $(cat "$RUN_DIR/token")") ;;
    404) AUTH=(); log "no demo-token endpoint in this build: calling the API without a token" ;;
    *) cat "$RUN_DIR/token" >&2; die "demo-token answered $code" ;;
  esac
}

# api EXPECTED_STATUS METHOD PATH [JSON]: prints the body; fails on any other status.
api() {
  local expected=$1 method=$2 path=$3 body=${4:-} code
  local args=(-s -o "$RUN_DIR/body" -w '%{http_code}' -X "$method" "${AUTH[@]}" -H 'Accept: application/json')
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' -d "$body")
  code=$(curl "${args[@]}" "http://127.0.0.1:$PORT$path")
  [ "$code" = "$expected" ] || { cat "$RUN_DIR/body" >&2; echo >&2; die "$method $path answered $code, expected $expected"; }
  cat "$RUN_DIR/body"
}

expect_status() {  # json expected
  local status; status=$(jq -r .status <<<"$1")
  [ "$status" = "$2" ] || die "payment status $status, expected $2: $1"
}

check_payment_survives_restart() {
  step payment "funding HCCBCNBHXXX and submitting a payment"
  get_token
  api 200 POST /api/v1/accounts/HCCBCNBHXXX/liquidity \
      '{"direction":"IN","amount":"1000.00","currency":"CNY","reference":"CI"}' | jq -c '{bic, balance}'
  local uetr; uetr=$(cat /proc/sys/kernel/random/uuid)
  local paid; paid=$(api 201 POST /api/v1/payments "{\"uetr\":\"$uetr\",\"endToEndId\":\"CI-1\",
      \"debtorAgent\":\"HCCBCNBHXXX\",\"creditorAgent\":\"ICBKCNBJXXX\",\"amount\":\"10.00\",\"currency\":\"CNY\"}")
  jq -c '{uetr, status}' <<<"$paid"
  expect_status "$paid" SETTLED

  step restart "restarting the service container"
  local container before t0; t0=$(date +%s)
  container=$(compose ps -q rmbsim)
  before=$(podman inspect --format '{{.State.StartedAt}}' "$container")
  compose restart rmbsim
  wait_ready "$t0"
  RESTART_READY_AFTER="$(( $(date +%s) - t0 ))s"
  # Proof that the answers below come from a new process, not from the one that took the payment.
  [ "$(podman inspect --format '{{.State.StartedAt}}' "$container")" != "$before" ] \
    || die "the rmbsim container was not restarted"

  get_token   # the demo signing key lives in the container's /tmp: it may be a new one
  local found; found=$(api 200 GET "/api/v1/payments/$uetr")
  jq -c '{uetr, status}' <<<"$found"
  expect_status "$found" SETTLED
  log "payment $uetr still SETTLED after the restart"
}

# --- 7. teardown and figures ---------------------------------------------------------------------

cleanup() {
  local rc=$?
  set +e
  # A signal caught inside a function called with redirections (`compose ... >/dev/null`) runs
  # this with those redirections still in place: write to the script's own stdout/stderr.
  exec 1>&8 2>&9
  if $COMPOSE_STARTED; then
    if [ $rc -ne 0 ]; then
      log "failed at step '$STEP': container logs"
      compose ps
      compose logs --no-color --tail=150
    fi
    # An `up` still running (timeout, interrupt) would go on creating containers behind `down`.
    if [ -n "$COMPOSE_UP_PID" ]; then kill "$COMPOSE_UP_PID" 2>/dev/null; wait "$COMPOSE_UP_PID" 2>/dev/null; fi
    log "docker-compose down -v"
    compose down -v --remove-orphans
    remove_project_leftovers
  fi
  release_scratch
  stop_podman_service
  local total=$(( $(date +%s) - STARTED ))
  if [ $rc -eq 0 ]; then
    rm -rf "$RUN_DIR"
    echo "CONTAINER-CHECK: ok image=$IMAGE_MB base=$BASE_FIGURE ready_after=$READY_AFTER restart_ready_after=$RESTART_READY_AFTER total=${total}s"
  else
    echo "container-check: the podman API service's log is in $RUN_DIR/podman-service.log" >&2
    echo "CONTAINER-CHECK: FAILED step=$STEP image=$IMAGE_MB base=$BASE_FIGURE ready_after=$READY_AFTER total=${total}s"
  fi
  exit $rc
}

main() {
  [ "$(id -u)" = 0 ] || die "run as root (rootful podman, debootstrap, chroot)"
  [ -f "$COMPOSE_FILE" ] || die "no $COMPOSE_FILE: give the project root as the argument"
  exec 8>&1 9>&2   # the script's stdout/stderr, for cleanup
  trap cleanup EXIT
  # Interrupted (Ctrl-C, CI's timeout): exit, which runs the teardown above.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  step tools "checking host tools"
  install_host_packages
  step base "base images"
  ensure_base_images
  ensure_jar
  start_podman_service
  build_images
  pick_port
  compose_up
  check_payment_survives_restart
}

main "$@"
