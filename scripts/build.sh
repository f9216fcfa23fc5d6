#!/usr/bin/env bash
# Configures and builds Poetry Reader into build/ with Ninja, in RelWithDebInfo.
# With CI=true compiler warnings are errors (-DPOETRY_WARNINGS_AS_ERRORS=ON).
# Extra arguments go to the configure step, e.g. scripts/build.sh -DPOETRY_BUILD_TESTS=OFF
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build

# A build/ configured earlier with another generator cannot be reused: start it afresh.
if [[ -f $build_dir/CMakeCache.txt ]] \
    && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$build_dir/CMakeCache.txt"; then
    echo "build: $build_dir/ was not configured with Ninja; configuring it afresh."
    rm -f "$build_dir/CMakeCache.txt"
    rm -rf "$build_dir/CMakeFiles"
fi

options=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
# In CI warnings are errors. Elsewhere the build tree keeps whatever it was configured with
# (off in a fresh tree), so that switching between the two does not rebuild everything.
if [[ ${CI:-} == true ]]; then
    options+=(-DPOETRY_WARNINGS_AS_ERRORS=ON)
fi

cmake -S . -B "$build_dir" "${options[@]}" "$@"
cmake --build "$build_dir"
