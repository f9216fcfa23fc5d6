#!/usr/bin/env bash
# The benchmark suite (issue 5): get-poetry against the classic Twisted client, a plain read
# loop and a minimal epoll client, plus the window's event-loop stalls and the start-up time.
# See docs/benchmarks.md.
#
#   scripts/bench.sh            the full suite: 256 MiB, 100/1,000/10,000 fetches, 5 runs;
#                               writes docs/bench/fetches.png
#   scripts/bench.sh --small    small sizes for CI (well under 2 minutes); the plot goes to
#                               build-bench/fetches.png
#
# Installs what it needs with apt-get (python3-twisted, gnuplot-nox, xdotool, xvfb) when
# missing, builds the Release tree build-bench and runs build-bench/tests/bench/bench_fetch.
# Exits non-zero only when a contender fails to run or bytes are wrong; a missed target is
# printed as MISS.
set -euo pipefail
cd "$(dirname "$0")/.."

small=false
case "${1:-}" in
--small) small=true ;;
"") ;;
*)
    echo "usage: scripts/bench.sh [--small]" >&2
    exit 2
    ;;
esac

# ---- packages ----------------------------------------------------------------------------
scripts/install-deps.sh python3-twisted gnuplot-nox xdotool xvfb xauth

# ---- build -------------------------------------------------------------------------------
# CI reuses its test build (POETRY_BENCH_BUILD=build): the small run only checks that the suite
# works; the figures worth quoting come from the Release tree.
build="${POETRY_BENCH_BUILD:-build-bench}"
if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target bench_fetch bench_window poetry-reader

# ---- run ---------------------------------------------------------------------------------
if $small; then
    data=$build/fetches.dat
    plot=$build/fetches.png
    sizes=(--size-mib 16 --fetches "100,1000" --runs 1 --slow 100 --slow-bytes 200
        --stalled 200 --window-downloads 200 --window-seconds 2 --startup-runs 2)
else
    data=$build/fetches.dat
    plot=docs/bench/fetches.png
    sizes=(--size-mib 256 --fetches "100,1000,10000" --runs 5 --slow 1000 --slow-bytes 500
        --stalled 1000 --window-downloads 1000 --window-seconds 10 --startup-runs 5)
fi

started="$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
load=$(cut -d' ' -f1 /proc/loadavg)
echo "bench: $started, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$data"
status=0
xvfb-run -a -s '-screen 0 1280x1024x24 -noreset' \
    "$build/tests/bench/bench_fetch" "${sizes[@]}" \
    --twisted tests/bench/twisted/get_poetry.py --python /usr/bin/python3 \
    --bench-window "$build/tests/gui/bench_window" \
    --poetry-reader "$build/app/poetry-reader/poetry-reader" \
    --data "$data" || status=$?

# ---- plot --------------------------------------------------------------------------------
if [[ -s $data ]]; then
    mkdir -p "$(dirname "$plot")"
    gnuplot <<GNUPLOT
set terminal pngcairo size 900,560 font "sans,11" noenhanced
set output "$plot"
set title "Many 3 KB poems from 10 poetry-server ports, at most 1,000 connections at once\n$started, $(nproc) CPUs, load average $load at the start"
set xlabel "fetches"
set ylabel "wall time, seconds (median)"
set logscale xy
set xrange [70:14000]
set grid
set key top left
set xtics ("100" 100, "1,000" 1000, "10,000" 10000)
set datafile missing "-1.000000"
plot for [column=2:4] "$data" using 1:column with linespoints linewidth 2 pointsize 1.4 \
    title columnheader(column)
GNUPLOT
    echo "bench: plot written to $plot"
fi
exit "$status"
