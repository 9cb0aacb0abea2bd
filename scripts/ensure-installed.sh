# Sourced by app.sh and test-all.sh: installs npm packages when node_modules is missing or older than the lockfile.
# The Electron binary is never needed to install; app.sh fetches it separately where the network allows.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  # Machines without prebuilt downloads compile better-sqlite3 against the system's Node headers.
  export npm_config_nodedir=/usr
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing packages (npm ci)…"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
