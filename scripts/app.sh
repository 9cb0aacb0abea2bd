#!/usr/bin/env bash
# Quick start, command 1: install what is missing, then start Klankbord.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-installed.sh
if [ "${KLANKBORD_BROWSER_MODE:-}" != "1" ] && [ ! -f node_modules/electron/path.txt ]; then
  # Try to fetch Electron's binary (works on a connected machine; fails fast offline, then browser mode).
  timeout 300 node node_modules/electron/install.js >/dev/null 2>&1 || true
fi
exec node scripts/launch.mjs "$@"
