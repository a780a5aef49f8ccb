#!/usr/bin/env bash
# Runs FanKeep from source on Debian/Ubuntu: installs what a JavaFX window needs (GTK 3, Chinese fonts, colour emoji)
# if it is missing, then builds and starts the app with Maven. Arguments are passed to FanKeep, e.g. --data-dir DIR.
# apt's output goes to a log file and is shown only when the install fails.
# FANKEEP_JVM_ARGS: extra JVM options for the app, e.g. "-Xlog:startuptime" (passed as -Dapp.jvm.args).
set -euo pipefail
cd "$(dirname "$0")/../.."

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
installed libgtk-3-0 || installed libgtk-3-0t64 || missing+=(libgtk-3-0)
installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
installed fonts-symbola || missing+=(fonts-symbola)   # emoji in names and nicknames (see ADR 0017)
if ((${#missing[@]})); then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  log=$(mktemp "${TMPDIR:-/tmp}/fankeep-apt.XXXXXX.log")
  echo "Installing ${missing[*]} (needed for the window, Chinese text and emoji)…"
  apt_install() {
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >>"$log" 2>&1
  }
  if ! { "${sudo_cmd[@]}" apt-get update -q >>"$log" 2>&1 \
         && { apt_install "${missing[@]}" \
              || apt_install "${missing[@]/#libgtk-3-0/libgtk-3-0t64}"; }; }; then
    # Ubuntu 24.04 / Debian 13 call GTK 3 libgtk-3-0t64: the second try asks for that name.
    cat "$log" >&2
    echo "Installing ${missing[*]} failed (apt's output above, also in $log)." >&2
    exit 1
  fi
  rm -f "$log"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: FanKeep is a desktop app. On a headless machine run it under Xvfb:" >&2
  echo "  apt-get install -y xvfb && xvfb-run -s '-screen 0 1280x800x24' $0 $*" >&2
  exit 1
fi

exec mvn -B -q compile exec:exec -Dapp.args="$*" -Dapp.jvm.args="${FANKEEP_JVM_ARGS:-}"
