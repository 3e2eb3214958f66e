#!/usr/bin/env bash
# Fails when the entities differ from what the committed migrations build, for each dialect:
# migrate a scratch database, then ask the MikroORM CLI whether a new migration would be needed.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
scratch="$(mktemp -u /tmp/thidua-check-XXXX).sqlite"
trap 'rm -f "$scratch"*' EXIT
env -u DATABASE_URL SQLITE_PATH="$scratch" node dist/cli.js migrate >/dev/null
env -u DATABASE_URL SQLITE_PATH="$scratch" npx mikro-orm migration:check

if [ "${PG_AVAILABLE:-0}" = 1 ] || psql "${TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}" -tAc 'select 1' >/dev/null 2>&1; then
  admin="${TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  db="thidua_check_$$"
  psql "$admin" -qc "create database $db" >/dev/null
  trap 'rm -f "$scratch"*; psql "$admin" -qc "drop database if exists $db" >/dev/null' EXIT
  DATABASE_URL="${admin%/*}/$db" node dist/cli.js migrate >/dev/null
  DATABASE_URL="${admin%/*}/$db" npx mikro-orm migration:check
fi
