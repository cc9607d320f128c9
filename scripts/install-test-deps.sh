#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK on a Debian machine: Chromium for the browser tests.
# Does nothing when it is already there. Uses sudo only when not running as root.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  sudo=(sudo)
fi

echo "Installing Chromium for the browser tests..."
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
