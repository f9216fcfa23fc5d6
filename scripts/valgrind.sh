#!/usr/bin/env bash
# Runs the command-line programs under valgrind's memcheck and fails on any memory error or
# definite leak (Qt's own "possibly lost" and "still reachable" blocks are fine):
#   1. get-poetry fetching three poems from a poetry-server (exit 0 expected);
#   2. get-poetry whose requests fail: a refused port, a server that stalls (idle timeout), a
#      reset mid-poem and an unresolvable name (exit 1 expected);
#   3. poetry-server serving a few clients, then stopped with SIGINT, and again with SIGTERM
#      (it exits normally, status 0, on either).
#
#   scripts/valgrind.sh [BUILD_DIR]     (default: build; the programs are built if missing)
#
# The logs are kept in BUILD_DIR/valgrind/.
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${1:-build}
get_poetry=$build_dir/app/get-poetry/get-poetry
poetry_server=$build_dir/app/poetry-server/poetry-server

scripts/install-deps.sh valgrind

if [[ ! -x $get_poetry || ! -x $poetry_server ]]; then
    if [[ ! -f $build_dir/CMakeCache.txt ]]; then
        cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$build_dir" --target get-poetry poetry-server
fi

logs=$build_dir/valgrind
rm -rf "$logs"
mkdir -p "$logs"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT

memcheck=(valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --error-exitcode=3 --num-callers=30 --track-fds=no)

failures=()
results=()

# Waits for `file` to have `count` "Serving … on ADDR." lines; prints the addresses.
addresses_from() {
    local file=$1 count=$2
    for _ in $(seq 1 600); do
        if (($(grep -c '^Serving ' "$file" 2>/dev/null || true) >= count)); then
            sed -n 's/^Serving .* on \(.*\)\.$/\1/p' "$file"
            return 0
        fi
        sleep 0.1
    done
    echo "valgrind: no server came up; its output:" >&2
    cat "$file" >&2
    return 1
}

# "definitely lost: N bytes" and "ERROR SUMMARY: N errors" from a valgrind log.
summary_of() {
    local log=$1 definite errors
    definite=$(grep -o 'definitely lost: [0-9,]* bytes in [0-9,]* blocks' "$log" | tail -1 || true)
    errors=$(grep -o 'ERROR SUMMARY: [0-9,]* errors' "$log" | tail -1 || true)
    echo "${definite:-definitely lost: 0 bytes (no leak summary line)}; ${errors:-no error summary}"
}

check_run() { # name, expected exit status, actual exit status, log
    local name=$1 expected=$2 status=$3 log=$4 errors
    errors=$(grep -o 'ERROR SUMMARY: [0-9,]*' "$log" | tail -1 | grep -o '[0-9,]*$' | tr -d , || true)
    results+=("$name: exit $status (expected $expected); $(summary_of "$log")")
    if [[ $status != "$expected" || -z $errors || $errors != 0 ]]; then
        failures+=("$name")
        echo "---- $log ----"
        grep -E '^==[0-9]+== ' "$log" | tail -n 80
    fi
}

# Poems: a short one, a multi-byte one of 200 KB, and one sent slowly.
printf 'Roses are red,\nviolets are blue.\n' >"$work/short.txt"
python3 - "$work/long.txt" <<'EOF'
import sys
line = "The river keeps its counsel — 강물은 말이 없고 — 川は黙って流れる 🌊🌙\n"
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(line * 2200)
EOF
head -c 3000 "$work/long.txt" >"$work/slow.txt"

echo "== 1. get-poetry under valgrind, three poems =="
"$poetry_server" "$work/short.txt" "$work/long.txt" >"$work/servers.out" 2>&1 &
pids+=($!)
"$poetry_server" --delay 0.01 --num-bytes 300 "$work/slow.txt" >"$work/slow.out" 2>&1 &
pids+=($!)
mapfile -t fast < <(addresses_from "$work/servers.out" 2)
mapfile -t slow < <(addresses_from "$work/slow.out" 1)
status=0
"${memcheck[@]}" --log-file="$logs/get-poetry.log" \
    "$get_poetry" "${fast[@]}" "${slow[@]}" >"$work/poems.out" 2>"$work/poems.err" || status=$?
check_run "get-poetry, three poems" 0 "$status" "$logs/get-poetry.log"
expected_size=$(($(stat -c %s "$work/short.txt") + $(stat -c %s "$work/long.txt") + $(stat -c %s "$work/slow.txt") + 3))
if [[ $(stat -c %s "$work/poems.out") != "$expected_size" ]]; then
    failures+=("get-poetry printed $(stat -c %s "$work/poems.out") bytes, not $expected_size")
fi

echo "== 2. get-poetry under valgrind, every request failing =="
"$poetry_server" --fault refuse "$work/short.txt" >"$work/refuse.out" 2>&1 &
pids+=($!)
"$poetry_server" --fault stall "$work/short.txt" >"$work/stall.out" 2>&1 &
pids+=($!)
"$poetry_server" --fault reset --fault-bytes 1000 "$work/long.txt" >"$work/reset.out" 2>&1 &
pids+=($!)
mapfile -t faulty < <(addresses_from "$work/refuse.out" 1; addresses_from "$work/stall.out" 1;
    addresses_from "$work/reset.out" 1)
status=0
"${memcheck[@]}" --log-file="$logs/get-poetry-failures.log" \
    "$get_poetry" --idle-timeout 1 "${faulty[@]}" no-such-poetry-server.invalid:10001 \
    >"$work/failures.out" 2>"$work/failures.err" || status=$?
check_run "get-poetry, four failures" 1 "$status" "$logs/get-poetry-failures.log"

echo "== 3. poetry-server under valgrind, stopped by a signal =="
for signal in INT TERM; do
    "${memcheck[@]}" --log-file="$logs/poetry-server-$signal.log" \
        "$poetry_server" "$work/short.txt" "$work/long.txt" >"$work/vserver.out" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    mapfile -t served < <(addresses_from "$work/vserver.out" 2)
    for _ in 1 2 3; do
        "$get_poetry" "${served[@]}" >/dev/null
    done
    kill -s "$signal" "$server_pid"
    status=0
    wait "$server_pid" || status=$?
    # poetry-server quits its event loop on SIGINT and SIGTERM and exits normally (status 0),
    # destroying its servers: so the leak check sees a clean exit, not a death by signal.
    check_run "poetry-server, SIG$signal after 3 clients" 0 "$status" \
        "$logs/poetry-server-$signal.log"
done

echo
echo "== valgrind: summary =="
printf '%s\n' "${results[@]}"
if ((${#failures[@]} > 0)); then
    echo "valgrind: FAILED: ${failures[*]} (logs in $logs/)" >&2
    exit 1
fi
echo "valgrind: no memory errors and no definite leaks (logs in $logs/)."
