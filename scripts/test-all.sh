#!/usr/bin/env bash
# Quick start, command 2: install what is missing, then run every check and test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-installed.sh
if [ ! -x "${KLANKBORD_CHROMIUM:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "The end-to-end tests need Chromium: sudo apt-get install -y chromium (or set KLANKBORD_CHROMIUM)." >&2
    exit 1
  fi
fi
mkdir -p test-results
start=$(date +%s)
step() { echo; echo "== $* =="; }
step lint;        npm run --silent lint
step typecheck;   npm run --silent typecheck
step build;       npx electron-vite build --logLevel warn
step "unit and component tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "end-to-end tests (Playwright, Chromium, browser mode)"
npx playwright test -c tests/e2e/playwright.config.ts || status=$?
step "desktop tests (the real main process and preload on an Electron stand-in, the renderer in Chromium)"
npx vitest run -c tests/desktop/vitest.config.mts --reporter=default --reporter=json --outputFile.json=test-results/desktop.json || status=$?
step "Electron smoke test"
node -e "const found = require('./scripts/electron-native.cjs').findElectron(); if (!found.binary) console.log('Skipping the Electron smoke test: ' + found.reason + ' (no Electron binary on this machine).')"
npx playwright test -c tests/electron/playwright.config.ts --reporter=list
node scripts/summarise-tests.mjs test-results/vitest.json test-results/e2e.json test-results/desktop.json
echo "Total time: $(( $(date +%s) - start )) s"
exit "${status:-0}"
