#!/usr/bin/env bash
# npm run bench: the engine throughput benchmark on SQLite, then on PostgreSQL when it answers; the year-end
# scoring of a whole sector (3 M scores, ranking) on PostgreSQL; form validation.
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_redis
ensure_postgres
export TS_NODE_TRANSPILE_ONLY=true
TEST_DB=sqlite npx ts-node bench/engine-throughput.ts
if [ "$PG_AVAILABLE" = 1 ]; then
  TEST_DB=postgresql npx ts-node bench/engine-throughput.ts
  TEST_DB=postgresql npx ts-node bench/scoring-throughput.ts
fi
npx ts-node bench/forms-validation.ts
