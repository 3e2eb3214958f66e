#!/usr/bin/env bash
# npm run bench [-- PART…]: the parts named (engine, scoring, forms, load, peer), or all of them.
#   engine  — engine throughput against the null engine, on SQLite, then on PostgreSQL when it answers;
#   scoring — the year-end scoring of a whole sector (3 M scores, ranking) on PostgreSQL;
#   forms   — form validation against raw @formio/core;
#   load    — the built app as api and worker processes on PostgreSQL under 100 clients, and 10,000 deadlines;
#   peer    — a three-step approval run by thidua and by bpmn-engine (its state saved to PostgreSQL each step).
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(engine scoring forms load peer)
ensure_node_modules
ensure_redis
ensure_postgres
export TS_NODE_TRANSPILE_ONLY=true
for part in "${parts[@]}"; do
  case "$part" in
    engine)
      TEST_DB=sqlite npx ts-node bench/engine-throughput.ts
      if [ "$PG_AVAILABLE" = 1 ]; then TEST_DB=postgresql npx ts-node bench/engine-throughput.ts; fi
      ;;
    scoring)
      if [ "$PG_AVAILABLE" = 1 ]; then TEST_DB=postgresql npx ts-node bench/scoring-throughput.ts; else echo "scoring: PostgreSQL is not available, skipped"; fi
      ;;
    forms)
      npx ts-node bench/forms-validation.ts
      ;;
    load)
      if [ "$PG_AVAILABLE" = 1 ]; then ensure_build && TEST_DB=postgresql npx ts-node bench/load.ts; else echo "load: PostgreSQL is not available, skipped"; fi
      ;;
    peer)
      if [ "$PG_AVAILABLE" = 1 ]; then TEST_DB=postgresql npx ts-node bench/peer-comparison.ts; else echo "peer: PostgreSQL is not available, skipped"; fi
      ;;
    *)
      echo "unknown part '$part': choose among engine, scoring, forms, load, peer" >&2
      exit 2
      ;;
  esac
done
