#!/usr/bin/env bash
# Installs the Debian packages SanityChecker links against when any is missing; with
# --with-browser also chromium, which the HTML report's browser test uses.
set -euo pipefail
packages=(libhdf5-dev zlib1g-dev libopenblas-dev libjpeg62-turbo-dev libbigwig-dev)
[ "${1:-}" = "--with-browser" ] && packages+=(chromium)
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
