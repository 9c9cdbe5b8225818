#!/usr/bin/env bash
# Renders deskcrm.svg into the icon files jpackage needs; the results are committed so that
# building an installer needs no image tools. Needs: rsvg-convert (librsvg2-bin),
# ImageMagick (ICO) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" deskcrm.svg -o "$tmp/icon-$size.png"
done
cp "$tmp/icon-512.png" deskcrm.png                         # Linux (.deb/.rpm, desktop entry)
convert "$tmp"/icon-{16,24,32,48,64,128,256}.png deskcrm.ico    # Windows (.exe/.msi)
png2icns deskcrm.icns "$tmp"/icon-{16,32,128,256,512}.png >/dev/null  # macOS (.app/.dmg)
ls -l deskcrm.png deskcrm.ico deskcrm.icns
