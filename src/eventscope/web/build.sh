#!/usr/bin/env bash
# Build the analyst's desk's vendor files into static/vendor/ (committed, so pip install and CI need no npm):
# the npm dependencies the page uses (pinned in package-lock.json). The hand-written page (index.html, app.js,
# style.css) lives in static/ itself: it needs no build step, so it is kept once.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
rm -rf static/vendor
mkdir -p static/vendor
cp node_modules/topojson-client/dist/topojson-client.min.js static/vendor/
cp node_modules/topojson-client/LICENSE static/vendor/LICENSE.topojson-client
# country outlines: Natural Earth 1:50m via world-atlas (public domain data, ISC package)
cp node_modules/world-atlas/countries-50m.json static/vendor/
cp node_modules/world-atlas/LICENSE static/vendor/LICENSE.world-atlas
echo "built $(find static -type f | wc -l) files into $(pwd)/static"
