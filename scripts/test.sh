#!/usr/bin/env bash
# Runs the whole test suite (installing the system libraries first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
swift test -c release "$@"
# The libFuzzer targets (Tests/Fuzz): 2000 executions each from the generated seeds, so they
# keep building and the known findings stay fixed (docs/fuzzing.md). SANITY_SKIP_FUZZ=1 skips it.
[ "${SANITY_SKIP_FUZZ:-0}" = 1 ] || bash scripts/fuzz.sh all --runs 2000
