#!/usr/bin/env bash
# The distributed mode on this machine (ADR 0006): one process per service against a local
# PostgreSQL and NATS JetStream, the same processes docker-compose.yml runs in containers.
#
#   scripts/start-distributed.sh
#
# Environment (defaults in brackets):
#   DATABASE_URL     [postgres://postgres@127.0.0.1:5432/reform]  created with psql when missing
#   NATS_URL         [nats://127.0.0.1:4222, said aloud]
#                                              NATS with JetStream (-js); a cluster as a comma-
#                                              separated list (each server is checked)
#   NATS_STREAM_REPLICAS, NATS_STREAM_STORAGE, NATS_STREAM_PLACEMENT_CLUSTER, NATS_STREAM_PLACEMENT_TAGS
#                                              stream settings (ADR 0004; 3 replicas on a cluster)
#   NATS_PREFIX      []                        namespaces streams and subjects
#   PORT             [4000]                    the gateway (http://localhost:$PORT/graphql)
#   DIRECTORY_PORT   [4101]                    the directory subgraph, on DIRECTORY_HOST [127.0.0.1]
#   PLANS_PORT       [4102]                    the plans subgraph, on PLANS_HOST [127.0.0.1]
#   TASKS_PORT       [4103]                    the tasks subgraph, on TASKS_HOST [127.0.0.1]
#   REPORTING_PORT   [4104]                    the reporting subgraph, on REPORTING_HOST [127.0.0.1]
#   SCORING_PORT     [4105]                    the scoring subgraph, on SCORING_HOST [127.0.0.1]
#   CORS_ORIGINS     []                        origins whose browsers may call the gateway (comma-separated)
#   TRUSTED_PROXIES  []                        reverse proxies whose X-Forwarded-For the gateway believes
#   AUTH_SIGNING_KEYS                          kid:secret (>= 32 bytes); when unset, a key is made
#                                              for this run only (sessions end with it)
#   UNIT_LIST        [the national list]       the list the import step loads (idempotent)
#   ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_PROVINCE [49]
#                                              when set, the first platform administrator is
#                                              created (skipped when one exists)
#   RESTART_MAX_DELAY [30]                     seconds between restarts of a failing process, at most
# A process that ends on its own is started again (after 1 s, doubling up to RESTART_MAX_DELAY;
# back to 1 s once it has run a minute); the others go on. Ctrl-C (SIGINT) or SIGTERM stops every
# process.
set -euo pipefail
cd "$(dirname "$0")/.."
# The pinned Node (ADR 0027) also when this script is started directly rather than by npm.
export PATH="$PWD/node_modules/.bin:$PATH"

say() { printf '[start-distributed] %s\n' "$*"; }
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/reform}
if [[ -z ${NATS_URL:-} ]]; then
  NATS_URL=nats://127.0.0.1:4222
  say "NATS_URL not set: using $NATS_URL on this machine (set NATS_URL, a list for a cluster, to use another)"
fi
export NATS_URL
export NATS_PREFIX=${NATS_PREFIX:-}
GATEWAY_PORT=${PORT:-4000}
DIRECTORY_PORT=${DIRECTORY_PORT:-4101}
DIRECTORY_HOST=${DIRECTORY_HOST:-127.0.0.1}
PLANS_PORT=${PLANS_PORT:-4102}
PLANS_HOST=${PLANS_HOST:-127.0.0.1}
TASKS_PORT=${TASKS_PORT:-4103}
TASKS_HOST=${TASKS_HOST:-127.0.0.1}
REPORTING_PORT=${REPORTING_PORT:-4104}
REPORTING_HOST=${REPORTING_HOST:-127.0.0.1}
SCORING_PORT=${SCORING_PORT:-4105}
SCORING_HOST=${SCORING_HOST:-127.0.0.1}
# An array, not a function: `$!` of a background job must be node itself, which gets the signal.
# The compiled output (dist/, Nx build targets with SWC, ADR 0014), built below when out of date.
js=(node --enable-source-maps)

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

