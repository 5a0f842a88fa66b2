#!/usr/bin/env bash
# `npm start`: compile what changed since the last build (the platform's Nx build target: SWC,
# cached; ADR 0014; `npm ci` builds it first, scripts/prepare.sh), then run the compiled embedded
# mode (infra/platform/src/start-embedded.ts, ADR 0006). The build's own output goes to
# tmp/build.log and is shown only when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
# The pinned Node (ADR 0027) also when this script is started directly rather than by npm.
export PATH="$PWD/node_modules/.bin:$PATH"
entry=dist/platform/infra/platform/src/start-embedded.js
stamp=dist/.platform-built
started=${EPOCHREALTIME/./}
elapsed() { local tenths=$(((${EPOCHREALTIME/./} - started) / 100000)); printf '%d.%d s' $((tenths / 10)) $((tenths % 10)); }

# Nothing the build reads is newer than the last build: no file, and no folder (a folder's time
# changes when an entry is added, removed or renamed). Then even Nx's own up-to-date check (about
# a second of CPU, several under load) is skipped; otherwise Nx decides: from its cache, or compile.
if [[ -f $stamp && -f $entry ]] &&
  [[ -z $(find libs services gateway infra/platform .swcrc nx.json tsconfig.base.json package-lock.json -newer "$stamp" -print -quit) ]]; then
  echo "[start] build: dist/platform/ is newer than every source ($(elapsed))"
else
  mkdir -p tmp
  if ! node_modules/.bin/nx run platform:build --output-style=static >tmp/build.log 2>&1; then
    cat tmp/build.log >&2
    echo "[start] the build failed (log above, also in tmp/build.log)" >&2
    exit 1
  fi
  touch "$stamp"
  cache=$(sed -n 's/^ *Cache: *\([0-9]*\/[0-9]*\).*/\1/p' tmp/build.log)
  echo "[start] build: $([[ $cache == 1/1 ]] && echo 'dist/platform/ from the Nx cache' || echo 'compiled into dist/platform/') ($(elapsed))"
fi
# Node keeps the code it compiled for the modules it loads (V8's cache, Node 22.1+): a restart
# loads the platform's ~4,400 modules with less CPU (docs/benchmarks.md).
export NODE_COMPILE_CACHE=${NODE_COMPILE_CACHE:-$PWD/tmp/node-compile-cache}
# exec: node replaces this shell, so Ctrl-C and SIGTERM reach the platform, which stops cleanly.
exec node --enable-source-maps --max-semi-space-size=64 "$entry"
