#!/usr/bin/env bash
# Refresh the vendored front-end assets under src/Cohesion/wwwroot/lib/ from
# the npm packages pinned in package.json / package-lock.json.
#
#   scripts/refresh-frontend.sh
#
# The copied files are committed, so the app needs neither npm nor the network
# at run time. Re-run this script after changing a version in package.json
# (then `npm install` to update package-lock.json) and commit the result.
#
# axe-core is deliberately NOT copied: the browser tests load it from
# node_modules/axe-core/axe.min.js.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

lib_dir="src/Cohesion/wwwroot/lib"
gf_src="node_modules/govuk-frontend"
ec_src="node_modules/echarts"

# --- 1. make sure node_modules matches package-lock.json -------------------

needs_install() {
  # No node_modules, or npm's own record of what it installed is missing.
  [[ -f node_modules/.package-lock.json ]] || return 0
  # The lockfile changed after the last install.
  [[ package-lock.json -nt node_modules/.package-lock.json ]] && return 0
  # Any pinned package (dependencies + devDependencies) has a different version
  # installed than the one package.json asks for.
  node -e '
    const fs = require("fs");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    const want = { ...(pkg.dependencies || {}), ...(pkg.devDependencies || {}) };
    for (const [name, version] of Object.entries(want)) {
      const file = `node_modules/${name}/package.json`;
      if (!fs.existsSync(file)) process.exit(1);
      if (JSON.parse(fs.readFileSync(file, "utf8")).version !== version) process.exit(1);
    }
  ' || return 0
  return 1
}

if needs_install; then
  echo "node_modules missing or stale: running npm ci"
  npm ci --no-audit --no-fund
fi

# --- 2. govuk-frontend -------------------------------------------------------

gf_dist="$gf_src/dist/govuk"
gf_out="$lib_dir/govuk-frontend"
gf_version="$(node -p 'require("./node_modules/govuk-frontend/package.json").version')"

rm -rf "$gf_out"
mkdir -p "$gf_out"

# The precompiled CSS references its fonts and images with absolute URLs
# (url(/assets/fonts/...), url(/assets/images/...)). We serve them from
# /lib/govuk-frontend/assets/, so rewrite them to paths relative to the CSS
# file itself (url(assets/...)); that also keeps working under a PathBase.
# The source-map comment is dropped because the .map files are not copied.
#
# Cohesion is not a GOV.UK service, so it must not use the GDS Transport typeface
# (licensed for GOV.UK only): drop its @font-face rules and font-family entries,
# the equivalent of building with $govuk-font-family: arial, sans-serif and
# $govuk-include-default-font-face: false. The font files are not copied.
sed -e 's#url(/assets/#url(assets/#g' \
    -e 's#/\*\# sourceMappingURL=[^*]*\*/##g' \
    -e 's#@font-face{font-family:GDS Transport;[^}]*}##g' \
    -e 's#font-family:GDS Transport,#font-family:#g' \
    "$gf_dist/govuk-frontend.min.css" > "$gf_out/govuk-frontend.min.css"
if grep -q 'GDS Transport' "$gf_out/govuk-frontend.min.css"; then
  echo "error: govuk-frontend CSS still references GDS Transport" >&2
  exit 1
fi

# ES module bundle exporting initAll, createAll, the component classes, ...
sed -e 's#//\# sourceMappingURL=.*$##' \
    "$gf_dist/govuk-frontend.min.js" > "$gf_out/govuk-frontend.min.js"

# Fonts, images (favicons, crest, app icons, opengraph image) and manifest.json
cp -R "$gf_dist/assets" "$gf_out/assets"
rm -rf "$gf_out/assets/fonts"

# The npm package ships no licence file; its README states MIT.
cat > "$gf_out/LICENSE.txt" <<'EOF'
The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.

---------------------------------------------------------------------------
From the govuk-frontend README: "Unless stated otherwise, the codebase is
released under the MIT License. [...] The documentation is (c) Crown copyright
and available under the terms of the Open Government 3.0 licence."
EOF
echo "$gf_version" > "$gf_out/VERSION"

# Sanity checks: no URL may still point at /assets/, and every url(...) in the
# CSS must resolve to a copied file.
if grep -q 'url(/assets/' "$gf_out/govuk-frontend.min.css"; then
  echo "error: govuk-frontend CSS still references /assets/" >&2
  exit 1
fi
while IFS= read -r ref; do
  [[ -f "$gf_out/$ref" ]] || { echo "error: CSS references missing file $ref" >&2; exit 1; }
done < <(grep -o 'url([^)]*)' "$gf_out/govuk-frontend.min.css" \
           | sed -e 's/^url(//' -e 's/)$//' -e 's/^["'\'']//' -e 's/["'\'']$//' \
           | grep -v '^data:' | sort -u)
grep -q 'initAll' "$gf_out/govuk-frontend.min.js" \
  || { echo "error: govuk-frontend.min.js does not export initAll" >&2; exit 1; }

# --- 3. echarts --------------------------------------------------------------

ec_out="$lib_dir/echarts"
ec_version="$(node -p 'require("./node_modules/echarts/package.json").version')"

rm -rf "$ec_out"
mkdir -p "$ec_out"

# Full UMD build (all chart types incl. the map series); defines window.echarts.
cp "$ec_src/dist/echarts.min.js" "$ec_out/echarts.min.js"
# Apache-2.0 requires LICENSE + NOTICE; the bundle also embeds zrender
# (BSD-3-Clause) and parts of d3 (BSD-3-Clause).
cp "$ec_src/LICENSE" "$ec_out/LICENSE"
cp "$ec_src/NOTICE" "$ec_out/NOTICE"
cp "$ec_src/licenses/LICENSE-d3" "$ec_out/LICENSE-d3"
cp node_modules/zrender/LICENSE "$ec_out/LICENSE-zrender"
echo "$ec_version" > "$ec_out/VERSION"

# npm tarballs carry odd modes (the fonts are executable); normalise them so
# the committed files are plain 0644 regardless of the local umask.
find "$gf_out" "$ec_out" -type f -exec chmod 0644 {} +

# --- 4. report ---------------------------------------------------------------

echo "govuk-frontend $gf_version and echarts $ec_version copied to $lib_dir:"
(cd "$lib_dir" && find govuk-frontend echarts -type f -printf '%10s  %p\n' | sort -k2)
du -sh "$gf_out" "$ec_out"
