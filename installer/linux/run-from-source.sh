#!/usr/bin/env bash
# Runs FanKeep from source on Debian/Ubuntu: installs what a JavaFX window needs (GTK 3, Chinese fonts) if it is
# missing, then builds and starts the app with Maven. Arguments are passed to FanKeep, e.g. --data-dir DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || missing+=(libgtk-3-0)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "Installing ${missing[*]} (needed for the window and Chinese text)…"
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libgtk-3-0t64 fonts-noto-cjk
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: FanKeep is a desktop app. On a headless machine run it under Xvfb:" >&2
  echo "  apt-get install -y xvfb && xvfb-run -s '-screen 0 1280x800x24' $0 $*" >&2
  exit 1
fi

exec mvn -B -q compile exec:exec -Dapp.args="$*"
