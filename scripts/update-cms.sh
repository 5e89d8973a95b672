#!/bin/sh
# Fetches the pinned release of Sveltia CMS from npm and copies the files cchc ships inside itself (the web editor at
# /admin/) into src/CchcPortal.Site/Editor/Cms/: the bundle, its licence and the Vietnamese interface strings.
# To move to another version: change VERSION, run this script, update the SHA-256 in EditorTests, read the release notes.
set -eu
VERSION=0.221.1
HERE=$(cd "$(dirname "$0")/.." && pwd)
DEST="$HERE/src/CchcPortal.Site/Editor/Cms"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm pack --silent "@sveltia/cms@$VERSION" >/dev/null
tar xzf "sveltia-cms-$VERSION.tgz"
cp package/dist/sveltia-cms.js "$DEST/sveltia-cms.js"
cp package/LICENSE.txt "$DEST/LICENSE.txt"
cp package/locales/vi.json "$DEST/vi.json"
sha256sum "$DEST"/sveltia-cms.js "$DEST"/vi.json
# The interface's fonts, which the bundle names on a CDN (see its @font-face rules for the versions).
for p in @fontsource-variable/material-symbols-outlined@5.3.7 @fontsource-variable/source-sans-3@5.3.0 @fontsource/noto-mono@5.3.0; do
  npm pack --silent "$p" >/dev/null
done
for t in fontsource-*.tgz; do mkdir -p "x-$t" && tar xzf "$t" -C "x-$t"; done
cp x-fontsource-variable-material-symbols-outlined-*/package/files/material-symbols-outlined-latin-wght-normal.woff2 "$DEST/"
cp x-fontsource-variable-source-sans-3-*/package/files/source-sans-3-latin-wght-normal.woff2 "$DEST/"
cp x-fontsource-noto-mono-*/package/files/noto-mono-latin-400-normal.woff2 "$DEST/"
{ echo "Fonts used by the editor's interface, from npm (fontsource):"
  for x in x-fontsource-*; do echo; echo "==== $(node -p "const p=require('./$x/package/package.json'); p.name+'@'+p.version+' ('+p.license+')'")"; cat "$x/package/LICENSE"; done
} > "$DEST/FONTS-LICENSE.txt"
