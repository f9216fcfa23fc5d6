#!/usr/bin/env bash
# Renders the PNG sizes for the hicolor icon theme from their SVG sources, with rsvg-convert
# (Debian package librsvg2-bin, in scripts/install-deps.sh):
#   the application icon: 16, 22, 24 px from org.poetryreader.PoetryReader-small.svg (fewer,
#   thicker shapes), 32 px and up from hicolor/scalable/apps/org.poetryreader.PoetryReader.svg;
#   the action icons: 16, 22, 24, 32 and 48 px from actions-src/<name>.svg (16 x 16 designs)
#   into hicolor/<size>x<size>/actions/<name>.png.
# The PNGs are committed (the program needs no SVG plugin); run this again after editing an SVG,
# and contact-sheet.sh to look at the result.
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
for size in 16 22 24 32 48; do
    mkdir -p "hicolor/${size}x${size}/actions"
    for source in actions-src/*.svg; do
        name=$(basename "$source" .svg)
        rsvg-convert --width "$size" --height "$size" --format png \
            --output "hicolor/${size}x${size}/actions/$name.png" "$source"
    done
done
echo "render-png: wrote the PNGs in hicolor/{16x16,...,256x256}/apps/ and hicolor/*/actions/."
