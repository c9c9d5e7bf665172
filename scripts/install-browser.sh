#!/usr/bin/env bash
# Install the browser used by tests/browser: Debian's Chromium at /usr/bin/chromium.
# Playwright (requirements-dev.txt) drives it; `playwright install` is NOT used,
# so no browser is downloaded from outside the Debian archive.
#
#   bash scripts/install-browser.sh      # as root (CI runs as root), or with sudo
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y chromium
/usr/bin/chromium --version
