#!/usr/bin/env bash
# Draws the action icons as a user sees them: each icon from its committed PNGs at 16, 22 and
# 48 px, on a light and on a dark background, labelled with its name. Needs ImageMagick (Debian
# package imagemagick). Writes docs/screenshots/action-icons.png, or the file given.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../docs/screenshots/action-icons.png}
convert=/usr/bin/convert
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tiles=()
for svg in "$here"/actions-src/*.svg; do
    name=$(basename "$svg" .svg)
    for bg in light dark; do
        colour='#fcfcfc'
        [[ $bg == dark ]] && colour='#2a2e32'
        "$convert" -background "$colour" \
            "$here/hicolor/16x16/actions/$name.png" "$here/hicolor/22x22/actions/$name.png" \
            "$here/hicolor/48x48/actions/$name.png" -gravity center -extent 56x56 \
            +append "$work/$name-$bg.png"
    done
    "$convert" "$work/$name-light.png" "$work/$name-dark.png" +append "$work/$name.png"
    tiles+=(-label "$name" "$work/$name.png")
done
mkdir -p "$(dirname "$out")"
montage "${tiles[@]}" -tile 3x -geometry +12+8 -pointsize 13 -background white "$out"
echo "contact-sheet: wrote $out"
