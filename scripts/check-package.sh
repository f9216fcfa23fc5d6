#!/usr/bin/env bash
# Builds the Debian package, installs it on this machine, checks the INSTALLED programs and
# files, and removes the package again. Exits non-zero, with a message saying what failed, on
# the first failure.
#
#   1. installs the build dependencies (scripts/install-deps.sh);
#   2. configures build-package/ (Release, no tests), builds, and runs cpack: the .deb and the
#      .tar.gz in build-package/packages/;
#   3. apt-get install ./poetry-reader_<version>_<arch>.deb, which pulls in the shared libraries
#      the binaries need (the package's Depends, computed by dpkg-shlibdeps);
#   4. runs /usr/bin/poetry-reader --version (offscreen) and /usr/bin/get-poetry --help, and
#      fetches a poem from the installed poetry-server with the installed get-poetry, byte for
#      byte;
#   5. validates the installed desktop entry (desktop-file-validate) and AppStream metainfo
#      (appstreamcli validate --no-net), checks the icons, renders the man pages with groff
#      without a warning;
#   6. removes the package and checks that the programs are gone.
#
# Non-interactive (no stdin needed, CI=true is fine) and idempotent: a package left installed by
# an earlier run is removed first, and the package is removed on exit whatever happens. Runs as
# root, or through sudo otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build-package
package=poetry-reader
app_id=org.poetryreader.PoetryReader
programs=(poetry-reader get-poetry poetry-server)
poem=resources/poems/english-harbour-almanac.txt

step() { printf '\ncheck-package: %s\n' "$*"; }
fail() {
    printf 'check-package: FAILED: %s\n' "$*" >&2
    exit 1
}

if ((EUID == 0)); then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo --non-interactive)
else
    fail "not root and sudo is not installed"
fi
apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

is_installed() {
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true) == installed ]]
}

work=$(mktemp -d)
server_pid=
cleanup() {
    local status=$?
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if is_installed; then
        echo "check-package: removing $package after a failure"
        "${apt_get[@]}" remove "$package" </dev/null >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

# --- 1. Dependencies -------------------------------------------------------------------------
step "installing the build dependencies"
scripts/install-deps.sh </dev/null
for tool in cmake ninja cpack dpkg-shlibdeps desktop-file-validate appstreamcli groff; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (see scripts/install-deps.sh)"
done

# --- 2. Build the packages -------------------------------------------------------------------
step "building the packages in $build_dir/ (Release, no tests)"
if [[ -f $build_dir/CMakeCache.txt ]] \
    && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$build_dir/CMakeCache.txt"; then
    rm -rf "$build_dir/CMakeCache.txt" "$build_dir/CMakeFiles"
fi
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPOETRY_BUILD_TESTS=OFF \
    -DPOETRY_SANITIZE=OFF -DPOETRY_WARNINGS_AS_ERRORS=OFF >/dev/null \
    || fail "configuring $build_dir/"
cmake --build "$build_dir" || fail "building $build_dir/"
rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack -G "DEB;TGZ" -B packages) || fail "cpack"

