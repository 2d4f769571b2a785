#!/usr/bin/env bash
# npm start: installs what is missing (Debian mariadb-server and chromium, the npm packages), then runs the app
# locally: a private MariaDB, the local Forge runtime with the app's real handlers, the Admin API and Jira/JSM
# simulators, and the preview host that renders the UI Kit admin page at http://127.0.0.1:8080/.
# Arguments go to the preview: npm start -- --users 10000 --port 9000 (see dev/preview-host/options.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh chromium

# No ts-node: bundle the TypeScript entry with esbuild (packages stay in node_modules) and run it on Node 22.
node_modules/.bin/esbuild dev/preview-host/main.ts --bundle --platform=node --target=node22 --format=cjs \
  --packages=external --sourcemap --log-level=warning --outfile=.tmp/preview/main.js
exec node_modules/.bin/node --enable-source-maps .tmp/preview/main.js "$@"
