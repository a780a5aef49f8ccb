#!/usr/bin/env bash
# Installs, upgrades, removes and purges the FanKeep .deb on this machine and checks each step (issue 19).
#
#   installer/linux/test-deb.sh [DEB]
#
# DEB defaults to the newest target/installer/fankeep_*.deb; if there is none, `installer/linux/build.sh deb` makes one.
#  1. apt installs it (Depends from Debian's own archive only; `apt-get update` only if something must be fetched);
#     it is "install ok installed", the menu entry, the icons and /usr/bin/fankeep-cli are there, no xdg-utils needed
#  2. /usr/bin/fankeep-cli stats --json on a new data folder, then the sample shop loaded into it
#  3. the packaged app starts under Xvfb (screenshot target/installer/test-deb/app.png) and `bench startup` from the
#     package answers a search; its AOT cache is used (-XX:AOTMode=on fails if it cannot be)
#  4. version N+1 (the same package, version raised, repacked) installed over it: the data folder's counts are unchanged;
#     then reinstalled over itself
#  5. apt remove, then dpkg --purge: no file of the package is left, dpkg knows nothing of it, the data folder is
#     byte for byte as before the removal
# Needs root (apt, dpkg). Uses $DISPLAY if set, else an Xvfb of its own (display 90 or the next free one).
# Cleans up on any exit, also a failure: the app stopped, the package purged, temp folders deleted.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
T0=$(date +%s)
OUTDIR=target/installer/test-deb
mkdir -p "$OUTDIR"
LOG="$ROOT/$OUTDIR/test-deb.log"
: > "$LOG"
FAILS=0
step() { printf '\n== %s (%d s)\n' "$*" "$(( $(date +%s) - T0 ))"; }
ok()   { printf 'PASS  %s\n' "$*"; }
bad()  { printf 'FAIL  %s\n' "$*"; FAILS=$((FAILS + 1)); }
die()  { printf 'FAIL  %s\n' "$*"; echo "(log: $LOG)"; exit 1; }
check() { local what="$1"; shift; if "$@" >>"$LOG" 2>&1; then ok "$what"; else bad "$what"; fi; }
apt_q() { DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=300 "$@" >>"$LOG" 2>&1; }
installed() { dpkg-query -W -f='${Status}' fankeep 2>/dev/null | grep -q 'install ok installed'; }
known() { dpkg-query -W -f='${Status}' fankeep 2>/dev/null | grep -qv 'not-installed'; }

[[ $(id -u) -eq 0 ]] || die "needs root (apt and dpkg): run it as root or with sudo"
known && die "a fankeep package is already on this machine ($(dpkg-query -W -f='${Version} ${Status}' fankeep)); this test installs and purges its own: remove it first"

