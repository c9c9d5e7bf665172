#!/usr/bin/env bash
# How the font files in docs/assets/fonts/ were obtained.
#
# The files themselves are committed, so building the site needs neither npm
# nor any network. Run this script only to refresh them (e.g. after bumping
# the pinned version below); then review the diff and commit it.
#
#   bash scripts/vendor-assets.sh            # re-vendor into docs/assets/fonts/
#   bash scripts/vendor-assets.sh --check    # verify committed files match the package
#
# Source: the npm package @fontsource/sarabun (licence: OFL-1.1, see
# docs/assets/fonts/OFL.txt, copied from the package's LICENSE file).
# We take only the woff2 files for the "thai" and "latin" unicode-range
# subsets, weights 400 and 700, normal style, and join each weight's two into
# one file holding the Thai subset and only the Latin characters the site uses
# (python -m thamniap.devtools.fonts, fontTools from requirements-dev.txt):
# sarabun-400.woff2 and sarabun-700.woff2, the same bytes every run. Every
# browser that can run the Pagefind search (WebAssembly) reads woff2, so the
# .woff fallbacks are not needed. The @font-face rules live in
# docs/assets/stylesheets/thamniap.css, fonts part.
set -euo pipefail

PKG="@fontsource/sarabun"
VERSION="5.3.0"
# `npm view @fontsource/sarabun@5.3.0 dist.integrity`
INTEGRITY="sha512-8GWxnEIG9g/2JlZxU+APaVwipcLMkZkBps9N1tEyBxXWaJEnAtHpuaDYmFVG7lzTgr28orG7//htD/rfxDlfFg=="

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/docs/assets/fonts"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
FILES=(
  sarabun-400.woff2
  sarabun-700.woff2
)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PKG@$VERSION" >/dev/null)
tarball="$(ls "$work"/*.tgz)"

# npm pack already checks the registry's integrity; check again against the pin.
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
if [[ "$actual" != "$INTEGRITY" ]]; then
  echo "integrity mismatch for $PKG@$VERSION: $actual" >&2
  exit 1
fi

tar -xzf "$tarball" -C "$work"
licence="$(node -p "require('$work/package/package.json').license")"
if [[ "$licence" != "OFL-1.1" ]]; then
  echo "unexpected licence for $PKG@$VERSION: $licence" >&2
  exit 1
fi

made="$work/made"
mkdir -p "$made"
(cd "$ROOT" && "$PYTHON" -m thamniap.devtools.fonts "$work/package/files" "$made" >/dev/null)

if [[ "${1:-}" == "--check" ]]; then
  status=0
  for f in "${FILES[@]}"; do
    cmp -s "$made/$f" "$DEST/$f" || { echo "differs: $f" >&2; status=1; }
  done
  cmp -s "$work/package/LICENSE" "$DEST/OFL.txt" || { echo "differs: OFL.txt" >&2; status=1; }
  [[ $status == 0 ]] && echo "docs/assets/fonts matches $PKG@$VERSION"
  exit $status
fi

mkdir -p "$DEST"
for f in "${FILES[@]}"; do
  install -m 0644 "$made/$f" "$DEST/$f"
done
install -m 0644 "$work/package/LICENSE" "$DEST/OFL.txt"
echo "made ${#FILES[@]} font files + OFL.txt from $PKG@$VERSION into docs/assets/fonts/"
