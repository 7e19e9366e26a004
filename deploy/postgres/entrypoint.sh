#!/bin/bash
# Entrypoint of deploy/postgres/Containerfile: a small subset of the official postgres image's.
# Starts as root, prepares PGDATA and the socket folder, then runs itself again as `postgres`;
# on the first start (no PG_VERSION in PGDATA) it runs initdb with POSTGRES_USER as the superuser
# and POSTGRES_PASSWORD as its password, and creates POSTGRES_DB. Extra arguments after
# `postgres` are passed to the server (e.g. `postgres -c log_statement=all`).
set -euo pipefail

POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
PGDATA=${PGDATA:-/var/lib/postgresql/data}
export PGDATA

if [ "${1:-postgres}" != postgres ]; then
  exec "$@"                                   # e.g. `bash` or `psql ...`
fi
[ $# -gt 0 ] && shift

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /run/postgresql
  chown postgres:postgres "$PGDATA" /run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups /bin/bash "$0" postgres "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set (the database accepts password logins over the network)}"
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
         --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  # initdb only lets in loopback clients; the application connects from another container.
  echo 'host all all all scram-sha-256' >>"$PGDATA/pg_hba.conf"
  if [ "$POSTGRES_DB" != postgres ]; then
    # Single-user mode: no server to start and stop just to create one database.
    printf 'CREATE DATABASE "%s"\n' "${POSTGRES_DB//\"/\"\"}" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
  echo "postgres-entrypoint: initialised $PGDATA (superuser $POSTGRES_USER, database $POSTGRES_DB)"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
