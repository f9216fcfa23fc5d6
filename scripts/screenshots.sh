#!/usr/bin/env bash
# Makes the README's screenshots: runs poetry-reader under Xvfb with a fresh configuration, lets
# it drive its demo (hidden option --screenshots) and writes docs/screenshots/{downloads,poem,
# failure}.png with QWidget::grab().
#
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
program=$build/app/poetry-reader/poetry-reader
out=$top/docs/screenshots

if [ ! -x "$program" ]; then
    echo "screenshots.sh: $program is not built; run: cmake --build $build --target poetry-reader" >&2
    exit 1
fi
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run is not installed" >&2; exit 1; }

# A configuration of its own: the user's servers and window layout stay out of the pictures.
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
mkdir -p "$out"

# Fusion, English, a common laptop-sized screen.
XDG_CONFIG_HOME=$config LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_STYLE_OVERRIDE=Fusion \
    xvfb-run -a -s "-screen 0 1400x900x24" \
    "$program" --screenshots "$out"

echo "screenshots.sh: wrote $(ls "$out"/*.png | wc -l) images to $out"
