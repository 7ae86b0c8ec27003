#!/usr/bin/env bash
# Installs the system packages the test suite needs, when they are missing: Debian's
# Chromium (driven by playwright-core; its own browser download is not used), and for the
# human-side test and `pnpm bench:bots` a virtual X display (Xvfb), XTest input (xdotool)
# and the X utilities (xdpyinfo, xwininfo); Redis for the shared-state tests (each starts
# its own redis-server on 127.0.0.1 and a random port, never the system service). Run as
# root (CI, containers) it installs them; otherwise it says what to install and fails.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v xdpyinfo >/dev/null || missing+=(x11-utils)
command -v redis-server >/dev/null || missing+=(redis-server)

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "The tests need: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
