#!/usr/bin/env bash
# npm test: the same set-up as npm start, then lint, type check, migration checks and every suite
# against SQLite and PostgreSQL. Arguments are passed to jest (e.g. npm test -- test/e2e/auth).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_redis
ensure_postgres
ensure_chromium

say "Lint and type check"
npx eslint --max-warnings=0 src test bench public/js public/vendor-l10n
npx tsc --noEmit -p tsconfig.json

ensure_build
say "Migrations match the entities (SQLite and PostgreSQL)"
bash scripts/check-migrations.sh

# One jest process runs every suite of a database in turn (one worker on 2 cores); its heap grows past node's
# default 4 GB limit over ~125 suites, so give it room and print each suite's heap for whoever hunts the leak.
export NODE_OPTIONS="--max-old-space-size=8192 ${NODE_OPTIONS:-}"
say "Suites on SQLite (unit, integration, e2e, browser)"
TEST_DB=sqlite npx jest --ci --logHeapUsage "$@"

if [ "$PG_AVAILABLE" = 1 ]; then
  say "Suites on PostgreSQL (integration, e2e, browser)"
  TEST_DB=postgresql npx jest --ci --logHeapUsage --selectProjects integration e2e browser "$@"
elif [ "${CI:-}" = true ]; then
  die "PostgreSQL is not reachable in CI: the PostgreSQL suites must run."
else
  warn "THE POSTGRESQL SUITES DID NOT RUN (no PostgreSQL reachable)."
fi
say "All tests passed."
