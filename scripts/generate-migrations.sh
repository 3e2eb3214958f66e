#!/usr/bin/env bash
# Generates the next migration for both dialects from the entities, with the MikroORM CLI.
# Usage: npm run migration:create [-- --initial]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch_sqlite=$(mktemp -u /tmp/thidua-migrations-XXXX.sqlite)
pg_admin=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
pg_db="thidua_migrations_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
trap 'psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null; rm -f "$scratch_sqlite"*' EXIT
# The scratch databases start empty: bring them to the committed state, then diff.
for dialect in sqlite postgresql; do
  if [ "$dialect" = sqlite ]; then export SQLITE_PATH="$scratch_sqlite"; unset DATABASE_URL || true
  else export DATABASE_URL="${pg_admin%/*}/$pg_db"; fi
  npx mikro-orm migration:up >/dev/null
  npx mikro-orm migration:create "$@"
done
