#!/usr/bin/env bash
# npm test: the same set-up as npm start, then lint, type check, migration checks and every suite
# against SQLite and PostgreSQL. Arguments are passed to jest (e.g. npm test -- test/e2e/auth).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_redis
ensure_redis_tools
ensure_postgres
ensure_chromium

# Lint, type check and build side by side (about a minute saved on two cores); each one's messages shown if it fails.
say "Lint, type check and build"
checks="$(mktemp -d)"
trap 'rm -rf "$checks"' EXIT
npx eslint --max-warnings=0 src test bench public/js public/vendor-l10n >"$checks/lint" 2>&1 &
lint=$!
npx tsc --noEmit -p tsconfig.json >"$checks/types" 2>&1 &
types=$!
ensure_build
wait "$lint" || { cat "$checks/lint"; die "Lint failed (its messages are above)."; }
wait "$types" || { cat "$checks/types"; die "Type check failed (its messages are above)."; }
say "Migrations match the entities (SQLite and PostgreSQL)"
bash scripts/check-migrations.sh

# Two jest workers: the SQLite and the PostgreSQL suites side by side (jest.config.js), each suite on its own database
# and queue prefix. The suites' module graphs (Nest, MikroORM, Form.io, pdfkit) pile up in a long-lived worker, so
# a worker is replaced whenever it holds more than 1.5 GB after a suite (one process running them all died past 4 GB).
if [ "$PG_AVAILABLE" = 1 ]; then
  say "Suites (unit; integration, e2e and browser on SQLite and on PostgreSQL)"
  npx jest --ci --maxWorkers=2 --workerIdleMemoryLimit=1536MB --logHeapUsage "$@"
elif [ "${CI:-}" = true ]; then
  die "PostgreSQL is not reachable in CI: the PostgreSQL suites must run."
else
  warn "THE POSTGRESQL SUITES WILL NOT RUN (no PostgreSQL reachable)."
  say "Suites (unit; integration, e2e and browser on SQLite)"
  TEST_DB=sqlite npx jest --ci --maxWorkers=2 --workerIdleMemoryLimit=1536MB --logHeapUsage "$@"
fi
say "All tests passed."
