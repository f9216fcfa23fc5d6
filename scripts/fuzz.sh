#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with Debian's clang and runs each one for SECONDS
# (default 30) over its seed corpus in tests/fuzz/corpus/<target>/. Exits non-zero if any target
# crashes, leaks or fails one of its checks; the input that did it is saved in
# build-fuzz/findings/<target>/ (copy it into the corpus as a regression input once fixed).
#
#   scripts/fuzz.sh [SECONDS]        e.g. scripts/fuzz.sh 20 in CI
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz), FUZZ_TARGETS (default: all six),
# FUZZ_JOBS (build jobs, default 2).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
    echo "usage: scripts/fuzz.sh [SECONDS]" >&2
    exit 2
fi
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
read -r -a targets <<<"${FUZZ_TARGETS:-fuzz_address fuzz_poemdecoder fuzz_terminaltext fuzz_protocol fuzz_settings fuzz_storedtrace}"

# Debian's clang and its runtime libraries (libFuzzer, the sanitizers), through
# scripts/install-deps.sh.
# clang 16, not bookworm's default clang 14: the core uses std::source_location, which
# libstdc++ 12 only offers to compilers with __builtin_source_location (clang 15 and later).
clang_version=16
scripts/install-deps.sh "clang-$clang_version" "libclang-rt-$clang_version-dev"

# A configuration of its own: clang++, the sanitizers on the library under test (added by
# tests/fuzz/CMakeLists.txt), Debug symbols with optimisation for speed.
if [[ -f $build_dir/CMakeCache.txt ]] \
    && ! grep -q "^CMAKE_CXX_COMPILER:.*clang++-$clang_version\$" "$build_dir/CMakeCache.txt"; then
    echo "fuzz: $build_dir/ was not configured with clang++-$clang_version; configuring it afresh."
    rm -rf "$build_dir/CMakeCache.txt" "$build_dir/CMakeFiles"
fi
mkdir -p "$build_dir"
cmake -S . -B "$build_dir" -G Ninja \
    -DCMAKE_C_COMPILER="clang-$clang_version" -DCMAKE_CXX_COMPILER="clang++-$clang_version" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOETRY_BUILD_TESTS=ON -DPOETRY_FUZZ=ON >"$build_dir/configure.log" 2>&1 || {
    cat "$build_dir/configure.log" >&2
    exit 1
}
cmake --build "$build_dir" --parallel "${FUZZ_JOBS:-2}" --target "${targets[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0}
export QT_QPA_PLATFORM=offscreen

failures=()
summary=()
for target in "${targets[@]}"; do
    seeds=tests/fuzz/corpus/$target
    work=$build_dir/corpus/$target # new inputs found in this run: not committed
    findings=$build_dir/findings/$target
    mkdir -p "$work" "$findings"
    log=$build_dir/$target.log
    echo
    echo "== $target: ${seconds} s, seeds $seeds ($(find "$seeds" -type f | wc -l) files) =="
    # First every seed, regression inputs included, must pass on its own...
    if ! "$build_dir/tests/fuzz/$target" -runs=0 -artifact_prefix="$findings/" "$seeds" \
        >"$log.seeds" 2>&1; then
        tail -n 40 "$log.seeds"
        failures+=("$target (a seed input fails)")
        continue
    fi
    # ...then fuzz, starting from the seeds and what earlier runs found.
    extra=()
    if [[ $target == fuzz_protocol || $target == fuzz_settings ]]; then
        # Qt keeps allocations across runs (posted events; QSettings' cache of parsed files), so
        # LeakSanitizer would scan the heap after every input: 2.5 to 4 times slower. The seeds
        # above were leak-checked.
        extra=(-detect_leaks=0)
    fi
    if "$build_dir/tests/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
        -timeout=30 -rss_limit_mb=4096 -artifact_prefix="$findings/" "${extra[@]}" \
        "$work" "$seeds" >"$log" 2>&1; then
        execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        corpus=$(find "$work" -type f | wc -l)
        bytes=$(find "$work" -type f -exec cat {} + | wc -c)
        summary+=("$target: ${execs} runs in ${seconds} s; corpus $corpus inputs, $bytes bytes")
        tail -n 3 "$log"
    else
        tail -n 60 "$log"
        failures+=("$target (see $log; the input is in $findings/)")
    fi
done

echo
echo "== fuzz: summary =="
printf '%s\n' "${summary[@]}"
if ((${#failures[@]} > 0)); then
    echo "fuzz: FAILED: ${failures[*]}" >&2
    exit 1
fi
echo "fuzz: every target ran ${seconds} s without a finding."
