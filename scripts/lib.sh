#!/usr/bin/env bash
# Shared set-up steps of `npm start` and `npm test`: each checks first and acts only when needed,
# so a second run reuses everything.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="$ROOT/data"
mkdir -p "$DATA_DIR"

say() { printf '\033[1;34m[thidua]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[thidua] CẢNH BÁO / WARNING:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[thidua] LỖI / ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

# with_progress LABEL COMMAND…: runs the command, saying every 15 s that it is still at work (a silent install of
# several minutes looks hung); returns the command's status.
with_progress() {
  local label=$1 started pid waited=0
  shift
  started=$(date +%s)
  "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    waited=$((waited + 1))
    if [ $((waited % 15)) = 0 ] && kill -0 "$pid" 2>/dev/null; then say "… $label: $(( $(date +%s) - started )) s"; fi
  done
  wait "$pid"
}

# http_ok PORT PATH: true when http://127.0.0.1:PORT/PATH answers 200 (bash only: a bare machine may lack curl).
http_ok() {
  local status
  { exec 4<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&4
  read -r -t 5 _ status _ <&4 || true
  exec 4>&- 4<&-
  [ "$status" = 200 ]
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null || return 1
  is_root || return 1
  if [ "$APT_UPDATED" = 0 ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    APT_UPDATED=1
  fi
  say "Installing Debian packages: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Node dependencies: `npm ci` when node_modules is missing or package-lock.json changed since the last install.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.thidua-lock-sha" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  # better-sqlite3 and argon2 compile from source here: they need python3, make and g++.
  if ! command -v make >/dev/null || ! command -v g++ >/dev/null || ! command -v python3 >/dev/null; then
    apt_install build-essential python3 || die "python3, make and g++ are needed to build better-sqlite3: install them (Debian: apt-get install build-essential python3)"
  fi
  say "Installing dependencies (npm ci; the first time takes a few minutes, better-sqlite3 compiles from source)…"
  with_progress "npm ci" bash -c 'cd "$1" && npm ci --no-audit --no-fund --loglevel=error' _ "$ROOT" || die "npm ci failed (its messages are above)."
  echo "$want" > "$stamp"
}

# redis_ping HOST PORT: true when a Redis answers PONG.
redis_ping() {
  local reply
  # Braces keep the 2>/dev/null to this line: on a bare `exec` it would silence the script's stderr for good.
  { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  read -r -t 2 reply <&3 || true
  exec 3>&- 3<&-
  [[ "$reply" == +PONG* || "$reply" == -NOAUTH* ]]
}

# The Redis Cluster suite starts its own three nodes: it needs redis-server and redis-cli even where Redis runs elsewhere.
ensure_redis_tools() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  apt_install redis-server || die "redis-server and redis-cli are needed by the tests (Debian: sudo apt-get install redis-server)."
}

# Redis: REDIS_URL or 127.0.0.1:6379 (skipped for REDIS_CLUSTER_NODES: a cluster is the operator's); when nothing
# answers locally, start our own with its data under ./data/redis.
ensure_redis() {
  [ -n "${REDIS_CLUSTER_NODES:-}" ] && return 0
  local url="${REDIS_URL:-redis://127.0.0.1:6379}" hostport host port
  hostport="${url#*://}"; hostport="${hostport##*@}"; hostport="${hostport%%/*}"
  host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=6379
  if redis_ping "$host" "$port"; then return 0; fi
  case "$host" in 127.0.0.1|localhost) ;; *) die "Redis at $host:$port does not answer; start it or set REDIS_URL to one that does." ;; esac
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server || die "Redis is not running and redis-server is not installed. Install it (Debian: sudo apt-get install redis-server) or set REDIS_URL."
  fi
  mkdir -p "$DATA_DIR/redis"
  say "Starting a local Redis on 127.0.0.1:$port (data in data/redis)"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --dir "$DATA_DIR/redis" \
    --logfile "$DATA_DIR/redis/redis.log" --pidfile "$DATA_DIR/redis/redis.pid" --appendonly yes >/dev/null
  for _ in $(seq 1 50); do redis_ping 127.0.0.1 "$port" && return 0; sleep 0.1; done
  die "redis-server did not start; see data/redis/redis.log"
}

# PostgreSQL for the test suites: TEST_PG_ADMIN_URL or postgres@127.0.0.1:5432 with trust auth.
# Sets PG_AVAILABLE=1 when usable; on a bare machine, as root, installs and starts Debian's postgresql.
ensure_postgres() {
  export TEST_PG_ADMIN_URL="${TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  PG_AVAILABLE=0
  pg_ok() { psql "$TEST_PG_ADMIN_URL" -tAc 'select 1' >/dev/null 2>&1; }
  if ! command -v psql >/dev/null; then
    apt_install postgresql postgresql-client || { warn "PostgreSQL is not installed: the PostgreSQL suites cannot run."; return 0; }
  fi
  if ! pg_ok && command -v pg_ctlcluster >/dev/null && is_root; then
    local version; version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    if [ -n "$version" ]; then
      say "Starting PostgreSQL $version"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
      for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
      # A fresh Debian cluster wants a password on TCP: give the test role one.
      if ! pg_ok; then
        runuser -u postgres -- psql -qc "alter role postgres password 'postgres'" >/dev/null 2>&1 || true
        export TEST_PG_ADMIN_URL="postgres://postgres:postgres@127.0.0.1:5432/postgres"
      fi
    fi
  fi
  if pg_ok; then PG_AVAILABLE=1; else warn "PostgreSQL at $TEST_PG_ADMIN_URL does not answer: the PostgreSQL suites cannot run."; fi
}

# Chromium for the browser tests: Debian's package; without it the browser suites are skipped loudly.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  apt_install chromium || true
  if [ ! -x /usr/bin/chromium ]; then
    # In CI a missing Chromium fails the run, as a missing PostgreSQL does: a green run must have driven the pages.
    [ "${CI:-}" = true ] && die "Chromium is not installed in CI (Debian: apt-get install chromium): the browser suites must run."
    warn "Chromium is not installed (Debian: apt-get install chromium): THE BROWSER TESTS WILL NOT RUN."
    export THIDUA_SKIP_BROWSER=1
  fi
}

# Builds dist/ when a source file or the lock file is newer than the last build.
ensure_build() {
  local stamp="$ROOT/dist/.build-stamp"
  if [ -f "$stamp" ] && [ -z "$(find "$ROOT/src" "$ROOT/package-lock.json" "$ROOT/tsconfig.json" "$ROOT/tsconfig.build.json" "$ROOT/nest-cli.json" -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  say "Building (nest build)…"
  (cd "$ROOT" && npx nest build)
  touch "$stamp"
}

# A JWT secret kept under data/ so that sessions survive restarts; never committed.
ensure_secrets() {
  local file="$DATA_DIR/secrets.env"
  if [ -z "${AUTH_JWT_SECRET:-}" ] && ! grep -q '^AUTH_JWT_SECRET=' "$file" 2>/dev/null; then
    (umask 077; echo "AUTH_JWT_SECRET=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")" >> "$file")
  fi
}
