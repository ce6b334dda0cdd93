#!/usr/bin/env bash
# Makes (or reuses) a Python virtual environment for a test or script and prints its python.
#   bash scripts/python-env.sh NAME      # packages pinned in scripts/requirements/NAME.txt
# The environment lives outside the clone, in ${SANITY_PYTHON_CACHE:-~/.cache/sanitychecker/python}/NAME,
# and is rebuilt when the requirements file changes. Exit 3, with the reason on standard error,
# when it cannot be made (no network, no PyPI): callers skip with that message.
set -euo pipefail
name="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
requirements="$root/scripts/requirements/$name.txt"
[ -f "$requirements" ] || { echo "python-env: no $requirements" >&2; exit 3; }
cache="${SANITY_PYTHON_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sanitychecker/python}"
env="$cache/$name"
stamp="$(sha256sum "$requirements" | cut -c1-16)"
if [ ! -x "$env/bin/python" ] || [ "$(cat "$env/.stamp" 2>/dev/null)" != "$stamp" ]; then
  mkdir -p "$cache"
  exec 9>"$cache/.$name.lock"
  flock 9
  if [ ! -x "$env/bin/python" ] || [ "$(cat "$env/.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$env"
    log="$cache/$name.log"
    if ! { python3 -m venv "$env" && "$env/bin/pip" install --disable-pip-version-check -q -r "$requirements"; } >"$log" 2>&1; then
      rm -rf "$env"
      echo "python-env: could not install scripts/requirements/$name.txt (see $log)" >&2
      exit 3
    fi
    echo "$stamp" >"$env/.stamp"
  fi
fi
echo "$env/bin/python"
