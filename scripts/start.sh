#!/usr/bin/env bash
# npm start: install what is missing, make sure Redis answers, migrate, load the demo data, serve; the address and
# the demo accounts come last, once the server answers, so that nothing pushes them off the screen.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$(date +%s)
command -v node >/dev/null || die "Node.js 20 or later is required."
ensure_node_modules
ensure_redis
ensure_secrets
ensure_build
port="${PORT:-3000}"
setup_log="$DATA_DIR/setup.log"
say "Preparing the database: migrations, built-in forms and workflows, demo data (details in data/setup.log)…"
node dist/cli.js setup > "$setup_log" 2>&1 || { cat "$setup_log" >&2; die "Set-up failed (its messages are above)."; }

say "Starting the server…"
# Start-up logs stay quiet at the default level (warnings and errors only); LOG_LEVEL=info shows them.
# --single-threaded-gc: on a small server the app shares its cores with PostgreSQL; V8's parallel collector would
# take every core at once for a collection (README, "Running for a whole sector").
LOG_LEVEL="${LOG_LEVEL:-warn}" node --single-threaded-gc dist/main.js --role="${THIDUA_ROLE:-all}" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null; wait "$server"; exit 0' INT TERM
until http_ok "$port" /health; do
  kill -0 "$server" 2>/dev/null || die "The server stopped while starting (its messages are above)."
  [ $(( $(date +%s) - started )) -lt 600 ] || die "The server did not answer on port $port within 10 minutes."
  sleep 0.5
done

printf '\n'
sed -n '/^Tài khoản mẫu/,/^$/p' "$setup_log"
say "Sẵn sàng / Ready in $(( $(date +%s) - started )) s: http://localhost:$port  (Ctrl+C để dừng / to stop)"
wait "$server"