DEB="${1:-}"
if [[ -z "$DEB" ]]; then
  DEB=$(ls target/installer/fankeep_*.deb 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$DEB" ]]; then
    step "no .deb yet: installer/linux/build.sh deb"
    installer/linux/build.sh deb
    DEB=$(ls target/installer/fankeep_*.deb | sort -V | tail -1)
  fi
fi
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fankeep-test-deb.XXXXXX")
DATA="$WORK/data"
APP_PID=""
XVFB_PID=""
cleanup() {
  local rc=$?
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null
  if known; then echo "cleanup: purging fankeep"; apt_q purge fankeep || dpkg --purge --force-all fankeep >>"$LOG" 2>&1 || true; fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z "${DISPLAY:-}" ]]; then
  n=${FANKEEP_XVFB_DISPLAY:-90}; n=${n#:}
  while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & XVFB_PID=$!
  export DISPLAY=":$n"
  sleep 1
fi
V1=$(dpkg-deb -f "$DEB" Version)
echo "package $DEB ($V1, $(du -h "$DEB" | cut -f1)); display $DISPLAY; log $LOG"

# ------------------------------------------------------------------ 1. install
step "1. apt-get install $(basename "$DEB")"
if apt-get install -s "$DEB" 2>>"$LOG" | grep '^Inst ' | grep -vq '^Inst fankeep '; then
  echo "missing dependencies: apt-get update (Debian's archive) first"; apt_q update
fi
apt_q install "$DEB" || die "apt-get install failed"
check "dpkg: install ok installed" installed
DEPS=$(dpkg-query -W -f='${Depends} ${Recommends}' fankeep)
[[ "$DEPS" != *xdg-utils* ]] && ok "no xdg-utils in Depends/Recommends" || bad "xdg-utils still in $DEPS"
[[ "$DEPS" == *fonts-symbola* ]] && ok "Recommends fonts-symbola (emoji)" || bad "no emoji font in $DEPS"
check "/usr/bin/fankeep-cli -> /opt/fankeep/bin/fankeep-cli" test "$(readlink -f /usr/bin/fankeep-cli)" = /opt/fankeep/bin/fankeep-cli
check "menu entry /usr/share/applications/fankeep.desktop" grep -q '^Exec=/opt/fankeep/bin/FanKeep' /usr/share/applications/fankeep.desktop
if command -v desktop-file-validate >/dev/null; then check "desktop-file-validate" desktop-file-validate /usr/share/applications/fankeep.desktop; fi
for s in 16 32 48 128 256; do
  check "icon /usr/share/icons/hicolor/${s}x${s}/apps/fankeep.png" test -s "/usr/share/icons/hicolor/${s}x${s}/apps/fankeep.png"
done
dpkg -L fankeep | sort > "$WORK/files"
echo "$(wc -l < "$WORK/files") paths in the package"

# ------------------------------------------------------------------ 2. the CLI
step "2. /usr/bin/fankeep-cli stats --json (new data folder), sample load"
json=$(/usr/bin/fankeep-cli stats --json --data-dir "$DATA" 2>>"$LOG") || true
echo "$json"
[[ "$json" == '{"customers":0,'* ]] && ok "stats --json on a new folder" || bad "stats --json: '$json'"
/usr/bin/fankeep-cli sample load --data-dir "$DATA" >>"$LOG" 2>&1 && ok "sample load" || bad "sample load"
BEFORE=$(/usr/bin/fankeep-cli stats --json --data-dir "$DATA" 2>>"$LOG") || true
echo "$BEFORE"
[[ "$BEFORE" =~ \"customers\":[1-9] ]] && ok "customers after sample load" || bad "stats after sample load: '$BEFORE'"

# ------------------------------------------------------------------ 3. the window
step "3. /opt/fankeep/bin/FanKeep under Xvfb ($DISPLAY)"
/opt/fankeep/bin/FanKeep --data-dir "$DATA" >>"$LOG" 2>&1 &
APP_PID=$!
shown=""
for _ in $(seq 1 120); do
  # the main window's title (English or Chinese), not GTK's 10x10 leader window called "FanKeep"
  if xwininfo -root -tree 2>/dev/null | grep -q '"FanKeep —\|"粉丝管家'; then shown=1; break; fi
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 1
done
if [[ -n "$shown" ]]; then
  sleep 4   # the first page's data comes in behind the window
  import -display "$DISPLAY" -window root "$OUTDIR/app.png"
  spread=$(convert "$OUTDIR/app.png" -colorspace gray -format '%[fx:standard_deviation]' info:)
  awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' && ok "window shown, screenshot $OUTDIR/app.png (grey spread $spread)" \
    || bad "window shown but the screenshot is blank ($OUTDIR/app.png)"
else
  bad "no FanKeep window within 120 s (log $LOG)"
fi
kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
# the window above was killed, not closed: a start must still be clean (the file lock is the OS's, gone with the process)
bench=$(/opt/fankeep/bin/FanKeep bench startup --json --data-dir "$DATA" 2>>"$LOG") || true
echo "bench startup: $bench"
[[ "$bench" == *'"usableMs":'* ]] && ok "bench startup from the package" || bad "bench startup: '$bench'"
[[ "$bench" == *'"aotCache":"/opt/fankeep/lib/app/fankeep.aot"'* ]] && ok "launcher passes the AOT cache" || bad "no AOT cache in: $bench"
check "AOT cache usable (-XX:AOTMode=on)" env JAVA_TOOL_OPTIONS=-XX:AOTMode=on /usr/bin/fankeep-cli --version

# ------------------------------------------------------------------ 4. upgrade N -> N+1
V2=$(awk -F. -v OFS=. '{ $NF = $NF + 1; print }' <<<"${V1%%[-+~]*}")
step "4. upgrade $V1 -> $V2 (same package, version raised)"
dpkg-deb -R "$DEB" "$WORK/n1"
sed -i "s/^Version: .*/Version: $V2/" "$WORK/n1/DEBIAN/control"
fakeroot dpkg-deb --root-owner-group -Zgzip -z1 --build "$WORK/n1" "$WORK/fankeep_${V2}.deb" >>"$LOG"
rm -rf "$WORK/n1"
apt_q install "$WORK/fankeep_${V2}.deb" || die "apt-get install of $V2 over $V1 failed"
check "dpkg: $V2 install ok installed" test "$(dpkg-query -W -f='${Version} ${Status}' fankeep)" = "$V2 install ok installed"
AFTER=$(/usr/bin/fankeep-cli stats --json --data-dir "$DATA" 2>>"$LOG") || true
[[ -n "$AFTER" && "$AFTER" == "$BEFORE" ]] && ok "the data survived the upgrade: $AFTER" || bad "after upgrade: '$AFTER' (before: '$BEFORE')"
apt_q install --reinstall "$WORK/fankeep_${V2}.deb" && ok "reinstall of $V2 over itself (scripts idempotent)" || bad "reinstall of $V2"
rm -f "$WORK/fankeep_${V2}.deb"

# ------------------------------------------------------------------ 5. remove, purge
step "5. apt-get remove, dpkg --purge"
( cd "$DATA" && find . -type f -print0 | sort -z | xargs -0 md5sum ) > "$WORK/data.md5"
apt_q remove fankeep && ok "apt-get remove" || bad "apt-get remove"
check "/usr/bin/fankeep-cli gone after remove" test ! -e /usr/bin/fankeep-cli -a ! -L /usr/bin/fankeep-cli
# apt knows a removed package only while it has something to purge (conffiles, a postrm); this one has neither, so
# `apt-get remove` took it all and `apt-get purge` would say "Unable to locate package": dpkg --purge is the step
dpkg --purge fankeep >>"$LOG" 2>&1 && ok "dpkg --purge" || bad "dpkg --purge"
known && bad "dpkg still knows fankeep: $(dpkg-query -W -f='${Status}' fankeep)" || ok "dpkg knows no fankeep"
left=0
while IFS= read -r p; do
  [[ -d "$p" && ! -L "$p" ]] && continue          # /usr, /usr/share/… belong to others too
  if [[ -e "$p" || -L "$p" ]]; then echo "left: $p"; left=$((left + 1)); fi
done < "$WORK/files"
[[ -d /opt/fankeep ]] && { echo "left: /opt/fankeep"; left=$((left + 1)); }
ls /var/lib/dpkg/info/fankeep.* >/dev/null 2>&1 && { echo "left: /var/lib/dpkg/info/fankeep.*"; left=$((left + 1)); }
[[ $left -eq 0 ]] && ok "nothing of the package left ($(wc -l < "$WORK/files") paths checked)" || bad "$left paths left"
( cd "$DATA" && find . -type f -print0 | sort -z | xargs -0 md5sum ) | cmp -s - "$WORK/data.md5" \
  && ok "data folder untouched ($(wc -l < "$WORK/data.md5") files)" || bad "the data folder changed"

step "done"
if [[ $FAILS -eq 0 ]]; then echo "test-deb: ALL PASSED in $(( $(date +%s) - T0 )) s"; else echo "test-deb: $FAILS FAILED (log $LOG)"; exit 1; fi
