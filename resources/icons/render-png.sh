#!/usr/bin/env bash
# Renders the application icon's PNG sizes for the hicolor icon theme from its SVG sources,
# with rsvg-convert (Debian package librsvg2-bin, in scripts/install-deps.sh):
#   16, 22, 24 px from org.poetryreader.PoetryReader-small.svg (fewer, thicker shapes),
#   32 px and up from hicolor/scalable/apps/org.poetryreader.PoetryReader.svg.
# The PNGs are committed; run this again after editing either SVG.
set -euo pipefail
cd "$(dirname "$0")"

id=org.poetryreader.PoetryReader
for size in 16 22 24 32 48 64 128 256; do
    if ((size <= 24)); then
        source=$id-small.svg
    else
        source=hicolor/scalable/apps/$id.svg
    fi
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "hicolor/${size}x${size}/apps/$id.png" "$source"
done
echo "render-png: wrote the PNGs in hicolor/{16x16,...,256x256}/apps/."
