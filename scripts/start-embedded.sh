#!/usr/bin/env bash
# `npm start`: compile what changed since the last start (Nx build targets, cached; SWC, ADR 0014),
# then run the compiled embedded mode (infra/platform/src/start-embedded.ts, ADR 0006).
# The build's own output goes to tmp/build.log and is shown only when the build fails.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp
started=${EPOCHREALTIME/./}
if ! node_modules/.bin/nx run platform:build --output-style=static >tmp/build.log 2>&1; then
  cat tmp/build.log >&2
  echo "[start] the build failed (log above, also in tmp/build.log)" >&2
  exit 1
fi
cache=$(sed -n 's/^ *Cache: *\([0-9]*\/[0-9]*\).*/\1/p' tmp/build.log)
tenths=$(((${EPOCHREALTIME/./} - started) / 100000))
printf '[start] build checked in %d.%d s (dist/; %s projects from the Nx cache)\n' $((tenths / 10)) $((tenths % 10)) "${cache:-?}"
# exec: node replaces this shell, so Ctrl-C and SIGTERM reach the platform, which stops cleanly.
exec node --enable-source-maps dist/platform/infra/platform/src/start-embedded.js
