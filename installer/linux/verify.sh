#!/usr/bin/env bash
# Checks a built FanKeep app image (default target/installer/FanKeep, from `installer/linux/build.sh`).
#
#   installer/linux/verify.sh [IMAGE_DIR]
#
# 1. bin/fankeep-cli --version, and stats --json on a fresh data folder (runs Flyway + H2 + jOOQ)
# 2. without --data-dir the data goes to $XDG_DATA_HOME/fankeep, else ~/.local/share/fankeep (temp folders)
# 3. runtime modules: jdk.charsets, jdk.localedata; -XshowSettings:properties with a zh_CN locale
# 4. RuntimeCheck charsets with the bundled runtime: GBK/GB18030 round trip, zh_CN dates;
#    the CLI writing to a GBK console (stdout.encoding=GBK)
# 5. RuntimeCheck fx (only if xvfb-run or $DISPLAY is available): JavaFX starts from the bundled
#    runtime and renders Chinese text; snapshot in target/jpackage/check/fx-check.png
# Exit code 0 = everything passed. Nothing is written outside target/ and mktemp folders.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
IMG="${1:-target/installer/FanKeep}"
[[ -x "$IMG/bin/fankeep-cli" ]] || { echo "no app image at $IMG (run installer/linux/build.sh first)" >&2; exit 1; }
RT="$IMG/lib/runtime/bin/java"
CHECK=target/jpackage/check
mkdir -p "$CHECK"
FAIL=0
ok()   { printf 'PASS  %s\n' "$*"; }
bad()  { printf 'FAIL  %s\n' "$*"; FAIL=$((FAIL + 1)); }
step() { printf '\n== %s\n' "$*"; }

step "fankeep-cli --version"
v=$("$IMG/bin/fankeep-cli" --version)
echo "$v"
[[ "$v" == FanKeep\ * ]] && ok "version" || bad "version: '$v'"

step "fankeep-cli stats --json --data-dir <fresh temp folder>"
DATA=$(mktemp -d)
t0=$(date +%s%N)
json=$("$IMG/bin/fankeep-cli" stats --json --data-dir "$DATA" 2>"$CHECK/stats.stderr.log")
t1=$(date +%s%N)
echo "$json"
echo "($(( (t1 - t0) / 1000000 )) ms, first run incl. 6 migrations; log: $CHECK/stats.stderr.log)"
[[ "$json" == '{"customers":'* && -f "$DATA/fankeep.mv.db" ]] && ok "stats --json, database created in $DATA" || bad "stats --json"
json2=$("$IMG/bin/fankeep-cli" stats --json --data-dir "$DATA" 2>/dev/null)
[[ "$json2" == "$json" ]] && ok "second run on the same folder" || bad "second run: $json2"
rm -rf "$DATA"

step "default data folder (no --data-dir; temp XDG_DATA_HOME, then a temp user.home)"
# Java takes user.home from the passwd entry, not $HOME, so the ~/.local/share default is checked
# with the bundled runtime and -Duser.home; the launcher itself is checked with XDG_DATA_HOME.
FAKE=$(mktemp -d)
env -u FANKEEP_HOME XDG_DATA_HOME="$FAKE/xdg" "$IMG/bin/fankeep-cli" stats --json >/dev/null 2>&1 || true
[[ -f "$FAKE/xdg/fankeep/fankeep.mv.db" ]] && ok "launcher: data in \$XDG_DATA_HOME/fankeep" || bad "launcher: nothing in $FAKE/xdg/fankeep"
env -u FANKEEP_HOME -u XDG_DATA_HOME "$RT" -Duser.home="$FAKE/home" -jar "$IMG/lib/app/fankeep.jar" stats --json >/dev/null 2>&1 || true
[[ -f "$FAKE/home/.local/share/fankeep/fankeep.mv.db" ]] && ok "default: data in ~/.local/share/fankeep" || bad "default: nothing in $FAKE/home/.local/share/fankeep"
rm -rf "$FAKE"

step "runtime modules"
"$RT" --list-modules | tr '\n' ' '; echo
for m in jdk.charsets jdk.localedata javafx.controls javafx.swing java.sql java.naming java.management; do
  "$RT" --list-modules | grep -q "^$m@" && ok "$m" || bad "$m missing"
