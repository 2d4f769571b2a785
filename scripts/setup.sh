#!/usr/bin/env bash
# Installs what the app's tests and local host need on a fresh Debian machine: Debian packages
# when missing (as root, or through sudo), then the npm packages from the lockfile.
#   libsecret-1-dev: keytar (pulled in by @forge/lint's @forge/cli-shared) compiles against it
#   mariadb-server:  the private SQL server behind the local Forge runtime
#   chromium:        the browser the end-to-end tests drive
# Extra Debian packages may be named as arguments (npm start adds chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in libsecret-1-dev mariadb-server chromium "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "setup: ready (Node for tests: $(node_modules/.bin/node --version))"
