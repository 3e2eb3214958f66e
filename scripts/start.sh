#!/usr/bin/env bash
# npm start: install what is missing, make sure Redis answers, migrate, load the demo data, serve.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$(date +%s)
command -v node >/dev/null || die "Node.js 20 or later is required."
ensure_node_modules
ensure_redis
ensure_secrets
ensure_build
node dist/cli.js setup
say "Ready in $(( $(date +%s) - started )) s. Opening http://localhost:${PORT:-3000} (Ctrl+C to stop)"
exec node dist/main.js --role="${THIDUA_ROLE:-all}"