done

step "java -XshowSettings:properties, zh_CN locale (-Duser.language=zh -Duser.country=CN)"
"$RT" -Duser.language=zh -Duser.country=CN -XshowSettings:properties -version 2>&1 \
  | grep -E '^\s+(user\.(language|country)|native\.encoding|file\.encoding|stdout\.encoding|java\.home|java\.runtime\.version) ' || true
if locale -a 2>/dev/null | grep -qi '^zh_CN'; then
  echo "-- with LANG=zh_CN.UTF-8:"
  LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$RT" -XshowSettings:properties -version 2>&1 | grep -E '^\s+(user\.(language|country)|native\.encoding) ' || true
else
  echo "(no zh_CN system locale installed here, so LANG=zh_CN.* falls back to en; checked with -Duser.* instead)"
fi

step "RuntimeCheck charsets (compiled with the build JDK, run with the bundled runtime)"
# shellcheck source=installer/linux/jdk.sh
source "$ROOT/installer/linux/jdk.sh"
find_jdk
FXCP=$(ls target/jpackage/javafx/*.jar 2>/dev/null | tr '\n' ':' || true)
[[ -n "$FXCP" ]] || FXCP=$(ls target/lib/javafx-*-linux*.jar | tr '\n' ':')
"$JDK/bin/javac" --release 25 -encoding UTF-8 -cp "$FXCP" -d "$CHECK/classes" installer/linux/RuntimeCheck.java
if "$RT" -cp "$CHECK/classes" RuntimeCheck charsets; then ok "charsets"; else bad "charsets"; fi

step "CLI help on a GBK console (stdout.encoding=GBK), decoded back with iconv"
line=$("$RT" -Dstdout.encoding=GBK -jar "$IMG/lib/app/fankeep.jar" --help 2>/dev/null | sed -n 2p | iconv -f GBK -t UTF-8 || true)
echo "$line"
[[ "$line" == *粉丝管家* ]] && ok "GBK console output" || bad "GBK console output"

step "JavaFX from the bundled runtime (Xvfb)"
PNG="$CHECK/fx-check.png"
rm -f "$PNG"
FXRUN=()
if [[ -n "${DISPLAY:-}" ]]; then FXRUN=(); elif command -v xvfb-run >/dev/null; then FXRUN=(xvfb-run -a -s "-screen 0 1280x800x24"); else FXRUN=(skip); fi
if [[ "${FXRUN[0]:-}" == skip ]]; then
  echo "SKIP  no DISPLAY and no xvfb-run"
else
  FXHOME=$(mktemp -d)   # JavaFX would extract native libraries to <user.home>/.openjfx if they were not in the runtime
  if timeout 60 "${FXRUN[@]}" "$RT" -Duser.home="$FXHOME" -Djavafx.verbose=true --enable-native-access=javafx.graphics,ALL-UNNAMED \
       -cp "$CHECK/classes" RuntimeCheck fx "$PNG" >"$CHECK/fx.log" 2>&1 && [[ -s "$PNG" ]]; then
    grep -E '^javafx ' "$CHECK/fx.log" || true
    ok "JavaFX window + Chinese label snapshot: $PNG"
  else
    cat "$CHECK/fx.log"; bad "JavaFX check"
  fi
  grep -E '^Loaded .*libglass' "$CHECK/fx.log" || true
  if [[ ! -e "$FXHOME/.openjfx" ]] && grep -q 'from relative path' "$CHECK/fx.log"; then
    ok "JavaFX native libraries loaded from lib/runtime/lib (nothing extracted to ~/.openjfx)"
  else
    bad "JavaFX native libraries were extracted from resources (see $CHECK/fx.log)"
  fi
  rm -rf "$FXHOME"
fi

step "size"
du -sh "$IMG" "$IMG/lib/runtime" "$IMG/lib/app"

echo
if [[ $FAIL -eq 0 ]]; then echo "verify: ALL PASSED"; else echo "verify: $FAIL FAILED"; exit 1; fi
