#!/usr/bin/env bash
# The README's test command: installs what is missing, builds with the tests, runs every test
# suite with CTest (headless: QT_QPA_PLATFORM=offscreen), then runs the command-line demo as a
# smoke check. Exits non-zero if anything fails. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh -DPOETRY_BUILD_TESTS=ON

export QT_QPA_PLATFORM=offscreen

failures=()

echo
echo "== Tests (ctest --test-dir build --output-on-failure) =="
if ! ctest --test-dir build --output-on-failure --no-tests=error "$@"; then
    failures+=("ctest")
fi

echo
echo "== Smoke check: the command-line demo (scripts/demo-cli.sh) =="
if ! scripts/demo-cli.sh; then
    failures+=("scripts/demo-cli.sh")
fi

echo
if ((${#failures[@]} > 0)); then
    echo "test: FAILED: ${failures[*]}" >&2
    exit 1
fi
echo "test: all tests passed, and the command-line demo behaved as expected."
