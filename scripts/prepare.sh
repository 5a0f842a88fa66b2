#!/usr/bin/env bash
# npm's `prepare` (run by `npm ci` and `npm install`): compiles the platform (its Nx build target,
# SWC, ADR 0014) and builds the web app (codegen, Vite), so that the first `npm start` only finds
# them up to date (issue 11: it answers within 30 s). Skipped where there is nothing to build with:
# an install without dev dependencies (the image's runtime stage). The image's build stage runs
# `npm ci` before its sources are copied, so package.json calls this only when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
if [[ ! -x node_modules/.bin/nx || ! -x node_modules/.bin/vite ]]; then
  echo "[prepare] no build tools installed (an install without dev dependencies): nothing built"
  exit 0
fi
started=${EPOCHREALTIME/./}
elapsed() { local tenths=$(((${EPOCHREALTIME/./} - started) / 100000)); printf '%d.%d s' $((tenths / 10)) $((tenths % 10)); }
mkdir -p tmp
# The same build and stamp as scripts/start-embedded.sh, which then skips it.
if ! nx run platform:build --output-style=static >tmp/build.log 2>&1; then
  cat tmp/build.log >&2
  echo "[prepare] the platform's build failed (log above, also in tmp/build.log)" >&2
  exit 1
fi
touch dist/.platform-built
echo "[prepare] platform compiled into dist/platform/ ($(elapsed))"
npm run --silent web:build
echo "[prepare] web app built into web/dist/ ($(elapsed))"
