#!/usr/bin/env bash
# Set up (or refresh) the project's virtual environment in .venv.
#   bash scripts/setup.sh         runtime: thamniap, mkdocs (build/serve the site)
#   bash scripts/setup.sh --dev   also the test tools, Debian's Chromium and Lighthouse for browser tests
#   bash scripts/setup.sh --locked  runtime only, every package checked against its hash in
#                                  requirements-locked.txt (the jobs that hold a token or a key)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
if [ "${1:-}" = "--locked" ]; then
  # the venv's own pip (bundled with Python): an unhashed upgrade here would defeat the hashes
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-locked.txt
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --no-index -e .
elif [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
  if [ -f scripts/install-browser.sh ]; then bash scripts/install-browser.sh; fi
  # Lighthouse (tests/browser/test_speed.py): the version pinned in tests/lighthouse/package-lock.json,
  # from the npm registry into tests/lighthouse/node_modules (nothing installed outside the project).
  # Without npm the test fails under CI and skips on a developer's machine.
  if command -v npm >/dev/null 2>&1; then
    npm ci --prefix tests/lighthouse --no-audit --no-fund --loglevel=error
  fi
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
fi
