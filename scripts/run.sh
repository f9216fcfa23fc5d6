#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and starts Poetry Reader with its
# built-in demo servers. Without a display (no $DISPLAY or $WAYLAND_DISPLAY), or before the
# window is built, it runs the command-line demo instead (scripts/demo-cli.sh).
# Extra arguments go to poetry-reader.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/build.sh

reader=build/app/poetry-reader/poetry-reader

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "No display found: running the command-line demo instead."
    exec scripts/demo-cli.sh
fi
if [[ ! -x $reader ]]; then
    echo "The window ($reader) is not built: running the command-line demo instead."
    exec scripts/demo-cli.sh
fi

echo "Starting $reader --demo"
exec "$reader" --demo "$@"
