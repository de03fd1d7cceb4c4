#!/usr/bin/env bash
# Refreshes the vendored front-end assets from the npm registry at the pinned versions.
# Only needed when a version changes; the results are committed, so `make demo` needs no npm.
set -euo pipefail
cd "$(dirname "$0")/.."

UTRECHT=9.0.4
TOKENS=7.4.1
HTMX=2.0.11
AXE=4.14.1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  "@utrecht/component-library-css@$UTRECHT" \
  "@nl-design-system-unstable/voorbeeld-design-tokens@$TOKENS" \
  "htmx.org@$HTMX" "axe-core@$AXE")

n=$work/node_modules
v=src/ivp/web/static/vendor
cp "$n/@utrecht/component-library-css/dist/index.css" "$n/@utrecht/component-library-css/LICENSE.md" "$v/utrecht/"
cp "$n/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" \
   "$n/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md" "$v/voorbeeld-design-tokens/"
cp "$n/htmx.org/dist/htmx.min.js" "$n/htmx.org/LICENSE" "$v/htmx/"
cp "$n/axe-core/axe.min.js" "$n/axe-core/LICENSE" tests/browser/vendor/axe-core/
echo "Vendored: utrecht $UTRECHT, voorbeeld-design-tokens $TOKENS, htmx $HTMX, axe-core $AXE"
