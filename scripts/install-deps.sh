#!/usr/bin/env bash
# Installs everything Poetry Reader needs to build, test and run on Debian 12 (bookworm):
# the compiler and build tools, Qt 6 from Debian's packages, a virtual X server for the GUI
# tests and screenshots, and fonts for the Korean and Japanese poems and translations.
#
# With PACKAGE arguments it installs those instead: the scripts that need extra tools
# (bench.sh, fuzz.sh, valgrind.sh) install them through here.
#
# Does nothing when every package is already installed. Otherwise runs `apt-get update` once and
# installs what is missing, as root or through sudo. Never asks a question: safe with no stdin,
# in CI (CI=true) and in containers.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    # Build, and the formatting check
    build-essential cmake ninja-build clang-format
    # Qt 6: Core, Network, Sql, Widgets, Test (qt6-base-dev), the SQLite driver of the poem
    # library (loaded at run time), Linguist tools and Qt's own translations, SVG icons; the
    # OpenGL and xkbcommon headers that Qt's CMake files look for
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-svg-dev libgl-dev libxkbcommon-dev
    # GUI tests and screenshots without a display; the private message bus of the desktop
    # notification test (tst_gui_notifier starts its own dbus-daemon; the program needs none)
    xvfb xauth imagemagick dbus-daemon
    # Demos and checks: nc, validating the desktop entry and the AppStream metainfo, rendering
    # the manual pages (groff); rsvg-convert renders the icon's PNGs (resources/icons/render-png.sh)
    netcat-openbsd desktop-file-utils appstream groff-base librsvg2-bin
    # Korean and Japanese text in the window
    fonts-noto-cjk
)
if (($# > 0)); then
    packages=("$@")
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    if [[ $status != installed ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages are installed."
    exit 0
fi

echo "install-deps: installing ${missing[*]}"

if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    # With no terminal to ask on, sudo must not wait for a password.
    if [[ -t 0 ]]; then
        as_root=(sudo)
    else
        as_root=(sudo --non-interactive)
    fi
else
    echo "install-deps: not root and sudo is not installed; as root, run:" >&2
    echo "    apt-get update && apt-get install ${missing[*]}" >&2
    exit 1
fi

apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get
    -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

"${apt_get[@]}" update </dev/null
"${apt_get[@]}" install "${missing[@]}" </dev/null

echo "install-deps: done."
