#!/usr/bin/env bash
# The command-line demo: poetry servers on free loopback ports serve the bundled poems at
# different speeds, one more port has nothing listening, and a single `get-poetry` call fetches
# them all at once. It prints the poems and the failure, then checks that the demo behaved as
# expected: every poem arrived byte for byte, and the empty port failed with
# ConnectionRefusedError. Exit status 0 when it did, 1 when it did not.
#
# POETRY_BUILD_DIR picks another build tree (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${POETRY_BUILD_DIR:-build}
get_poetry=$build_dir/app/get-poetry/get-poetry
poetry_server=$build_dir/app/poetry-server/poetry-server
poems=resources/poems

if [[ ! -x $get_poetry || ! -x $poetry_server ]]; then
    echo "demo: $get_poetry or $poetry_server is missing; building first."
    scripts/build.sh
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/poetry-demo.XXXXXX")
server_pids=()
cleanup() {
    local pid
    for pid in "${server_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${server_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_server KIND DESCRIPTION [OPTION...] -- FILE...: one poetry-server process, one port per
# file. Appends "ADDRESS KIND FILE" lines to $work/servers in the order of the files.
start_server() {
    local kind=$1 description=$2
    shift 2
    local options=()
    while [[ $1 != -- ]]; do
        options+=("$1")
        shift
    done
    shift
    local files=("$@")
    local paths=()
    local file
    for file in "${files[@]}"; do
        paths+=("$poems/$file")
    done

    local out=$work/server-${#server_pids[@]}.out
    : >"$out"
    "$poetry_server" --port 0 "${options[@]}" "${paths[@]}" >"$out" 2>&1 &
    local pid=$!
    server_pids+=("$pid")

    # Wait for "Serving FILE on HOST:PORT." for every file.
    local tries=0
    while (($(grep -c '^Serving ' "$out" || true) < ${#files[@]})); do
        if ! kill -0 "$pid" 2>/dev/null || ((++tries > 100)); then
            echo "demo: poetry-server ($description) did not start:" >&2
            cat "$out" >&2
            exit 1
        fi
        sleep 0.1
    done
    local line
    while IFS= read -r line; do
        # "Serving english-slow-server.txt on 127.0.0.1:40123."
        local address=${line##* on }
        address=${address%.}
        file=${line#Serving }
        file=${file% on *}
        echo "$address $kind $file" >>"$work/servers"
        printf '  %-22s %-30s %s\n' "$address" "$file" "$description"
    done < <(grep '^Serving ' "$out")
}

echo "Starting poetry servers on free loopback ports:"
start_server poem "full speed" -- \
    english-slow-server.txt
start_server poem "100 bytes every 0.05 s" --delay 0.05 --num-bytes 100 -- \
    english-harbour-almanac.txt
start_server poem "40 bytes every 0.05 s" --delay 0.05 --num-bytes 40 -- \
    korean-first-snow.txt french-the-tide.txt
start_server poem "20 bytes every 0.1 s" --delay 0.1 --num-bytes 20 -- \
    japanese-station-haiku.txt korean-slow-letter.txt japanese-arriving-slowly.txt
start_server refused "nothing listening (poetry-server --fault refuse)" --fault refuse -- \
    english-slow-server.txt

addresses=()
expected_poems=()
refused_address=
while read -r address kind file; do
    addresses+=("$address")
    if [[ $kind == refused ]]; then
        refused_address=$address
    else
        expected_poems+=("$file")
    fi
done <"$work/servers"

echo
echo "\$ get-poetry --verbose ${addresses[*]}"
# Poems go to a file (byte for byte) to be checked and then shown; the progress and the
# failure on standard error are shown as they happen and kept for the check.
set +e
{
    "$get_poetry" --verbose --connect-timeout 10 --deadline 120 "${addresses[@]}" \
        2>&1 1>&3 3>&- | tee "$work/stderr" >&2
} 3>"$work/poems"
status=${PIPESTATUS[0]}
set -e
echo "(get-poetry exited with status $status)"
echo
echo "----- The poems, in the order given -----"
echo
cat "$work/poems"
echo "----- End of the poems -----"
echo

# The check: what a correct run prints.
problems=()
: >"$work/expected"
for file in "${expected_poems[@]}"; do
    cat "$poems/$file" >>"$work/expected"
    echo >>"$work/expected"
done
if ! cmp -s "$work/expected" "$work/poems"; then
    problems+=("the poems printed are not exactly the poems served")
fi
received=$(grep -c '^Task [0-9]*: got [0-9]* bytes of poetry' "$work/stderr" || true)
if ((received != ${#expected_poems[@]})); then
    problems+=("$received poems reported received, expected ${#expected_poems[@]}")
fi
failed=$(grep -c '^Poem failed: ' "$work/stderr" || true)
if ((failed != 1)) || ! grep -q '^ConnectionRefusedError: ' "$work/stderr" \
    || ! grep -q "$refused_address" "$work/stderr"; then
    problems+=("expected exactly one ConnectionRefusedError, from $refused_address")
fi
if ((status != 1)); then
    problems+=("get-poetry exited with status $status, expected 1 (some poem failed)")
fi

if ((${#problems[@]} > 0)); then
    echo "Demo FAILED:" >&2
    printf '  - %s\n' "${problems[@]}" >&2
    exit 1
fi
echo "Demo OK: ${#expected_poems[@]} poems received byte for byte from servers at four speeds;"
echo "the port with nothing listening failed with ConnectionRefusedError, as expected."
