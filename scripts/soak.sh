#!/usr/bin/env bash
# scripts/soak.sh N [BUILD_DIR]: runs the timing-sensitive test suites (tst_fetcher,
# tst_poemjob, tst_futures, tst_faultmatrix, tst_limits, tst_cli, tst_gui_quit) N times in a row with CTest on an existing
# build (default build/, as ./scripts/test.sh leaves it), and prints "P passed, F failed": how
# many of the N rounds passed and failed. Exits non-zero if any round failed. A failed round's
# output is printed on standard error and kept in BUILD_DIR/soak/round-K.log.
# SOAK_SUITES=REGEX runs other suites (a ctest -R expression) instead.
set -uo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: scripts/soak.sh N [BUILD_DIR]   (N rounds, at least 1; BUILD_DIR defaults to build)" >&2
    exit 2
}

rounds=${1:-}
build=${2:-build}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage
suites=${SOAK_SUITES:-'^(tst_fetcher|tst_poemjob|tst_futures|tst_faultmatrix|tst_limits|tst_cli|tst_gui_quit)$'}

if [[ ! -f $build/CTestTestfile.cmake ]]; then
    echo "soak: $build is not a build with tests (run ./scripts/test.sh first)" >&2
    exit 2
fi
# Every suite must be there: a soak that silently skips one proves nothing about it.
if [[ -z ${SOAK_SUITES:-} ]]; then
    found=$(ctest --test-dir "$build" -N -R "$suites" | sed -n 's/^Total Tests: //p')
    if [[ ${found:-0} -ne 7 ]]; then
        echo "soak: expected the 7 timing-sensitive suites in $build, found ${found:-0}" >&2
        ctest --test-dir "$build" -N -R "$suites" >&2
        exit 2
    fi
fi

export QT_QPA_PLATFORM=offscreen
mkdir -p "$build/soak"
passed=0
failed=0
for ((round = 1; round <= rounds; ++round)); do
    log=$build/soak/round-$round.log
    start=$SECONDS
    if ctest --test-dir "$build" -R "$suites" --output-on-failure --no-tests=error >"$log" 2>&1; then
        passed=$((passed + 1))
        echo "soak: round $round of $rounds passed ($((SECONDS - start)) s)" >&2
    else
        failed=$((failed + 1))
        echo "soak: round $round of $rounds FAILED ($((SECONDS - start)) s); $log:" >&2
        cat "$log" >&2
    fi
done
echo "$passed passed, $failed failed"
((failed == 0))
