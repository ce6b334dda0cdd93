#!/usr/bin/env bash
# Runs the whole test suite (installing the system libraries first when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
swift test -c release "$@"
# The libFuzzer targets (Tests/Fuzz): 2000 executions each from the generated seeds (200 for
# the slow HDF5 loader), so they keep building and the known findings stay fixed
# (docs/fuzzing.md). SANITY_SKIP_FUZZ=1 skips it.
if [ "${SANITY_SKIP_FUZZ:-0}" != 1 ]; then
  for target in sequences gzip deepbind idx jpeg results-json; do bash scripts/fuzz.sh "$target" --runs 2000; done
  bash scripts/fuzz.sh keras-hdf5 --runs 200
fi