# NATS: every server of the list is checked; at least one must answer (JetStream itself is
# checked by the services when they connect). A server of a cluster that is down is said aloud.
answering=0
IFS=',' read -r -a nats_servers <<< "$NATS_URL"
for server in "${nats_servers[@]}"; do
  server=${server// /}
  nats_address=${server#*://}
  nats_address=${nats_address##*@}
  nats_address=${nats_address%%/*}
  nats_host=${nats_address%:*}
  nats_port=${nats_address##*:}
  [[ $nats_port == "$nats_address" ]] && nats_port=4222
  if (exec 3<>"/dev/tcp/$nats_host/$nats_port") 2>/dev/null; then
    answering=$((answering + 1))
  else
    say "NATS server $server does not answer"
  fi
done
if [[ $answering -eq 0 ]]; then
  echo "NATS does not answer at $NATS_URL (start nats-server -js, or set NATS_URL)" >&2
  exit 1
fi

if [[ -z ${AUTH_SIGNING_KEYS:-} ]]; then
  AUTH_SIGNING_KEYS="run-$(date +%s):$(head -c 32 /dev/urandom | base64 | tr -d '\n=+/')"
  say "AUTH_SIGNING_KEYS not set: using a key for this run only (sessions end when it stops)"
fi
export AUTH_SIGNING_KEYS

# Compile what changed since the last build (Nx cache); the build's output is shown only on failure.
mkdir -p tmp
if ! node_modules/.bin/nx run-many -t build -p directory plans tasks reporting scoring gateway --output-style=static >tmp/build-distributed.log 2>&1; then
  cat tmp/build-distributed.log >&2
  echo "the build failed (log above, also in tmp/build-distributed.log)" >&2
  exit 1
fi
say "build: $(sed -n 's/^ *Cache: *\([0-9]*\/[0-9]*\).*/\1/p' tmp/build-distributed.log) projects from the Nx cache, the rest compiled into dist/"

# Once per start: the unit list (a second run appends nothing), then the first administrator.
say "importing ${UNIT_LIST:-the national unit list} into $database"
"${js[@]}" dist/directory/services/directory/src/write/import-units/cli.js ${UNIT_LIST:+"$UNIT_LIST"}
if [[ -n ${ADMIN_USERNAME:-} ]]; then
  ADMIN_PROVINCE=${ADMIN_PROVINCE:-49} "${js[@]}" dist/directory/services/directory/src/write/bootstrap-admin/bootstrap-admin.cli.js ||
    say "administrator not created (see above); starting anyway"
fi

# Each service runs under a supervisor: when it ends on its own it is started again; the others
# go on serving. The node processes' ids are kept in $run, so that a stop reaches them.
run=$(mktemp -d)
supervisors=()
RESTART_MAX_DELAY=${RESTART_MAX_DELAY:-30}
supervise() {
  local name=$1
  shift
  local delay=1 started status
  while [[ ! -e $run/stopping ]]; do
    started=$SECONDS
    env "$@" &
    echo $! >"$run/$name.pid"
    wait $! && status=0 || status=$?
    [[ -e $run/stopping ]] && break
    ((SECONDS - started >= 60)) && delay=1
    say "$name ended (status $status); starting it again in ${delay} s"
    sleep "$delay"
    delay=$((delay * 2 > RESTART_MAX_DELAY ? RESTART_MAX_DELAY : delay * 2))
  done
}

stop() {
  trap - INT TERM
  say "stopping"
  touch "$run/stopping"
  for file in "$run"/*.pid; do [[ -e $file ]] && kill -TERM "$(cat "$file")" 2>/dev/null; done
  wait "${supervisors[@]}" 2>/dev/null || true
  rm -rf "$run"
  exit "${1:-0}"
}
trap 'stop 0' INT TERM

supervise directory PORT="$DIRECTORY_PORT" HOST="$DIRECTORY_HOST" "${js[@]}" dist/directory/services/directory/src/main.js &
supervisors+=($!)
supervise plans PORT="$PLANS_PORT" HOST="$PLANS_HOST" "${js[@]}" dist/plans/services/plans/src/main.js &
supervisors+=($!)
supervise tasks PORT="$TASKS_PORT" HOST="$TASKS_HOST" "${js[@]}" dist/tasks/services/tasks/src/main.js &
supervisors+=($!)
supervise reporting PORT="$REPORTING_PORT" HOST="$REPORTING_HOST" "${js[@]}" dist/reporting/services/reporting/src/main.js &
supervisors+=($!)
supervise scoring PORT="$SCORING_PORT" HOST="$SCORING_HOST" "${js[@]}" dist/scoring/services/scoring/src/main.js &
supervisors+=($!)
supervise gateway PORT="$GATEWAY_PORT" SUBGRAPHS="directory=http://127.0.0.1:$DIRECTORY_PORT/graphql,plans=http://127.0.0.1:$PLANS_PORT/graphql,tasks=http://127.0.0.1:$TASKS_PORT/graphql,reporting=http://127.0.0.1:$REPORTING_PORT/graphql,scoring=http://127.0.0.1:$SCORING_PORT/graphql" "${js[@]}" dist/gateway/gateway/src/main.js &
supervisors+=($!)
say "directory on $DIRECTORY_HOST:$DIRECTORY_PORT, plans on $PLANS_HOST:$PLANS_PORT, tasks on $TASKS_HOST:$TASKS_PORT, reporting on $REPORTING_HOST:$REPORTING_PORT, scoring on $SCORING_HOST:$SCORING_PORT, gateway on port $GATEWAY_PORT (process ids in $run)"

# The supervisors run until a stop; `wait` returns early when a signal arrives, so loop.
while true; do
  wait "${supervisors[@]}" 2>/dev/null || true
  sleep 1
done