debs=("$build_dir"/packages/*.deb)
tarballs=("$build_dir"/packages/*.tar.gz)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then
    fail "cpack made no single .deb: ${debs[*]}"
fi
if ((${#tarballs[@]} != 1)) || [[ ! -f ${tarballs[0]} ]]; then
    fail "cpack made no single .tar.gz: ${tarballs[*]}"
fi
deb=$(realpath "${debs[0]}")
version=$(dpkg-deb -f "$deb" Version)
depends=$(dpkg-deb -f "$deb" Depends)
echo "check-package: $(basename "$deb"): $package $version"
echo "check-package: Depends: $depends"
for library in libqt6core6 libqt6network6 libqt6widgets6 libqt6dbus6 libc6; do
    [[ $depends == *"$library "* || $depends == *"$library," || $depends == *"$library" ]] \
        || fail "the package does not depend on $library (CPACK_DEBIAN_PACKAGE_SHLIBDEPS)"
done
top=$(basename "${tarballs[0]}" .tar.gz)
listing=$(tar -tzf "${tarballs[0]}")
for program in "${programs[@]}"; do
    grep -qx "$top/bin/$program" <<<"$listing" || fail "$program is not in ${tarballs[0]}"
done
grep -qx "$top/share/applications/$app_id.desktop" <<<"$listing" \
    || fail "the desktop entry is not in ${tarballs[0]}"

# --- 3. Install ------------------------------------------------------------------------------
if is_installed; then
    step "removing the $package left installed by an earlier run"
    "${apt_get[@]}" remove "$package" </dev/null >/dev/null || fail "removing the old $package"
fi
step "installing $(basename "$deb") with apt-get"
"${apt_get[@]}" install "$deb" </dev/null || fail "apt-get install $deb"
is_installed || fail "$package is not installed after apt-get install"
[[ $(dpkg-query -W -f='${Version}' "$package") == "$version" ]] \
    || fail "the installed $package is not version $version"
for program in "${programs[@]}"; do
    [[ -x /usr/bin/$program ]] || fail "/usr/bin/$program is not installed"
    if ldd "/usr/bin/$program" | grep -q 'not found'; then
        ldd "/usr/bin/$program" >&2
        fail "/usr/bin/$program misses shared libraries"
    fi
done

# --- 4. Run the installed programs -----------------------------------------------------------
step "running the installed programs"
reader_version=$(QT_QPA_PLATFORM=offscreen /usr/bin/poetry-reader --version </dev/null) \
    || fail "poetry-reader --version exited with an error"
echo "$reader_version"
[[ $reader_version == "poetry-reader $version" ]] \
    || fail "poetry-reader --version says '$reader_version', not 'poetry-reader $version'"

/usr/bin/get-poetry --help </dev/null >"$work/help.txt" || fail "get-poetry --help exited with an error"
head -n 1 "$work/help.txt"
grep -q '^Usage: .*get-poetry \[options\] ADDRESS' "$work/help.txt" \
    || fail "get-poetry --help does not print its usage"

/usr/bin/poetry-server --port 0 "$poem" </dev/null >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
line=
for _ in $(seq 100); do
    line=$(head -n 1 "$work/server.out")
    [[ -n $line ]] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
done
[[ -n $line ]] || {
    cat "$work/server.err" >&2
    fail "poetry-server printed no 'Serving FILE on HOST:PORT.' line"
}
echo "$line"
[[ $line =~ ^Serving\ (.+)\ on\ (.+):([0-9]+)\.$ ]] \
    || fail "cannot read '$line' as 'Serving FILE on HOST:PORT.'"
[[ ${BASH_REMATCH[1]} == "$(basename "$poem")" ]] \
    || fail "poetry-server serves '${BASH_REMATCH[1]}', not $(basename "$poem")"
address=${BASH_REMATCH[2]}:${BASH_REMATCH[3]}

fetch_status=0
/usr/bin/get-poetry --deadline 30 "$address" </dev/null >"$work/fetched" 2>"$work/fetch.err" \
    || fetch_status=$?
if ((fetch_status != 0)); then
    cat "$work/fetch.err" >&2
    fail "get-poetry $address exited with status $fetch_status"
fi
# The poem byte for byte, then the one newline get-poetry writes after each poem.
{ cat "$poem"; printf '\n'; } >"$work/expected"
cmp "$work/expected" "$work/fetched" \
    || fail "the poem fetched from $address differs from $poem"
echo "check-package: fetched $(wc -c <"$poem") bytes from $address, identical to $poem"

kill -TERM "$server_pid"
server_status=0
wait "$server_pid" || server_status=$?
server_pid=
((server_status == 0)) || fail "poetry-server exited with status $server_status on SIGTERM"

# --- 5. Installed files ----------------------------------------------------------------------
step "validating the installed desktop entry, metainfo, icons and manual pages"
desktop=/usr/share/applications/$app_id.desktop
metainfo=/usr/share/metainfo/$app_id.metainfo.xml
[[ -f $desktop ]] || fail "$desktop is not installed"
[[ -f $metainfo ]] || fail "$metainfo is not installed"
desktop-file-validate "$desktop" >"$work/desktop.txt" 2>&1 || {
    cat "$work/desktop.txt" >&2
    fail "desktop-file-validate $desktop"
}
[[ ! -s $work/desktop.txt ]] || {
    cat "$work/desktop.txt" >&2
    fail "desktop-file-validate has remarks on $desktop"
}
echo "$desktop: valid"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $metainfo"
grep -qx "Icon=$app_id" "$desktop" || fail "$desktop does not name the icon $app_id"
for size in 16 22 24 32 48 64 128 256; do
    icon=/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [[ -f $icon ]] || fail "$icon is not installed"
done
[[ -f /usr/share/icons/hicolor/scalable/apps/$app_id.svg ]] || fail "the scalable icon is not installed"
echo "icons: 8 PNG sizes and the SVG in /usr/share/icons/hicolor"

# Some container images tell dpkg to leave out /usr/share/man; then the package's own copy is read.
dpkg-deb -x "$deb" "$work/unpacked"
for program in "${programs[@]}"; do
    page=/usr/share/man/man1/$program.1
    if [[ ! -f $page ]]; then
        if dpkg-query -L "$package" | grep -qx "$page"; then
            fail "$page is listed by dpkg but missing"
        fi
        echo "check-package: $page was left out by dpkg's path-exclude; reading the package's copy"
        page=$work/unpacked$page
        [[ -f $page ]] || fail "$program.1 is not in the package"
    fi
    if ! groff -man -Tutf8 -ww -z "$page" >"$work/groff.txt" 2>&1 || [[ -s $work/groff.txt ]]; then
        cat "$work/groff.txt" >&2
        fail "groff warns about $page"
    fi
    echo "$page: renders without a warning"
done

# --- 6. Remove -------------------------------------------------------------------------------
step "removing $package"
"${apt_get[@]}" remove "$package" </dev/null || fail "apt-get remove $package"
is_installed && fail "$package is still installed after apt-get remove"
for program in "${programs[@]}"; do
    [[ ! -e /usr/bin/$program ]] || fail "/usr/bin/$program is still there after removing $package"
done
[[ ! -e $desktop ]] || fail "$desktop is still there after removing $package"

step "passed: built, installed, ran, validated and removed $(basename "$deb")"
