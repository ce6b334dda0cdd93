#!/usr/bin/env bash
# Installs the Debian packages SanityChecker links against, and chromium for the HTML report's
# browser test, when any is missing.
set -euo pipefail
packages=(libhdf5-dev zlib1g-dev libopenblas-dev libjpeg62-turbo-dev chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
