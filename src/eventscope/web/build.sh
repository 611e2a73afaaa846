#!/usr/bin/env bash
# Build the analyst's desk into static/ (committed, so pip install and CI need no npm):
# the hand-written page from src/, and the npm dependencies it uses (pinned in package-lock.json) in static/vendor/.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
rm -rf static
mkdir -p static/vendor
cp src/index.html src/app.js src/style.css static/
cp node_modules/topojson-client/dist/topojson-client.min.js static/vendor/
cp node_modules/topojson-client/LICENSE static/vendor/LICENSE.topojson-client
# country outlines: Natural Earth 1:50m via world-atlas (public domain data, ISC package)
cp node_modules/world-atlas/countries-50m.json static/vendor/
cp node_modules/world-atlas/LICENSE static/vendor/LICENSE.world-atlas
echo "built $(find static -type f | wc -l) files into $(pwd)/static"
