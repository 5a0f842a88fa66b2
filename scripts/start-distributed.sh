#!/usr/bin/env bash
# The distributed mode on this machine (ADR 0006): one process per service against a local
# PostgreSQL and NATS JetStream, the same processes docker-compose.yml runs in containers.
#
#   scripts/start-distributed.sh
#
# Environment (defaults in brackets):
#   DATABASE_URL     [postgres://postgres@127.0.0.1:5432/reform]  created with psql when missing
#   NATS_URL         [nats://127.0.0.1:4222]   NATS with JetStream (-js)
#   NATS_PREFIX      []                        namespaces streams and subjects
#   PORT             [4000]                    the gateway (http://localhost:$PORT/graphql)
#   DIRECTORY_PORT   [4101]                    the directory subgraph, on DIRECTORY_HOST [127.0.0.1]
#   PLANS_PORT       [4102]                    the plans subgraph, on PLANS_HOST [127.0.0.1]
#   TASKS_PORT       [4103]                    the tasks subgraph, on TASKS_HOST [127.0.0.1]
#   CORS_ORIGINS     []                        origins whose browsers may call the gateway (comma-separated)
#   TRUSTED_PROXIES  []                        reverse proxies whose X-Forwarded-For the gateway believes
#   AUTH_SIGNING_KEYS                          kid:secret (>= 32 bytes); when unset, a key is made
#                                              for this run only (sessions end with it)
#   UNIT_LIST        [the national list]       the list the import step loads (idempotent)
#   ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_PROVINCE [49]
#                                              when set, the first platform administrator is
#                                              created (skipped when one exists)
# Ctrl-C (SIGINT) or SIGTERM stops every process.
set -euo pipefail
cd "$(dirname "$0")/.."

export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/reform}
export NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
export NATS_PREFIX=${NATS_PREFIX:-}
GATEWAY_PORT=${PORT:-4000}
DIRECTORY_PORT=${DIRECTORY_PORT:-4101}
DIRECTORY_HOST=${DIRECTORY_HOST:-127.0.0.1}
PLANS_PORT=${PLANS_PORT:-4102}
PLANS_HOST=${PLANS_HOST:-127.0.0.1}
TASKS_PORT=${TASKS_PORT:-4103}
TASKS_HOST=${TASKS_HOST:-127.0.0.1}
export TS_NODE_PROJECT=tsconfig.base.json
# An array, not a function: `$!` of a background job must be node itself, which gets the signal.
ts=(node -r ts-node/register/transpile-only -r tsconfig-paths/register)
say() { printf '[start-distributed] %s\n' "$*"; }

# PostgreSQL: the server must answer; the database is created when missing.
database=${DATABASE_URL##*/}
database=${database%%\?*}
admin_url="${DATABASE_URL%/*}/postgres"
[[ -n $database && $database =~ ^[A-Za-z0-9_]+$ ]] || { echo "DATABASE_URL must end with a database name (letters, digits, _): $DATABASE_URL" >&2; exit 1; }
if ! psql "$admin_url" -qtAc 'SELECT 1' >/dev/null; then
  echo "PostgreSQL does not answer at ${admin_url} (start it, or set DATABASE_URL)" >&2
  exit 1
fi
if [[ -z $(psql "$admin_url" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$database'") ]]; then
  psql "$admin_url" -qc "CREATE DATABASE \"$database\"" >/dev/null
  say "created database $database"
fi

# NATS: the port must answer (JetStream itself is checked by the directory when it connects).
nats_address=${NATS_URL#*://}
nats_address=${nats_address##*@}
nats_address=${nats_address%%/*}
nats_host=${nats_address%:*}
nats_port=${nats_address##*:}
[[ $nats_port == "$nats_address" ]] && nats_port=4222
if ! (exec 3<>"/dev/tcp/$nats_host/$nats_port") 2>/dev/null; then
  echo "NATS does not answer at $NATS_URL (start nats-server -js, or set NATS_URL)" >&2
  exit 1
fi

if [[ -z ${AUTH_SIGNING_KEYS:-} ]]; then
  AUTH_SIGNING_KEYS="run-$(date +%s):$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')"
  say "AUTH_SIGNING_KEYS not set: using a key for this run only (sessions end when it stops)"
fi
export AUTH_SIGNING_KEYS

# Once per start: the unit list (a second run appends nothing), then the first administrator.
say "importing ${UNIT_LIST:-the national unit list} into $database"
"${ts[@]}" services/directory/src/write/import-units/cli.ts ${UNIT_LIST:+"$UNIT_LIST"}
if [[ -n ${ADMIN_USERNAME:-} ]]; then
  ADMIN_PROVINCE=${ADMIN_PROVINCE:-49} "${ts[@]}" services/directory/src/write/accounts/bootstrap-admin.cli.ts ||
    say "administrator not created (see above); starting anyway"
fi

pids=()
stop() {
  trap - INT TERM
  say "stopping"
  [[ ${#pids[@]} -gt 0 ]] && kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  exit "${1:-0}"
}
trap 'stop 0' INT TERM

PORT=$DIRECTORY_PORT HOST=$DIRECTORY_HOST "${ts[@]}" services/directory/src/main.ts &
pids+=($!)
PORT=$PLANS_PORT HOST=$PLANS_HOST "${ts[@]}" services/plans/src/main.ts &
pids+=($!)
PORT=$TASKS_PORT HOST=$TASKS_HOST "${ts[@]}" services/tasks/src/main.ts &
pids+=($!)
PORT=$GATEWAY_PORT SUBGRAPHS="directory=http://127.0.0.1:$DIRECTORY_PORT/graphql,plans=http://127.0.0.1:$PLANS_PORT/graphql,tasks=http://127.0.0.1:$TASKS_PORT/graphql" "${ts[@]}" gateway/src/main.ts &
pids+=($!)
say "directory (pid ${pids[0]}) on $DIRECTORY_HOST:$DIRECTORY_PORT, plans (pid ${pids[1]}) on $PLANS_HOST:$PLANS_PORT, tasks (pid ${pids[2]}) on $TASKS_HOST:$TASKS_PORT, gateway (pid ${pids[3]}) on port $GATEWAY_PORT"

# Either process ending on its own ends the run: stop the other and report its status.
set +e
wait -n "${pids[@]}"
status=$?
set -e
say "a process ended (status $status)"
stop "$status"
